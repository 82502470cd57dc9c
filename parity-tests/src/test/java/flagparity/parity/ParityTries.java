package flagparity.parity;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets the tries of the deep property from {@code -Dparity.tries=N}
 * ({@code ./mvnw -B verify -pl parity-tests -Dparity.tries=1000000}); without it the property keeps
 * the tries its annotation gives.
 */
public final class ParityTries implements AroundPropertyHook {
    static final String PROPERTY = "parity.tries";

    /** The tries asked for with {@code -Dparity.tries}, or {@code fallback}. */
    static int tries(int fallback) {
        String v = System.getProperty(PROPERTY);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String v = System.getProperty(PROPERTY);
        if (v != null && !v.isBlank()) {
            context.attributes().setTries(Integer.parseInt(v.trim()));
        }
        return property.execute();
    }

    @Override
    public int aroundPropertyProximity() {
        // outside jqwik's own hooks, so the tries are set before the property starts generating
        return -100;
    }
}

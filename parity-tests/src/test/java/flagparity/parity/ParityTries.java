package flagparity.parity;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The deep run: {@code -Dparity.tries=N} ({@code ./mvnw -B verify -pl parity-tests
 * -Dparity.tries=1000000}) asks the core-vs-reference property for at least N evaluations. Each of
 * its tries evaluates at least {@link CoreParityProperties#MIN_EVALUATIONS_PER_TRY} lookups, so
 * the property runs N / that many tries. Without the option the property keeps its annotation's tries.
 */
public final class ParityTries implements AroundPropertyHook {
    static final String PROPERTY = "parity.tries";

    /** Whether this is the deep run. */
    static boolean deep() {
        String v = System.getProperty(PROPERTY);
        return v != null && !v.isBlank();
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        if (deep()) {
            long evaluations = Long.parseLong(System.getProperty(PROPERTY).trim());
            long tries = (evaluations + CoreParityProperties.MIN_EVALUATIONS_PER_TRY - 1) / CoreParityProperties.MIN_EVALUATIONS_PER_TRY;
            context.attributes().setTries((int) Math.min(Integer.MAX_VALUE, Math.max(1, tries)));
        }
        return property.execute();
    }

    @Override
    public int aroundPropertyProximity() {
        // outside jqwik's own hooks, so the tries are set before the property starts generating
        return -100;
    }
}

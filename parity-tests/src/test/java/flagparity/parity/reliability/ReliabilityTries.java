package flagparity.parity.reliability;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Scales the tries of the reliability properties: {@code -Dreliability.tries=N} sets them, the deep
 * run ({@code -Dreliability.deep=true}) multiplies the annotation's by 20.
 */
public final class ReliabilityTries implements AroundPropertyHook {
    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String v = System.getProperty("reliability.tries");
        if (v != null && !v.isBlank()) {
            context.attributes().setTries(Integer.parseInt(v.trim()));
        } else if (Budget.DEEP) {
            context.attributes().tries().ifPresent(t -> context.attributes().setTries(t * 20));
        }
        return property.execute();
    }

    @Override
    public int aroundPropertyProximity() {
        // outside jqwik's own hooks, so the tries are set before generation starts
        return -100;
    }
}

package flagparity.parity.oracle;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/** Writes a failed property's minimized cases, with the property's seed, via {@link FailureLog}. */
public final class SaveFailures implements AroundPropertyHook {
    @Override
    public PropagationMode propagateTo() {
        // registered on a class, it wraps each of the class's properties
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyExecutionResult result = property.execute();
        List<Path> files = FailureLog.flush(result.seed().orElse("unknown"));
        for (Path f : files) {
            System.out.println("[parity] " + context.label() + ": minimized failure saved to " + f.toAbsolutePath());
        }
        return result;
    }
}

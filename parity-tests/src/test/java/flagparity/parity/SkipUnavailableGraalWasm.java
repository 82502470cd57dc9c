package flagparity.parity;

import flagparity.reference.api.Availability;
import flagparity.reference.api.Engines;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** Skips a graalwasm property where this JVM cannot run it (JDK 17: the module is not built), saying why. */
public final class SkipUnavailableGraalWasm implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        Availability a = Engines.get("graalwasm").availability();
        return a.isAvailable() ? SkipResult.doNotSkip() : SkipResult.skip("graalwasm is unavailable: " + a.reason());
    }
}

package flagparity.openfeature;

import flagparity.reference.ReferenceEvaluator;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.PlatformData;
import java.time.Clock;

/** The evaluators the provider builds itself. */
final class Engines {
    private Engines() {}

    /** The reference answering as {@code version}, with DevCycle's Java SDK platform data, as DevCycle's provider has. */
    static Evaluator reference(CoreVersion version) {
        return new ReferenceEvaluator(version, PlatformData.javaSdkDefault(), Clock.systemUTC());
    }
}

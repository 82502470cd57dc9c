package flagparity.openfeature;

import flagparity.reference.ReferenceEvaluator;
import flagparity.reference.api.Evaluator;

/** The evaluators the provider builds itself. */
final class Engines {
    private Engines() {}

    static Evaluator reference() {
        return new ReferenceEvaluator();
    }
}

package flagparity.bench.engines;

import flagparity.reference.api.User;
import java.util.Map;

/** An evaluator that answers every variable of one user in one call, as DevCycle's SDK's {@code allVariables} does. */
public interface AllVariables {

    /** Every variable served to {@code user}, keyed by variable key, in the evaluator's own form. */
    Map<String, ?> allVariables(User user);
}

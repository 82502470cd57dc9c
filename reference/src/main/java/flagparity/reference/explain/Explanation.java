package flagparity.reference.explain;

import flagparity.reference.api.Variable;

/** How an evaluation reached its answer. Immutable. (Skeleton: filled in by the reference module.) */
public final class Explanation {
    private final Variable variable;
    private final String json;

    public Explanation(Variable variable, String json) {
        this.variable = variable;
        this.json = json;
    }

    /** The variable served, or {@code null} when none. */
    public Variable variable() {
        return variable;
    }

    /** The explanation as JSON, what the {@code explain} CLI command prints. */
    public String toJson() {
        return json;
    }
}

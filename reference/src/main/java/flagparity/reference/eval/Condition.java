package flagparity.reference.eval;

import flagparity.reference.api.User;

/** A compiled audience operator or filter. Immutable once its config is published. */
public abstract class Condition {
    private final boolean operator;

    /** @param operator whether this is a nested operator (see {@link #isOperator()}) */
    protected Condition(boolean operator) {
        this.operator = operator;
    }

    /**
     * Whether {@code user} passes.
     *
     * @param stack the bytes of the core's shadow stack its evaluation would have in use here (0 at
     *     a target's audience; see {@link flagparity.reference.internal.CoreStack#EVAL_LIMIT})
     * @param tracer receives the steps, or null
     * @throws flagparity.reference.api.EvaluationException where the core's stack would overflow
     */
    public abstract boolean matches(User user, Environment env, int stack, Tracer tracer);

    /** A short description for explain, e.g. {@code email contain ["@x.com"]}. */
    public abstract String describe();

    /** Whether this is a nested operator (which decides its parent at once, a core quirk). */
    public final boolean isOperator() {
        return operator;
    }
}

package flagparity.reference.eval;

import flagparity.reference.api.User;

/** A compiled audience operator or filter. Immutable once its config is published. */
public abstract class Condition {
    private final boolean operator;
    private final Match fixed;

    /**
     * @param operator whether this is a nested operator (see {@link #isOperator()})
     * @param fixed the match it gives whenever it passes, or null when that depends on the path taken
     */
    protected Condition(boolean operator, Match fixed) {
        this.operator = operator;
        this.fixed = fixed;
    }

    /**
     * The match when {@code user} passes (what it adds to the evaluation reason), null when not.
     *
     * @param stack the bytes of the core's shadow stack its evaluation would have in use here (0 at
     *     a target's audience; see {@link flagparity.reference.internal.CoreStack.Eval})
     * @param tracer receives the steps, or null
     * @throws flagparity.reference.api.EvaluationException where the core's stack would overflow
     */
    public abstract Match match(User user, Environment env, int stack, Tracer tracer);

    /** Whether {@code user} passes: {@link #match} is not null. */
    public final boolean matches(User user, Environment env, int stack, Tracer tracer) {
        return match(user, env, stack, tracer) != null;
    }

    /** The match it gives whenever it passes, or null when that depends on the path taken. */
    public final Match fixedMatch() {
        return fixed;
    }

    /** A short description for explain, e.g. {@code email contain ["@x.com"]}. */
    public abstract String describe();

    /** Whether this is a nested operator (see {@link Operator} for what that decides). */
    public final boolean isOperator() {
        return operator;
    }
}

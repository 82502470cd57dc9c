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
     * @param depth how many audiences enclose this evaluation (to detect a reference cycle)
     * @param tracer receives the steps, or null
     */
    public abstract boolean matches(User user, Environment env, int depth, Tracer tracer);

    /** A short description for explain, e.g. {@code email contain ["@x.com"]}. */
    public abstract String describe();

    /** Whether this is a nested operator (which decides its parent at once, a core quirk). */
    public final boolean isOperator() {
        return operator;
    }
}

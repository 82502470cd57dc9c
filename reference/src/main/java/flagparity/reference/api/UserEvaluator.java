package flagparity.reference.api;

/**
 * An {@link Evaluator} bound to one user ({@link Evaluator#forUser}): a request handler that asks
 * for many flags of one user pays the per-user work once (encoding the user, moving it into an
 * engine) instead of once per key.
 *
 * <p>Every lookup answers exactly as {@code variable(user, key, type)} on the evaluator it came from
 * would at that moment (the config in force, null for an unknown key or another type, the same
 * exceptions). Thread-safe as its evaluator is; nothing to close.
 */
@FunctionalInterface
public interface UserEvaluator {

    /**
     * As {@link Evaluator#variable} for the bound user.
     *
     * @throws NullPointerException for a null argument, naming it
     */
    Variable variable(String key, VariableType type);
}

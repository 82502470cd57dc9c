package flagparity.reference.api;

import java.util.Objects;

/**
 * Evaluates DevCycle feature flags for users: the one seam every engine implements (the pure-Java
 * reference and each Wasm engine x codec x concurrency), so tests and benchmarks are written once.
 *
 * <p>Implementations are thread-safe. An evaluation always sees one whole config, the old or the
 * new one, never a mix. No argument may be null: every implementation throws
 * {@link NullPointerException}, naming the parameter, for a null one.
 */
public interface Evaluator extends AutoCloseable {

    /**
     * The variable {@code key} of type {@code type} as served to {@code user}, or {@code null} when
     * the user gets no value (unknown key, type mismatch, not targeted, rolled out of, no config).
     *
     * @throws InvalidUserException when the core would reject the user
     * @throws EvaluationException when the evaluation itself fails (a core abort, for example)
     */
    Variable variable(User user, String key, VariableType type);

    /**
     * {@code user} bound for many lookups: each {@link UserEvaluator#variable} answers as
     * {@link #variable} does for that user. This default calls {@link #variable} per key; engines
     * that can do the per-user work once override it.
     *
     * @throws NullPointerException for a null user
     */
    default UserEvaluator forUser(User user) {
        Objects.requireNonNull(user, "user");
        return (key, type) -> variable(user, key, type);
    }

    /**
     * The bucketed config for {@code user} as the core's {@code generateBucketedConfigForUser}
     * writes it: a JSON object with project, environment, features, featureVariationMap,
     * variableVariationMap and variables.
     */
    String bucketedConfig(User user);

    /**
     * Swaps in a whole new DevCycle server config (the JSON its CDN serves). On failure the
     * previous config stays in service.
     *
     * @throws ConfigException when the config is rejected
     */
    void setConfig(String configJson);

    /**
     * Sets the client custom data (a flat JSON object) used when a user's own custom data lacks a
     * key. On failure the previous value stays in service.
     *
     * @throws InvalidUserException when the JSON is not an object the core can read (nested values are allowed, as in the core)
     */
    void setClientCustomData(String customDataJson);

    /** Releases native resources, if any. The evaluator must not be used afterwards. */
    @Override
    default void close() {}
}

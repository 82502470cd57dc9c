package flagparity.workloads.gen;

/**
 * What the generator writes: realistic configs of a fixed shape (the benchmarks' named workloads), or
 * the odd vocabulary the parity properties need (odd strings and number spellings, unknown names,
 * missing references, values of the wrong type, members the core ignores, dates in other spellings)
 * in configs of a drawn size.
 *
 * @param odd the odd vocabulary (else realistic names and values, and the default key's feature)
 * @param minFeatures the fewest features (realistic: the number of features)
 * @param maxFeatures the most features
 * @param audiences realistic: the config-level audiences (the first one internal users); odd: the most
 * @param maxTargets odd: the most targets of a feature (realistic: one to three)
 */
public record Profile(boolean odd, int minFeatures, int maxFeatures, int audiences, int maxTargets) {
    /** A realistic config of exactly {@code features} features and {@code audiences} audiences. */
    public static Profile realistic(int features, int audiences) {
        return new Profile(false, features, features, audiences, 3);
    }

    /** An odd config of up to {@code maxFeatures} features (none now and then) of up to {@code maxTargets} targets. */
    public static Profile odd(int maxFeatures, int maxTargets) {
        return new Profile(true, 1, maxFeatures, 4, maxTargets);
    }
}

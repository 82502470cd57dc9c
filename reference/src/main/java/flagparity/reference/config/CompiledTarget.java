package flagparity.reference.config;

import flagparity.reference.eval.Operator;
import flagparity.reference.eval.Rollout;

/**
 * A feature target: its audience, optional rollout, bucketing key and distribution. The
 * distribution is sorted by variation id descending (the core's order) and each entry already
 * points at its variation.
 */
public final class CompiledTarget {
    /** A distribution entry. */
    public static final class Distribution {
        private final String variationId;
        private final double percentage;
        private final CompiledVariation variation;

        Distribution(String variationId, double percentage, CompiledVariation variation) {
            this.variationId = variationId;
            this.percentage = percentage;
            this.variation = variation;
        }

        public String variationId() { return variationId; }
        public double percentage() { return percentage; }
        /** The feature's variation with this id (the last, if several), or null if it has none. */
        public CompiledVariation variation() { return variation; }
    }

    private final int index;
    private final String id;
    private final int seed;
    private final Operator audience;
    private final Rollout rollout;
    private final String bucketingKey;
    private final Distribution[] distribution;

    CompiledTarget(int index, String id, int seed, Operator audience, Rollout rollout, String bucketingKey,
            Distribution[] distribution) {
        this.index = index;
        this.id = id;
        this.seed = seed;
        this.audience = audience;
        this.rollout = rollout;
        this.bucketingKey = bucketingKey;
        this.distribution = distribution.clone();
    }

    public int index() { return index; }
    public String id() { return id; }
    /** The hash seed: murmur3 of the target id with seed 1. */
    public int seed() { return seed; }
    public Operator audience() { return audience; }
    /** The rollout, or null. */
    public Rollout rollout() { return rollout; }
    /** The custom-data key users are bucketed by, or null for user_id. */
    public String bucketingKey() { return bucketingKey; }

    /**
     * The entry the core picks for {@code bucketingHash}: the first whose running sum of
     * percentages exceeds the hash (a negative hash never matches); null when none does.
     */
    public Distribution pick(double bucketingHash) {
        double sum = 0;
        for (Distribution d : distribution) {
            sum += d.percentage;
            if (bucketingHash >= 0 && bucketingHash < sum) return d;
        }
        return null;
    }
}

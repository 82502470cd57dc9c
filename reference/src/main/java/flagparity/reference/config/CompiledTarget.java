package flagparity.reference.config;

import flagparity.reference.api.EvalReason;
import flagparity.reference.eval.Match;
import flagparity.reference.eval.Operator;
import flagparity.reference.eval.Rollout;
import flagparity.reference.internal.Interned;

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

    /** This target taking a user through an audience path, with the reason the core gives for it. */
    public final class Taken {
        private final EvalReason reason;

        private Taken(EvalReason reason) {
            this.reason = reason;
        }

        public CompiledTarget target() { return CompiledTarget.this; }
        public EvalReason reason() { return reason; }
    }

    private final int index;
    private final String id;
    private final int seed;
    private final Operator audience;
    private final Rollout rollout;
    private final String bucketingKey;
    private final Distribution[] distribution;
    private final boolean sumOfOneTakesHashOne;
    private final String reasonName;
    private final String detailsPrefix;
    private final Interned<Match, Taken> taken = new Interned<>();
    /** The audience's one match, when it has only one path, and this target taking it: ready at compile time. */
    private final Match fixedMatch;
    private final Taken fixedTaken;

    CompiledTarget(int index, String id, int seed, Operator audience, Rollout rollout, String bucketingKey,
            Distribution[] distribution, CoreRules rules) {
        this.index = index;
        this.id = id;
        this.seed = seed;
        this.audience = audience;
        this.rollout = rollout;
        this.bucketingKey = bucketingKey;
        this.distribution = distribution.clone();
        this.sumOfOneTakesHashOne = rules.sumOfOneTakesHashOne();
        // core 1.42.8's _getEvalReason: a rollout or other than one distribution entry makes a SPLIT
        boolean split = distribution.length != 1 || rollout != null;
        this.reasonName = split ? EvalReason.SPLIT : EvalReason.TARGETING_MATCH;
        this.detailsPrefix = distribution.length != 1 && rollout != null ? "Random Distribution | Rollout | "
                : distribution.length != 1 ? "Random Distribution | " : rollout != null ? "Rollout | " : "";
        this.fixedMatch = audience.fixedMatch();
        this.fixedTaken = fixedMatch == null ? null : newTaken(fixedMatch);
    }

    private Taken newTaken(Match match) {
        return new Taken(new EvalReason(reasonName, detailsPrefix + match.details(), id));
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

    /** This target taking a user whose audience gave {@code match}; made once per path. */
    public Taken taken(Match match) {
        if (match == fixedMatch) return fixedTaken;
        Taken t = taken.get(match);
        return t != null ? t : taken.putIfAbsent(match, newTaken(match));
    }

    /**
     * The entry the core picks for {@code bucketingHash}: the first whose running sum of
     * percentages exceeds the hash (a negative hash never matches), or under
     * {@link CoreRules#sumOfOneTakesHashOne()} reaches exactly 1 when the hash is 1; null when none does.
     */
    public Distribution pick(double bucketingHash) {
        double sum = 0;
        for (Distribution d : distribution) {
            sum += d.percentage;
            if (bucketingHash >= 0 && (bucketingHash < sum || sumOfOneTakesHashOne && sum == 1 && bucketingHash == 1)) {
                return d;
            }
        }
        return null;
    }
}

package flagparity.reference.config;

import flagparity.reference.api.EvalReason;
import flagparity.reference.api.User;
import flagparity.reference.eval.Condition;
import flagparity.reference.eval.Environment;
import flagparity.reference.eval.Match;
import flagparity.reference.eval.Tracer;
import flagparity.reference.eval.Murmur3;
import flagparity.reference.eval.Operator;
import flagparity.reference.eval.Rollout;
import flagparity.reference.internal.Interned;

/**
 * A feature target: its audience, optional rollout, bucketing key and distribution. The
 * distribution is sorted by variation id descending (the core's order) and each entry already
 * points at its variation. For lookups the distribution is also compiled to unsigned murmur3
 * thresholds ({@link #pick(int)}), so a lookup compares the raw hash instead of dividing it, and
 * skips hashing altogether when every hash picks the same entry.
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
    /** The audience's only filter, asked directly on lookups ({@link Operator#singleFilter()}), or null. */
    private final Condition singleFilter;
    private final int singleFilterStack;
    private final Rollout rollout;
    private final String bucketingKey;
    private final Distribution[] distribution;
    private final boolean sumOfOneTakesHashOne;
    private final String reasonName;
    private final String detailsPrefix;
    /** Per entry, how many unsigned hashes {@code u} have {@code u / MAX_HASH} below its running sum. */
    private final long[] thresholds;
    /** The entry the hash 0xFFFFFFFF (bounded: exactly 1) picks, or -1 for none. */
    private final int hashOneIndex;
    /** The entry every hash picks, or -1 when the hash decides. */
    private final int everyHashIndex;
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
        this.singleFilter = audience.singleFilter();
        this.singleFilterStack = audience.singleFilterStack();
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
        this.thresholds = new long[distribution.length];
        int one = -1;
        double sum = 0;
        for (int i = 0; i < distribution.length; i++) {
            sum += distribution[i].percentage;
            thresholds[i] = threshold(sum);
            if (one < 0 && (1 < sum || sumOfOneTakesHashOne && sum == 1)) one = i;
        }
        this.hashOneIndex = one;
        this.everyHashIndex = one == 0 && thresholds[0] >= MAX_UNSIGNED ? 0 : -1;
    }

    private static final long MAX_UNSIGNED = 0xFFFFFFFFL;

    /**
     * The number of unsigned hashes {@code u} with {@code u / MAX_HASH < sum}, found by bisection
     * with the very division {@link #pick(double)} is given, so both agree on every hash.
     */
    private static long threshold(double sum) {
        long lo = 0;
        long hi = MAX_UNSIGNED + 1;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (Murmur3.bounded((int) mid) < sum) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private Taken newTaken(Match match) {
        return new Taken(new EvalReason(reasonName, detailsPrefix + match.details(), id));
    }

    public int index() { return index; }
    public String id() { return id; }
    /** The hash seed: murmur3 of the target id with seed 1. */
    public int seed() { return seed; }
    public Operator audience() { return audience; }

    /** The audience's match for {@code user} (its filter's directly when it has one), or null when it does not take the user. */
    public Match audienceMatch(User user, Environment env, Tracer tracer) {
        if (singleFilter != null && tracer == null) return singleFilter.match(user, env, singleFilterStack, null);
        return audience.match(user, env, 0, tracer);
    }
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

    /** The fixed match's {@link Taken} when the audience has a single path, else null. */
    public Taken fixedTaken() { return fixedTaken; }

    /** The entry every bucketing hash picks (the hash need not be computed), or -1 when the hash decides. */
    public int everyHashIndex() { return everyHashIndex; }

    /** The distribution entry at {@code index} (the core's order). */
    public Distribution distribution(int index) { return distribution[index]; }

    /** The number of distribution entries. */
    public int distributionSize() { return distribution.length; }

    /** The index of {@link #pick(double)} of {@code Murmur3.bounded(bucketingHash)}, without the division; -1 for none. */
    public int pickIndex(int bucketingHash) {
        long u = bucketingHash & MAX_UNSIGNED;
        if (u == MAX_UNSIGNED) return hashOneIndex;
        long[] t = thresholds;
        for (int i = 0; i < t.length; i++) {
            if (u < t[i]) return i;
        }
        return -1;
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

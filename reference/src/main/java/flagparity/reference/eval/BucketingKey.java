package flagparity.reference.eval;

import flagparity.reference.api.User;
import flagparity.reference.internal.AsFloatFormat;

/**
 * Hashes the value a target buckets a user by, as the core does ({@code _getUserValueForBucketingKey}):
 * the user_id, or for another bucketing key the user's custom-data value as the core stringifies it
 * (a string as is, an integer like {@code 7}, a float like {@code 7.0}, {@code true}/{@code false});
 * an absent key or JSON null is {@code "null"}. Client custom data is not consulted. Numbers are
 * formatted into a per-thread buffer, so hashing allocates nothing.
 */
public final class BucketingKey {
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[AsFloatFormat.MAX_FLOAT_CHARS]);

    private BucketingKey() {}

    /**
     * murmur3 of the bucketing value (followed by {@code "_rollout"} when {@code rollout}) with {@code seed}.
     *
     * @param bucketingKey a custom-data key, or null for user_id
     */
    public static int hash(User user, String bucketingKey, int seed, boolean rollout) {
        if (bucketingKey == null) return Murmur3.hash(user.userId(), seed, rollout);
        Object v = CustomData.combined(user, bucketingKey);
        if (v instanceof String) return Murmur3.hash((String) v, seed, rollout);
        if (v instanceof Long) {
            char[] buf = BUFFER.get();
            return Murmur3.hash(buf, 0, formatLong((Long) v, buf), seed, rollout);
        }
        if (v instanceof Double) {
            char[] buf = BUFFER.get();
            return Murmur3.hash(buf, 0, AsFloatFormat.formatFloat((Double) v, buf, 0), seed, rollout);
        }
        if (v instanceof Boolean) return Murmur3.hash((Boolean) v ? "true" : "false", seed, rollout);
        return Murmur3.hash("null", seed, rollout);
    }

    /**
     * {@link #hash(User, String, int, boolean)}, taking a target that buckets by user_id from
     * {@code prepared} (the same user's user_id mixed once, {@link PreparedUserId}) when it is not null.
     */
    public static int hash(User user, PreparedUserId prepared, String bucketingKey, int seed, boolean rollout) {
        if (bucketingKey == null && prepared != null) return (rollout ? prepared.rollout : prepared.plain).hash(seed);
        return hash(user, bucketingKey, seed, rollout);
    }

    /**
     * A user's user_id, and user_id followed by {@code "_rollout"}, read and mixed once
     * ({@link Murmur3#prepare}): a bound user's, so each of its lookups hashes only the target's seed
     * chain. user_id is what targets bucket by unless they name a custom-data key.
     */
    public static final class PreparedUserId {
        private final Murmur3.Prepared plain;
        private final Murmur3.Prepared rollout;

        public PreparedUserId(User user) {
            this.plain = Murmur3.prepare(user.userId(), false);
            this.rollout = Murmur3.prepare(user.userId(), true);
        }
    }

    /** The bucketing value as text (for explain). */
    public static String value(User user, String bucketingKey) {
        if (bucketingKey == null) return user.userId();
        Object v = CustomData.combined(user, bucketingKey);
        if (v instanceof Double) return AsFloatFormat.formatFloat((Double) v);
        if (v instanceof String || v instanceof Long || v instanceof Boolean) return v.toString();
        return "null";
    }

    private static int formatLong(long v, char[] buf) {
        int digits = 1;
        for (long t = v / 10; t != 0; t /= 10) digits++;
        int n = v < 0 ? digits + 1 : digits;
        if (v < 0) buf[0] = '-';
        for (int i = n - 1; i >= n - digits; i--) {
            buf[i] = (char) ('0' + Math.abs(v % 10));
            v /= 10;
        }
        return n;
    }
}

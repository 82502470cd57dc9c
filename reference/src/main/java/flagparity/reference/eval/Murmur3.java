package flagparity.reference.eval;

/**
 * The core's murmurhash3 (x86, 32-bit) over a string's UTF-16 code units, one byte per unit: units
 * up to 127 as themselves, every other unit as {@code '\\'} (0x5C), which is what the core's
 * per-unit escape yields. The length mixed in is the number of units. Nothing here allocates: the
 * rollout hash of {@code value + "_rollout"} continues over the suffix instead of concatenating.
 */
public final class Murmur3 {
    /** The divisor that bounds a hash to [0, 1]: 2^32 - 1. */
    public static final double MAX_HASH = 4294967295.0;

    private static final String ROLLOUT_SUFFIX = "_rollout";
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3() {}

    /** murmur3 of {@code s} with {@code seed}: the lookups' hash, kept apart from the rollout one so it has no suffix to test for. */
    public static int hash(String s, int seed) {
        int len = s.length();
        int h1 = seed;
        int i = 0;
        for (int blocks = len & ~3; i < blocks; i += 4) {
            int k1 = unit(s.charAt(i)) | unit(s.charAt(i + 1)) << 8 | unit(s.charAt(i + 2)) << 16 | unit(s.charAt(i + 3)) << 24;
            h1 = mixBlock(h1, k1);
        }
        int rest = len & 3;
        if (rest != 0) {
            int k1 = unit(s.charAt(i));
            if (rest >= 2) k1 ^= unit(s.charAt(i + 1)) << 8;
            if (rest == 3) k1 ^= unit(s.charAt(i + 2)) << 16;
            h1 ^= mixK(k1);
        }
        return finish(h1, len);
    }

    /** murmur3 of {@code s}, followed by {@code "_rollout"} when {@code rollout}, with {@code seed}. */
    public static int hash(String s, int seed, boolean rollout) {
        if (!rollout) return hash(s, seed);
        int len = s.length();
        int total = rollout ? len + ROLLOUT_SUFFIX.length() : len;
        int h1 = seed;
        int blocks = total & ~3;
        int inString = len & ~3;
        int i = 0;
        for (; i < inString; i += 4) {
            int k1 = unit(s.charAt(i)) | unit(s.charAt(i + 1)) << 8 | unit(s.charAt(i + 2)) << 16 | unit(s.charAt(i + 3)) << 24;
            h1 = mixBlock(h1, k1);
        }
        for (; i < blocks; i += 4) {
            int k1 = unit(s, len, i) | unit(s, len, i + 1) << 8 | unit(s, len, i + 2) << 16 | unit(s, len, i + 3) << 24;
            h1 = mixBlock(h1, k1);
        }
        int rest = total & 3;
        if (rest != 0) {
            int k1 = unit(s, len, i);
            if (rest >= 2) k1 ^= unit(s, len, i + 1) << 8;
            if (rest == 3) k1 ^= unit(s, len, i + 2) << 16;
            h1 ^= mixK(k1);
        }
        return finish(h1, total);
    }

    /** murmur3 of {@code buf[off, off+len)}, followed by {@code "_rollout"} when {@code rollout}. */
    public static int hash(char[] buf, int off, int len, int seed, boolean rollout) {
        int total = rollout ? len + ROLLOUT_SUFFIX.length() : len;
        int h1 = seed;
        int blocks = total & ~3;
        int i = 0;
        for (; i < blocks; i += 4) {
            int k1 = unit(buf, off, len, i) | unit(buf, off, len, i + 1) << 8 | unit(buf, off, len, i + 2) << 16
                    | unit(buf, off, len, i + 3) << 24;
            h1 = mixBlock(h1, k1);
        }
        int rest = total & 3;
        if (rest != 0) {
            int k1 = unit(buf, off, len, i);
            if (rest >= 2) k1 ^= unit(buf, off, len, i + 1) << 8;
            if (rest == 3) k1 ^= unit(buf, off, len, i + 2) << 16;
            h1 ^= mixK(k1);
        }
        return finish(h1, total);
    }

    /**
     * {@code s} (followed by {@code "_rollout"} when {@code rollout}) made ready to be hashed under
     * many seeds: each block is read and mixed once here, so {@link Prepared#hash} does only the
     * seed's chain. A bound user prepares its bucketing value once for all its lookups.
     */
    public static Prepared prepare(String s, boolean rollout) {
        int len = s.length();
        int total = rollout ? len + ROLLOUT_SUFFIX.length() : len;
        int[] blocks = new int[total >>> 2];
        int i = 0;
        for (int b = 0; b < blocks.length; b++, i += 4) {
            blocks[b] = mixK(unit(s, len, i) | unit(s, len, i + 1) << 8 | unit(s, len, i + 2) << 16 | unit(s, len, i + 3) << 24);
        }
        int rest = total & 3;
        int tail = 0;
        if (rest != 0) {
            int k1 = unit(s, len, i);
            if (rest >= 2) k1 ^= unit(s, len, i + 1) << 8;
            if (rest == 3) k1 ^= unit(s, len, i + 2) << 16;
            tail = mixK(k1);
        }
        return new Prepared(blocks, tail, total);
    }

    /** A string's blocks mixed once ({@link #prepare}); immutable. */
    public static final class Prepared {
        private final int[] blocks;
        /** The mixed partial block, 0 when there is none (which XORs as nothing). */
        private final int tail;
        private final int length;

        private Prepared(int[] blocks, int tail, int length) {
            this.blocks = blocks;
            this.tail = tail;
            this.length = length;
        }

        /** The same hash as {@link Murmur3#hash(String, int, boolean)} of the prepared string with {@code seed}. */
        public int hash(int seed) {
            int h1 = seed;
            int[] b = blocks;
            for (int i = 0; i < b.length; i++) h1 = chain(h1, b[i]);
            return finish(h1 ^ tail, length);
        }
    }

    /** The hash as the core bounds it: unsigned value / (2^32 - 1). */
    public static double bounded(int hash) {
        return (hash & 0xFFFFFFFFL) / MAX_HASH;
    }

    private static int unit(char c) {
        return c > 127 ? 0x5C : c;
    }

    private static int unit(String s, int len, int i) {
        int c = i < len ? s.charAt(i) : ROLLOUT_SUFFIX.charAt(i - len);
        return c > 127 ? 0x5C : c;
    }

    private static int unit(char[] buf, int off, int len, int i) {
        int c = i < len ? buf[off + i] : ROLLOUT_SUFFIX.charAt(i - len);
        return c > 127 ? 0x5C : c;
    }

    private static int mixK(int k1) {
        k1 *= C1;
        k1 = Integer.rotateLeft(k1, 15);
        return k1 * C2;
    }

    private static int mixBlock(int h1, int k1) {
        return chain(h1, mixK(k1));
    }

    /** One block's step of the seed's chain, given the block already mixed. */
    private static int chain(int h1, int mixedK1) {
        h1 ^= mixedK1;
        h1 = Integer.rotateLeft(h1, 13);
        return h1 * 5 + 0xe6546b64;
    }

    private static int finish(int h1, int length) {
        h1 ^= length;
        h1 ^= h1 >>> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >>> 13;
        h1 *= 0xc2b2ae35;
        h1 ^= h1 >>> 16;
        return h1;
    }
}

package flagparity.workloads.gen;

import java.util.List;
import java.util.Random;

/**
 * Where the generator's choices come from: a {@link Random}, seeded for the named workloads
 * ({@link #seeded}) or handed over by a property-testing library ({@link #of}), so the same generator
 * serves benchmarks and parity properties. Every choice is one call, so a source fixes a document.
 */
public final class Choices {
    private final Random random;

    private Choices(Random random) {
        this.random = random;
    }

    /** Choices from {@code new Random(seed)}: the same seed gives the same documents on every JVM. */
    public static Choices seeded(long seed) {
        return new Choices(new Random(seed));
    }

    /** Choices from a given random source (a property-testing library's, say). */
    public static Choices of(Random random) {
        return new Choices(random);
    }

    /** 0 to {@code bound - 1}. */
    public int below(int bound) {
        return random.nextInt(bound);
    }

    /** {@code min} to {@code max}, both included. */
    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public boolean bool() {
        return random.nextBoolean();
    }

    /** True once in {@code n} on average. */
    public boolean oneIn(int n) {
        return random.nextInt(n) == 0;
    }

    /** True {@code percent} times in 100. */
    public boolean percent(int percent) {
        return random.nextInt(100) < percent;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    public final <T> T pickOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** An index into {@code weights}, each drawn in proportion to its weight. */
    public int weighted(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** A long in [min, max]. */
    public long longBetween(long min, long max) {
        return min + (long) Math.floor(random.nextDouble() * (max - min + 1));
    }

    /** A double in [min, max) rounded to {@code scale} decimals. */
    public double doubleBetween(double min, double max, int scale) {
        double d = min + random.nextDouble() * (max - min);
        return java.math.BigDecimal.valueOf(d).setScale(scale, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    /** A string of up to {@code maxLength} characters from {@code chars}. */
    public String string(String chars, int maxLength) {
        int n = below(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(below(chars.length())));
        }
        return sb.toString();
    }

    /** A string of up to {@code maxLength} arbitrary UTF-16 code units (lone surrogates included). */
    public String anyString(int maxLength) {
        int n = below(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(oneIn(3) ? (char) below(0x80) : (char) below(0x10000));
        }
        return sb.toString();
    }

    /** {@code digits} lower-case hex digits. */
    public String hex(int digits) {
        StringBuilder sb = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }
}

package flagparity.parity.gen;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * The small value pools that users and configs both draw from, so that filters often match (with
 * values drawn independently, almost every user would just be "not targeted").
 */
public final class Pools {
    private Pools() {}

    /** 2024-03-10T12:00:00Z: every date in a generated config and every clock time lies near it. */
    public static final long T0 = 1_710_072_000_000L;
    public static final long HOUR = 3_600_000L;
    /** Offsets from {@link #T0}, in hours, that rollout dates and clock times share. */
    static final List<Integer> HOUR_OFFSETS = List.of(-48, -24, -2, -1, 0, 1, 2, 3, 24, 48);

    static final List<String> USER_IDS = List.of("u1", "u2", "12345", "user-7", "a", "7", "7.0", "null",
            "ü-user", "😀", "", "a_rollout", "AbC", "0");

    /** Strings for emails, countries, device models, custom data and string filter values. */
    static final List<String> STRINGS = List.of("", "a", "ab", "abc", "b", "bc", "CA", "US", "ca", "de",
            "a@x.com", "b@x.com", "A@X.COM", "@x.com", "é", "😀", "a😀", "ü", "a b", " a", "0", "1", "-1",
            "1.0", "7", "true", "null", "x\ny", "\"q\"", "\\", "iPhone", "Pixel 7");

    static final List<String> VERSIONS = List.of("1", "1.2", "1.2.3", "1.2.0", "1.10", "1.9.9", "2", "2.0.0",
            "1.2.3-beta", "1.2.3-beta-2", "1.2.3ab", "1.2a.3", "v1.2", "1..2", "", ".", "1.2.3.4", "01.2",
            "1.2(3)", "1|2", "17.0.15", "17", "10.0", "d1", "1-2", "-1");

    static final List<String> CUSTOM_KEYS = List.of("plan", "age", "beta", "score", "k", "", "ü", "a.b");

    static final List<String> PLATFORMS = List.of("Java", "iOS", "Android", "", "java");

    /** Numbers as users and filters write them; integral values as Long, the rest as Double. */
    static final List<Number> NUMBERS = List.of(0L, 1L, -1L, 2L, 7L, 100L, 0.5, 7.0, 7.5, -2.5, 0.1,
            0.30000000000000004, 1e-7, 1e21, 1.5e300, -0.0, 3.14, 1234567.0, 9_007_199_254_740_992L,
            9_007_199_254_740_993L, Long.MAX_VALUE, Long.MIN_VALUE, 4.9e-324, 1.7976931348623157e308, 123456789L);

    /** The few values drawn most often, so that equality filters match. */
    static final List<String> COMMON_STRINGS = List.of("a", "ab", "CA", "a@x.com", "");
    static final List<String> COMMON_VERSIONS = List.of("1.2.3", "1.2", "2.0.0", "1.10", "1.2.0", "17.0.15");
    static final List<Number> COMMON_NUMBERS = List.of(0L, 1L, 7L, 7.0, 0.5, -1L);

    /** Custom data keys, and the type each usually holds (in users and in filters alike). */
    static final List<String> CUSTOM_KEY_TYPES = List.of("String", "Number", "Boolean", "Number", "any", "any", "String", "any");

    public static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.of(COMMON_STRINGS)),
                Tuple.of(12, Arbitraries.of(STRINGS)),
                Tuple.of(1, OddStrings.strings()));
    }

    public static Arbitrary<String> userIds() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.of(USER_IDS)),
                Tuple.of(3, Arbitraries.strings().ofMaxLength(12)),
                Tuple.of(1, OddStrings.strings()));
    }

    /** Version strings: the pool, or short random strings over the characters the version filters treat specially. */
    public static Arbitrary<String> versions() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(COMMON_VERSIONS)),
                Tuple.of(4, Arbitraries.of(VERSIONS)),
                Tuple.of(1, Arbitraries.strings().withChars("0123456789..--ab()|d ").ofMaxLength(8)),
                Tuple.of(1, OddStrings.versions()));
    }

    public static Arbitrary<Number> numbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(COMMON_NUMBERS)),
                Tuple.of(6, Arbitraries.of(NUMBERS)),
                Tuple.of(1, Arbitraries.longs().between(-1000, 1000).map(l -> (Number) l)),
                Tuple.of(1, Arbitraries.doubles().between(-1000, 1000).ofScale(3).map(d -> (Number) d)));
    }

    /** Custom data keys, the first three (one of each type) most often. */
    public static Arbitrary<String> customKeys() {
        return Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.of(CUSTOM_KEYS.subList(0, 3))), Tuple.of(10, Arbitraries.of(CUSTOM_KEYS)),
                Tuple.of(1, OddStrings.strings()));
    }

    /** The type a custom data key usually holds: String, Number, Boolean, or "any". */
    public static String customKeyType(String key) {
        int i = CUSTOM_KEYS.indexOf(key);
        return i < 0 ? "any" : CUSTOM_KEY_TYPES.get(i);
    }

    public static Arbitrary<String> platforms() {
        return Arbitraries.of(PLATFORMS);
    }
}

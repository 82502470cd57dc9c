package flagparity.workloads.gen;

import java.util.List;

/**
 * The value pools the generator draws from. The odd profile's pools are small and shared by users and
 * filters, so that filters often match (with values drawn independently, almost every user would just
 * be "not targeted"); the realistic profile's are the names a production config holds.
 */
public final class Pools {
    private Pools() {}

    /** 2024-03-10T12:00:00Z: every date in an odd config and every clock time of a parity try lies near it. */
    public static final long T0 = 1_710_072_000_000L;
    public static final long HOUR = 3_600_000L;
    /** Offsets from {@link #T0}, in hours, that rollout dates and clock times share. */
    public static final List<Integer> HOUR_OFFSETS = List.of(-48, -24, -2, -1, 0, 1, 2, 3, 24, 48);

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
    /** The type each of {@link #CUSTOM_KEYS} usually holds (in users and in filters alike). */
    static final List<String> CUSTOM_KEY_TYPES = List.of("String", "Number", "Boolean", "Number", "any", "any", "String", "any");

    static final List<String> PLATFORMS = List.of("Java", "iOS", "Android", "", "java");

    /** Numbers as users and filters write them; integral values as Long, the rest as Double. */
    static final List<Number> NUMBERS = List.of(0L, 1L, -1L, 2L, 7L, 100L, 0.5, 7.0, 7.5, -2.5, 0.1,
            0.30000000000000004, 1e-7, 1e21, 1.5e300, -0.0, 3.14, 1234567.0, 9_007_199_254_740_992L,
            9_007_199_254_740_993L, Long.MAX_VALUE, Long.MIN_VALUE, 4.9e-324, 1.7976931348623157e308, 123456789L);

    /** The few values drawn most often, so that equality filters match. */
    static final List<String> COMMON_STRINGS = List.of("a", "ab", "CA", "a@x.com", "");
    static final List<String> COMMON_VERSIONS = List.of("1.2.3", "1.2", "2.0.0", "1.10", "1.2.0", "17.0.15");
    static final List<Number> COMMON_NUMBERS = List.of(0L, 1L, 7L, 7.0, 0.5, -1L);

    // The realistic profile's names.
    /** Custom data the realistic targets filter on: key, type. The first keys of the benchmarks' users. */
    static final List<List<String>> CUSTOM_DATA = List.of(
            List.of("plan", "String"), List.of("signup_days", "Number"), List.of("beta_tester", "Boolean"),
            List.of("company_id", "String"), List.of("seats", "Number"), List.of("is_admin", "Boolean"),
            List.of("region", "String"), List.of("score", "Number"));
    static final List<String> PLANS = List.of("free", "starter", "pro", "team", "enterprise");
    static final List<String> REGIONS = List.of("us-east", "us-west", "eu-central", "ap-south");
    static final List<String> COUNTRIES = List.of("US", "CA", "GB", "DE", "FR", "NL", "SE", "JP", "AU", "BR", "IN",
            "MX", "ES", "IT");
    static final List<String> REAL_PLATFORMS = List.of("Java", "Node.js", "Python", "Go", "iOS", "Android", "web");
    static final List<String> DEVICES = List.of("iPhone15,2", "iPhone14,5", "Pixel 8", "SM-S918B", "iPad13,8");
    static final List<String> EMAIL_DOMAINS = List.of("@acme.com", "@globex.io", "@initech.net", "@umbrella.org",
            "@hooli.com", "@flagparity.dev");
    static final List<String> AREAS = List.of("checkout", "search", "onboarding", "pricing", "billing", "profile",
            "inbox", "dashboard", "reports", "settings", "sharing", "export", "import", "payments", "cart",
            "notifications", "recommendations", "feed", "editor", "calendar");
    static final List<String> CHANGES = List.of("redesign", "v2", "fast-path", "beta", "rollout", "experiment",
            "refresh", "kill-switch", "migration", "limits", "banner", "tour", "ranking", "cache", "dark-mode");

    public static String string(Choices c) {
        switch (c.weighted(20, 12, 1)) {
            case 0: return c.pick(COMMON_STRINGS);
            case 1: return c.pick(STRINGS);
            default: return OddStrings.string(c);
        }
    }

    public static String userId(Choices c) {
        switch (c.weighted(20, 3, 1)) {
            case 0: return c.pick(USER_IDS);
            case 1: return c.anyString(12);
            default: return OddStrings.string(c);
        }
    }

    /** Version strings: the pool, or short strings over the characters the version filters treat specially. */
    public static String version(Choices c) {
        switch (c.weighted(6, 4, 1, 1)) {
            case 0: return c.pick(COMMON_VERSIONS);
            case 1: return c.pick(VERSIONS);
            case 2: return c.string("0123456789..--ab()|d ", 8);
            default: return OddStrings.version(c);
        }
    }

    public static Number number(Choices c) {
        switch (c.weighted(8, 6, 1, 1)) {
            case 0: return c.pick(COMMON_NUMBERS);
            case 1: return c.pick(NUMBERS);
            case 2: return c.longBetween(-1000, 1000);
            default: return c.doubleBetween(-1000, 1000, 3);
        }
    }

    /** A custom data key, the first three (one of each type) most often. */
    public static String customKey(Choices c) {
        switch (c.weighted(30, 10, 1)) {
            case 0: return c.pick(CUSTOM_KEYS.subList(0, 3));
            case 1: return c.pick(CUSTOM_KEYS);
            default: return OddStrings.string(c);
        }
    }

    /** The type a custom data key usually holds: String, Number, Boolean, or "any". */
    static String customKeyType(String key) {
        int i = CUSTOM_KEYS.indexOf(key);
        return i < 0 ? "any" : CUSTOM_KEY_TYPES.get(i);
    }

    public static String platform(Choices c) {
        return c.pick(PLATFORMS);
    }
}

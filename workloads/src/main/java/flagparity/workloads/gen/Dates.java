package flagparity.workloads.gen;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Rollout dates. Realistic ones fall between 2023 and 2031 in DevCycle's spelling; odd ones lie near
 * {@link Pools#T0} in the spellings a config may use (the core ignores offsets, reads ".5" as 5 ms).
 */
final class Dates {
    private Dates() {}

    static final List<String> FORMATS = List.of(
            "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
            "yyyy-MM-dd'T'HH:mm:ss'Z'",
            "yyyy-MM-dd",
            "yyyy-MM-dd'T'HH:mm:ss.SSS'+05:00'",
            "yyyy-MM-dd'T'HH:mm:ss'.5Z'",
            "yyyy-MM-dd HH:mm:ss",
            "yyyy-MM-dd'T'HH:mm");
    private static final long DAY_MS = 86_400_000L;
    private static final long EPOCH_2023 = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();

    /** A date {@code day} days after 2023-01-01, at a drawn time of day. */
    static String realistic(Choices c, int day) {
        long ms = EPOCH_2023 + day * DAY_MS + c.below(24) * 3_600_000L + c.below(60) * 60_000L;
        return format(0, ms);
    }

    /** A date some hours from {@link Pools#T0}, usually in DevCycle's spelling, now and then in another. */
    static String nearT0(Choices c) {
        int hours = c.pick(Pools.HOUR_OFFSETS);
        int format = c.weighted(12, 1, 1, 1, 1, 1, 1);
        return format(format, Pools.T0 + hours * Pools.HOUR);
    }

    private static String format(int format, long ms) {
        return DateTimeFormatter.ofPattern(FORMATS.get(format), Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(ms));
    }
}

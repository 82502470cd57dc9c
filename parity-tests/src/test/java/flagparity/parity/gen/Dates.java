package flagparity.parity.gen;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Rollout dates near {@link Pools#T0}, in the spellings a config may use (the core ignores offsets, reads ".5" as 5 ms). */
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

    record DateSpec(int hourOffset, int format) {
        String text() {
            Instant t = Instant.ofEpochMilli(Pools.T0 + hourOffset * Pools.HOUR);
            return DateTimeFormatter.ofPattern(FORMATS.get(format)).withZone(ZoneOffset.UTC).format(t);
        }
    }
}

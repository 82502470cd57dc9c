package flagparity.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interval log reads back with HdrHistogram's own reader, as HistogramLogAnalyzer reads it. */
class IntervalLogTest {
    @TempDir
    Path dir;

    @Test
    void measuredCallsReadBackByTagWithHdrHistogramsReader() throws Exception {
        Path file = dir.resolve("run.hlog");
        try (IntervalLog log = IntervalLog.open(file)) {
            log.start(Duration.ofHours(1)); // one interval, written on close
            log.record(1_000, 1_500, 4_000);
            log.record(2_000, 2_000, 2_700);
        }
        assertTrue(Files.readString(file).startsWith("#[Histogram log format version"));
        Map<String, Histogram> byTag = new HashMap<>();
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                byTag.merge(h.getTag(), (Histogram) h, (a, b) -> {
                    a.add(b);
                    return a;
                });
            }
        }
        assertEquals(2, byTag.get(IntervalLog.RESPONSE).getTotalCount());
        assertEquals(3_000, byTag.get(IntervalLog.RESPONSE).getMaxValue(), 3);
        assertEquals(700, byTag.get(IntervalLog.SERVICE).getMinValue());
        assertEquals(2_500, byTag.get(IntervalLog.SERVICE).getMaxValue(), 3);
    }
}

package flagparity.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path dir;

    @Test
    void reportFromTheFixtureRun() throws IOException {
        Run run = Run.load(Fixtures.copyRun(dir));
        assertEquals(Fixtures.RUN_ID, run.id());
        assertEquals(2, run.latency().size());
        assertEquals(1, run.profiles().size());

        ReportWriter writer = new ReportWriter(run, dir);
        String md = writer.write();
        for (String heading : List.of("## How to read this, and its limits",
                "## 1. What one lookup costs, over a spread of lookups", "## 2. Codecs",
                "## 3. Latency at a fixed arrival rate", "## 6. Mutex against pool", "## 7. The boundary split",
                "## 9. Cold start", "## 10. Where the time goes inside the core", "## The run: steps, time, load")) {
            assertTrue(md.contains(heading), heading);
        }
        java.nio.file.Files.writeString(dir.resolve("REPORT.md"), md);
        assertTrue(md.contains("| engine | core | codec (its default) | median × peer | range over the cases |"), md);
        assertTrue(md.contains("| `devcycle-sdk` | 1.32.0 | — | 1× (the peer) |"), md);
        assertTrue(md.contains("devcycle-sdk / user-10cd-5private: DevCycle's Java SDK 2.6.0 traps"), md);
        assertTrue(md.contains("`protobuf` [D7](DIVERGENCES.md#causes)") || md.contains("`protobuf` [D7, D8](DIVERGENCES.md#causes)"), "raw protobuf rows are marked");
        assertTrue(md.contains("| noop, G1 |"), "the floor row");
        assertTrue(md.indexOf("| noop, G1 |") < md.indexOf("| reference, G1 |"), "the floor row comes first");
        assertTrue(md.contains("generator lag p50"), md);
        assertTrue(md.contains("![Median times faster than the SDK over the cases](runs/" + Fixtures.RUN_ID
                + "/charts/lookup.png)"), md);
        assertFalse(md.contains("{{"), "every template tag is filled");
        assertTrue(md.contains("## 9b. Cold start and warm-up beside the steady state"), md);
        for (var e : flagparity.reference.api.Engines.all()) {
            assertTrue(e.availability().isAvailable() || md.contains("* `" + e.id() + "`: no rows in this run — "),
                    "an engine this JVM cannot run is named as absent: " + e.id());
        }
        assertFalse(md.matches("(?s).*(^|[ `(=])/(work|root|tmp)/.*"), "no machine path");

        Map<String, String> tables = writer.tables();
        for (String t : List.of("headline", "codecs", "latency", "throughput", "boundary", "cold-start",
                "profile-sources-chicory-aot-protobuf-preallocated")) {
            assertTrue(tables.containsKey(t), t + " in " + tables.keySet());
        }
        for (String chart : List.of("lookup", "latency", "throughput", "boundary", "cold-start")) {
            Path png = run.dir().resolve("charts").resolve(chart + ".png");
            assertNotNull(ImageIO.read(png.toFile()), chart);
        }
        List<String> key = writer.keyNumbers();
        assertEquals(2, key.size(), "the fixture's spread has no core engine: " + key);
        assertTrue(key.get(0).startsWith("reference (core "), key.get(0));
    }

    @Test
    void rawProtobufCodecsAreMarkedWithTheDefectsOfTheirCore() {
        assertEquals("`protobuf` " + Tables.D7_D8, Tables.codec("protobuf", "1.42.8"));
        assertEquals("`protobuf-preallocated` " + Tables.D7, Tables.codec("protobuf-preallocated", "1.32.0"));
        assertEquals("`safe`", Tables.codec("safe", "1.42.8"), "the default codec is safe on every core");
        assertEquals("`json`", Tables.codec("json", "newest"));
    }

    @Test
    void shareHasABinomialInterval() {
        assertEquals("25 ± 33%", ReportWriter.share(1, 4), "Wilson's interval, not the normal approximation's ± 42");
        assertEquals("50.0 ± 3.1%", ReportWriter.share(500, 1000));
        assertEquals("", ReportWriter.share(0, 0));
    }

    @Test
    void labelsLeaveOutWhatDoesNotApply() throws IOException {
        List<JmhRow> rows = JmhResults.read(Fixtures.resource("run/jmh/headline-4.json"), null);
        assertEquals(List.of("reference", "devcycle-sdk"), rows.stream().map(ReportWriter::label)
                .collect(java.util.stream.Collectors.toList()));
        JmhRow aot = JmhResults.read(Fixtures.resource("compare/variable.json"), null).get(0);
        assertEquals("chicory-aot / protobuf (D7)", ReportWriter.label(aot));
    }
}

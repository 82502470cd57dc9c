package flagparity.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(4 + 2 + 4 + 6 + 4 + 4, run.rows().size());
        assertEquals(1, run.latency().size());
        assertEquals(1, run.profiles().size());

        ReportWriter writer = new ReportWriter(run, dir);
        String md = writer.write();
        for (String heading : List.of("## How to read this, and its limits", "## 1. What one lookup costs",
                "## 2. Latency at a fixed arrival rate", "## 5. Mutex against pool", "## 6. The boundary split",
                "## 8. Cold start", "## 9. Where the time goes inside the core", "## The run: steps, time, load")) {
            assertTrue(md.contains(heading), heading);
        }
        assertTrue(md.contains("| engine | codec | time per op | allocated per op | × peer | cmd |"), md);
        assertTrue(md.contains("| `devcycle-sdk` | — |"), "the peer has no codec");
        assertTrue(md.contains("-p engine=chicory-aot -p codec=json,json-preallocated,protobuf,protobuf-preallocated"),
                "each table lists the commands of its rows");
        assertTrue(md.contains("![Time per lookup per engine and codec](runs/" + Fixtures.RUN_ID + "/charts/lookup.png)"));
        assertTrue(md.contains("Every step finished"));

        Map<String, String> tables = writer.tables();
        for (String t : List.of("headline", "latency", "throughput", "boundary", "cold-start",
                "profile-sources-chicory-aot-protobuf-preallocated")) {
            assertTrue(tables.containsKey(t), t + " in " + tables.keySet());
        }
        for (String chart : List.of("lookup", "allocation", "latency", "throughput", "boundary", "cold-start",
                "profile-chicory-aot-protobuf-preallocated")) {
            Path png = run.dir().resolve("charts").resolve(chart + ".png");
            assertNotNull(ImageIO.read(png.toFile()), chart);
        }
    }

    @Test
    void ratioToThePeerCarriesBothErrors() {
        JmhRow peer = row(100, 10);
        assertEquals("10.0 ± 1.4×", ReportWriter.ratio(peer, row(10, 1)));
        assertEquals("10.0×", ReportWriter.ratio(peer, row(10, Double.NaN)));
    }

    @Test
    void shareHasABinomialInterval() {
        assertEquals("25 ± 42%", ReportWriter.share(1, 4));
        assertEquals("50.0 ± 3.1%", ReportWriter.share(500, 1000));
        assertEquals("", ReportWriter.share(0, 0));
    }

    @Test
    void labelsLeaveOutWhatDoesNotApply() throws IOException {
        List<JmhRow> rows = JmhResults.read(Fixtures.resource("run/jmh/headline-4.json"), null);
        assertEquals(List.of("reference", "devcycle-sdk"), rows.stream().map(ReportWriter::label)
                .collect(java.util.stream.Collectors.toList()));
        JmhRow aot = JmhResults.read(Fixtures.resource("compare/variable.json"), null).get(0);
        assertEquals("chicory-aot / protobuf", ReportWriter.label(aot));
    }

    private static JmhRow row(double ns, double error) {
        return new JmhRow("flagparity.bench.jmh.VariableBenchmark.variable", "avgt", 1, Map.of("engine", "x"),
                new Metric(ns, error, "ns/op"), null, "", "", null, List.of());
    }
}

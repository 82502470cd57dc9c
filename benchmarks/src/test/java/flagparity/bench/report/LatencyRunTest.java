package flagparity.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flagparity.bench.load.LatencySummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyRunTest {
    @TempDir
    Path dir;

    @Test
    void summaryAndDistributions() throws IOException {
        LatencyRun l = LatencyRun.read(Fixtures.resource("run/latency/reference-5000ops-2t.summary.json"), "cmd");
        assertEquals("reference-5000ops-2t", l.name());
        LatencySummary s = l.summary();
        assertEquals("reference", l.engine());
        assertEquals(5000, s.setup().targetRate());
        assertEquals(2, s.setup().threads());
        assertEquals("G1", s.gc().collector());
        assertTrue(s.valid());
        assertEquals(10_000, s.completed());
        assertEquals(0, s.notIssued());
        assertEquals(110.143, s.response().p50());
        assertEquals(10_000, s.response().count());
        assertTrue(s.startLag().p50() > 0, "the generator's start lag is read");
        assertTrue(s.response().p50() >= s.startLag().p50(), "a response time includes its start lag");
        assertNull(s.generatorLag(), "a run from before the generator lag was measured");
        assertEquals("reference, G1", l.label());
        assertEquals("cmd", l.command());

        List<LatencyRun.Point> curve = l.responseCurve();
        assertEquals(0, curve.get(0).percentile());
        assertEquals(1.0, curve.get(curve.size() - 1).percentile());
        assertTrue(Double.isInfinite(curve.get(curve.size() - 1).inverseTail()));
        assertEquals(10_000, curve.get(curve.size() - 1).totalCount());
        assertEquals(s.response().max(), curve.get(curve.size() - 1).value(), 0.01 * s.response().max());
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).value() >= curve.get(i - 1).value(), "a distribution never decreases");
        }
        assertFalse(l.serviceCurve().isEmpty());
    }

    @Test
    void notAPercentileDistribution() throws IOException {
        Path f = Files.writeString(dir.resolve("x.hgrm"), "hello\n1 2 3\n");
        assertThrows(IOException.class, () -> LatencyRun.hgrm(f));
        Path g = Files.writeString(dir.resolve("y.hgrm"), "Value Percentile TotalCount 1/(1-Percentile)\n\n12 x 3 4\n");
        assertThrows(IOException.class, () -> LatencyRun.hgrm(g));
    }
}

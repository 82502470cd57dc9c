package flagparity.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhResultsTest {
    @TempDir
    Path dir;

    @Test
    void averageTimeRowsWithAllocation() throws IOException {
        List<JmhRow> rows = JmhResults.read(Fixtures.resource("run/jmh/headline-1.json"), "the command");
        assertEquals(4, rows.size());
        for (JmhRow r : rows) {
            assertEquals("flagparity.bench.jmh.VariableBenchmark.variable", r.benchmark());
            assertEquals("VariableBenchmark.variable", r.shortName());
            assertEquals("VariableBenchmark", r.className());
            assertEquals("variable", r.method());
            assertEquals("avgt", r.mode());
            assertEquals(1, r.threads());
            assertEquals("chicory-aot", r.param("engine"));
            assertEquals("ns/op", r.primary().unit());
            assertTrue(r.primary().score() > 0);
            assertFalse(r.primary().hasError(), "two iterations: JMH gives no error (\"NaN\")");
            assertNotNull(r.alloc());
            assertEquals("B/op", r.alloc().unit());
            assertEquals("1 fork × (1 × 200 ms warm-up, 2 × 200 ms measured)", r.settings());
            assertTrue(r.jvmArgs().endsWith("-Xms1g -Xmx1g"), r.jvmArgs());
            assertEquals("the command", r.command());
            assertFalse(r.higherIsBetter());
        }
        Set<String> codecs = rows.stream().map(r -> r.param("codec")).collect(Collectors.toSet());
        assertEquals(Set.of("json", "json-preallocated", "protobuf", "protobuf-preallocated"), codecs);
        assertNotEquals(rows.get(0).identity(), rows.get(1).identity());
    }

    @Test
    void threeIterationsCarryAnError() throws IOException {
        for (JmhRow r : JmhResults.read(Fixtures.resource("compare/variable.json"), null)) {
            assertTrue(r.primary().hasError(), r.identity());
            assertTrue(r.alloc().hasError(), r.identity());
            assertNull(r.command());
        }
    }

    @Test
    void iterationsAndWarming() throws IOException {
        JmhRow r = JmhResults.read(Fixtures.resource("compare/variable.json"), null).get(0);
        assertEquals(1, r.iterations().size(), "one fork");
        assertEquals(3, r.iterations().get(0).size(), "three measured iterations");
        JmhRow steady = withIterations(r, List.of(List.of(100.0, 101.0, 99.0)));
        assertFalse(steady.stillWarming());
        JmhRow warming = withIterations(r, List.of(List.of(300.0, 101.0, 99.0)));
        assertTrue(warming.stillWarming());
        assertFalse(withIterations(r, List.of(List.of(300.0, 101.0))).stillWarming(), "too few iterations to tell");
        JmhRow thrpt = JmhResults.read(Fixtures.resource("compare/throughput.json"), null).get(0);
        assertTrue(withIterations(thrpt, List.of(List.of(50.0, 100.0, 100.0))).stillWarming(),
                "for throughput a low first iteration is the warming one");
        assertFalse(withIterations(thrpt, List.of(List.of(300.0, 100.0, 100.0))).stillWarming());
    }

    @Test
    void drifting() throws IOException {
        JmhRow r = JmhResults.read(Fixtures.resource("compare/variable.json"), null).get(0);
        assertFalse(withIterations(r, List.of(List.of(100.0, 101.0, 99.0, 102.0, 100.0))).drifting());
        assertTrue(withIterations(r, List.of(List.of(100.0, 99.0, 124.0, 188.0, 149.0))).drifting(),
                "later iterations a half slower");
        assertFalse(withIterations(r, List.of(List.of(100.0, 99.0, 188.0))).drifting(), "too few iterations to tell");
        JmhRow thrpt = JmhResults.read(Fixtures.resource("compare/throughput.json"), null).get(0);
        assertTrue(withIterations(thrpt, List.of(List.of(100.0, 100.0, 60.0, 60.0))).drifting());
        assertFalse(withIterations(thrpt, List.of(List.of(60.0, 60.0, 100.0, 100.0))).drifting(),
                "for throughput rising is not slowing down");
    }

    private static JmhRow withIterations(JmhRow r, List<List<Double>> iterations) {
        return new JmhRow(r.benchmark(), r.mode(), r.threads(), r.params(), r.primary(), r.alloc(), r.settings(),
                r.jvmArgs(), r.command(), iterations);
    }

    @Test
    void throughputRows() throws IOException {
        List<JmhRow> rows = JmhResults.read(Fixtures.resource("compare/throughput.json"), null);
        assertEquals(2, rows.size());
        assertEquals(Set.of(1, 2), rows.stream().map(JmhRow::threads).collect(Collectors.toSet()));
        for (JmhRow r : rows) {
            assertEquals("thrpt", r.mode());
            assertEquals("ops/s", r.primary().unit());
            assertTrue(r.higherIsBetter());
        }
    }

    @Test
    void singleShotRowsWithoutProfiler() throws IOException {
        List<JmhRow> rows = JmhResults.read(Fixtures.resource("run/jmh/cold-start.json"), null);
        assertEquals(6, rows.size());
        for (JmhRow r : rows) {
            assertEquals("ss", r.mode());
            assertNull(r.alloc());
            assertTrue(r.settings().contains("shot"), r.settings());
        }
    }

    @Test
    void emptyFileWhenEveryRowFailedAndGarbageRefused() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertEquals(List.of(), JmhResults.read(empty, null));
        Path object = Files.writeString(dir.resolve("object.json"), "{\"benchmark\":\"x\"}");
        assertThrows(IOException.class, () -> JmhResults.read(object, null));
        Path noMetric = Files.writeString(dir.resolve("nometric.json"), "[{\"benchmark\":\"a.B.c\"}]");
        assertThrows(IOException.class, () -> JmhResults.read(noMetric, null));
    }
}

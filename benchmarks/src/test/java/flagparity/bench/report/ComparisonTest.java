package flagparity.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The regression rule on rows of a real run ({@code compare/}), each given the scores and errors the
 * case needs: a time row (avgt, lower is better) and a throughput row (thrpt, higher is better).
 */
class ComparisonTest {
    private JmhRow time;
    private JmhRow throughput;

    @BeforeEach
    void rows() throws IOException {
        time = JmhResults.read(Fixtures.resource("compare/variable.json"), null).get(0);
        throughput = JmhResults.read(Fixtures.resource("compare/throughput.json"), null).get(0);
    }

    /** {@code r} with this score and error and no iterations: compared by the errors. */
    private static JmhRow with(JmhRow r, double score, double error) {
        return new JmhRow(r.benchmark(), r.mode(), r.threads(), r.params(), new Metric(score, error, r.primary().unit()),
                r.alloc(), r.settings(), r.jvmArgs(), r.command(), List.of());
    }

    private static JmhRow withAlloc(JmhRow r, double bytes, double error) {
        return new JmhRow(r.benchmark(), r.mode(), r.threads(), r.params(), r.primary(), new Metric(bytes, error, "B/op"),
                r.settings(), r.jvmArgs(), r.command(), r.iterations());
    }

    private static Comparison.Line compare(JmhRow old, JmhRow now) {
        List<Comparison.Line> lines = Comparison.compare(List.of(old), List.of(now));
        assertEquals(1, lines.size());
        return lines.get(0);
    }

    @Test
    void theSameRunHasNoRegression() throws IOException {
        List<JmhRow> rows = JmhResults.read(Fixtures.resource("compare/variable.json"), null);
        List<Comparison.Line> lines = Comparison.compare(rows, rows);
        assertEquals(rows.size(), lines.size());
        lines.forEach(l -> assertEquals(Comparison.Verdict.SAME, l.verdict()));
        assertEquals(0, Comparison.regressions(lines));
    }

    @Test
    void timeUpThirtyPercentBeyondTheErrorsIsARegression() {
        Comparison.Line l = compare(with(time, 20_000, 400), with(time, 26_000, 500));
        assertEquals(Comparison.Verdict.REGRESSION, l.verdict());
        assertEquals(20_000.0 / 26_000 - 1, l.throughputChange(), 1e-9);
        assertTrue(l.why().contains("throughput -23.1%"), l.why());
    }

    @Test
    void aSlowdownInsideTheErrorsIsNot() {
        // the fixture's own errors: three iterations on a loaded machine make them huge
        Comparison.Line l = compare(time, with(time, time.primary().score() * 1.3, time.primary().error()));
        assertEquals(Comparison.Verdict.SAME, l.verdict());
        assertTrue(l.why().contains("within the errors"), l.why());
    }

    @Test
    void tenPercentSlowerIsBelowTheThreshold() {
        assertEquals(Comparison.Verdict.SAME, compare(with(time, 20_000, 10), with(time, 22_000, 10)).verdict());
    }

    @Test
    void fasterBeyondTheErrorsIsAnImprovement() {
        assertEquals(Comparison.Verdict.IMPROVED, compare(with(time, 20_000, 100), with(time, 14_000, 100)).verdict());
    }

    @Test
    void throughputRowsRegressWhenTheyFall() {
        assertEquals(Comparison.Verdict.REGRESSION,
                compare(with(throughput, 100_000, 1_000), with(throughput, 80_000, 1_000)).verdict());
        assertEquals(Comparison.Verdict.IMPROVED,
                compare(with(throughput, 100_000, 1_000), with(throughput, 130_000, 1_000)).verdict());
    }

    @Test
    void allocationUpMoreThanAQuarterIsARegression() {
        JmhRow old = withAlloc(with(time, 20_000, 100), 1_000, 10);
        assertEquals(Comparison.Verdict.REGRESSION, compare(old, withAlloc(old, 1_300, 10)).verdict());
        assertEquals(Comparison.Verdict.SAME, compare(old, withAlloc(old, 1_200, 10)).verdict());
        assertEquals(Comparison.Verdict.SAME, compare(old, withAlloc(old, 1_300, 300)).verdict(), "inside the errors");
    }

    @Test
    void allocationFromZeroCountsOnlyFromAByte() {
        JmhRow old = withAlloc(with(time, 20_000, 100), 0.0, 0.0);
        assertEquals(Comparison.Verdict.SAME, compare(old, withAlloc(old, 0.5, 0.01)).verdict());
        Comparison.Line l = compare(old, withAlloc(old, 48, 0.5));
        assertEquals(Comparison.Verdict.REGRESSION, l.verdict());
        assertTrue(Double.isInfinite(l.allocChange()));
    }

    @Test
    void rowsWithIterationsAreComparedByWelchsTTest() {
        JmhRow old = iterations(List.of(20_000.0, 20_100.0, 19_900.0, 20_050.0));
        assertEquals(Comparison.Verdict.REGRESSION,
                compare(old, iterations(List.of(26_000.0, 25_900.0, 26_100.0, 26_050.0))).verdict());
        Comparison.Line noisy = compare(old, iterations(List.of(14_000.0, 38_000.0, 16_000.0, 36_000.0)));
        assertEquals(Comparison.Verdict.SAME, noisy.verdict(), "30% slower on average, but not significantly");
    }

    private JmhRow iterations(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new JmhRow(time.benchmark(), time.mode(), time.threads(), time.params(),
                new Metric(mean, 1, time.primary().unit()), null, "", "", null, List.of(values));
    }

    @Test
    void rowsOnOneSideOnlyAreListedNotFailed() throws IOException {
        List<JmhRow> rows = JmhResults.read(Fixtures.resource("compare/variable.json"), null);
        List<Comparison.Line> lines = Comparison.compare(rows.subList(0, 1), rows.subList(1, 2));
        assertEquals(List.of(Comparison.Verdict.ONLY_NEW, Comparison.Verdict.ONLY_OLD),
                lines.stream().map(Comparison.Line::verdict).collect(java.util.stream.Collectors.toList()));
        assertEquals(0, Comparison.regressions(lines));
    }

    @Test
    void tableListsRegressionsFirst() {
        JmhRow other = with(throughput, 100_000, 1_000);
        String table = Comparison.table(Comparison.compare(List.of(with(time, 20_000, 100), other),
                List.of(with(time, 30_000, 100), other)));
        String[] lines = table.split("\n");
        assertTrue(lines[0].startsWith("| row | old | new |"), lines[0]);
        assertTrue(lines[2].contains("REGRESSION") && lines[2].contains("VariableBenchmark.variable"), lines[2]);
        assertTrue(lines[3].contains("SAME"), lines[3]);
    }
}

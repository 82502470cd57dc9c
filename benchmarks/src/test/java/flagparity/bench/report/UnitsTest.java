package flagparity.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void errorDecidesTheDecimals() {
        assertEquals("21,346 ± 412", Units.number(21345.6, 412.3));
        assertEquals("0.412 ± 0.012", Units.number(0.4123, 0.0123));
        assertEquals("3.0 ± 1.2", Units.number(3.0, 1.2));
    }

    @Test
    void withoutErrorThreeSignificantDigits() {
        assertEquals("21,346", Units.number(21345.6, Double.NaN));
        assertEquals("0.412", Units.number(0.41234, Double.NaN));
        assertEquals("0", Units.number(0, Double.NaN));
        assertEquals("n/a", Units.number(Double.NaN, 1));
    }

    @Test
    void timesAreScaledToAReadableUnit() {
        assertEquals("21.35 ± 0.41 µs", Units.format(new Metric(21345.6, 412.3, "ns/op")));
        assertEquals("850 ± 12 ns", Units.format(new Metric(850, 12, "ns/op")));
        assertEquals("1.50 ± 0.10 s", Units.format(new Metric(1500, 100, "ms/op")));
        assertEquals("306.0 ± 5.0 ms", Units.format(new Metric(306, 5, "ms/op")));
    }

    @Test
    void throughputKeepsItsUnit() {
        assertEquals("45,123 ± 1,200 ops/s", Units.format(new Metric(45123, 1200, "ops/s")));
        assertTrue(Units.higherIsBetter("ops/s"));
        assertFalse(Units.higherIsBetter("ns/op"));
    }

    @Test
    void metricInNanos() {
        Metric m = new Metric(2.5, 0.5, "us/op").inNanos();
        assertEquals(2500, m.score(), 1e-9);
        assertEquals(500, m.error(), 1e-9);
        assertEquals("ns/op", m.unit());
        Metric thrpt = new Metric(10, 1, "ops/s");
        assertEquals(thrpt, thrpt.inNanos());
    }
}

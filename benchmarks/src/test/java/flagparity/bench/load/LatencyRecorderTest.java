package flagparity.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void responseIsFromThePlannedStartServiceFromTheActualOne() {
        LatencyRecorder r = new LatencyRecorder();
        r.record(1_000, 4_000_000, 4_500_000);

        assertEquals(1, r.count());
        assertEquals(1, r.response().getCountAtValue(4_499_000));
        assertEquals(1, r.service().getCountAtValue(500_000));
        assertEquals(1, r.startLag().getCountAtValue(3_999_000));
    }

    @Test
    void refusesTimesOutOfOrder() {
        LatencyRecorder r = new LatencyRecorder();
        assertThrows(IllegalArgumentException.class, () -> r.record(10, 9, 20));
        assertThrows(IllegalArgumentException.class, () -> r.record(10, 15, 14));
        assertEquals(0, r.count());
    }

    @Test
    void addMergesAllThreeHistograms() {
        LatencyRecorder a = new LatencyRecorder();
        LatencyRecorder b = new LatencyRecorder();
        a.record(0, 0, 100);
        b.record(0, 50, 200);
        b.record(0, 0, 7_000);

        a.add(b);

        assertEquals(3, a.count());
        Histogram response = a.response();
        assertEquals(1, response.getCountAtValue(100));
        assertEquals(1, response.getCountAtValue(200));
        assertEquals(1, response.getCountAtValue(7_000));
        assertEquals(1, a.startLag().getCountAtValue(50));
        assertEquals(2, a.startLag().getCountAtValue(0));
    }

    @Test
    void keepsThreeSignificantDigitsUpToAnHour() {
        LatencyRecorder r = new LatencyRecorder();
        long hour = LatencyRecorder.HIGHEST_NANOS;
        r.record(0, 0, hour);
        Histogram h = r.response();
        double relativeError = Math.abs(h.getMaxValue() - hour) / (double) hour;
        assertEquals(0, relativeError, 1e-3);
    }
}

package flagparity.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The schedule and the recording, on a virtual clock: nothing here depends on real timing. */
class FixedRateGeneratorTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long US = TimeUnit.MICROSECONDS.toNanos(1);

    /** Each thread has its own virtual time: waiting jumps to the deadline, a call advances it. */
    static final class VirtualTicker implements FixedRateGenerator.Ticker {
        private final ThreadLocal<long[]> now = ThreadLocal.withInitial(() -> new long[1]);

        @Override
        public long nanoTime() {
            return now.get()[0];
        }

        @Override
        public void parkUntil(long deadline) {
            long[] n = now.get();
            n[0] = Math.max(n[0], deadline);
        }

        void spend(long nanos) {
            now.get()[0] += nanos;
        }
    }

    @Test
    void aSlowCallDelaysTheNextOnesAndTheirResponseTimesShowIt() throws InterruptedException {
        VirtualTicker ticker = new VirtualTicker();
        AtomicInteger calls = new AtomicInteger();
        // 1,000 calls/s: planned at t0 + j ms. Call 7 takes 3.5 ms, the others 0.1 ms.
        FixedRateGenerator g = new FixedRateGenerator(1000, 1, Duration.ofMillis(5), Duration.ofMillis(10), ticker);

        FixedRateGenerator.Result r = g.run(() -> {
            ticker.spend(calls.getAndIncrement() == 7 ? 3_500 * US : 100 * US);
            return true;
        }, () -> { });

        assertEquals(15, calls.get(), "5 warm-up calls and 10 measured ones");
        assertEquals(10, r.completed());
        assertEquals(0, r.failed());
        assertEquals(0, r.notIssued());
        Histogram response = r.recorder().response();
        assertEquals(1, response.getCountAtValue(3_500 * US), "call 7");
        assertEquals(1, response.getCountAtValue(2_600 * US), "call 8, planned at 8 ms, starts at 10.5 ms");
        assertEquals(1, response.getCountAtValue(1_700 * US), "call 9");
        assertEquals(1, response.getCountAtValue(800 * US), "call 10, planned at 10 ms, starts at 10.7 ms");
        assertEquals(6, response.getCountAtValue(100 * US), "calls 5, 6 and 11 to 14 start on time");
        Histogram service = r.recorder().service();
        assertEquals(9, service.getCountAtValue(100 * US));
        assertEquals(1, service.getCountAtValue(3_500 * US));
        assertEquals(10.0 * 1000 / 10, r.achievedRate(), 1e-9);
        Histogram generatorLag = r.recorder().generatorLag();
        assertEquals(7, generatorLag.getTotalCount(), "calls 8 to 10 started late behind call 7: not the generator's lag");
        assertEquals(0, generatorLag.getMaxValue(), "the virtual clock wakes exactly on time");
    }

    @Test
    void aBacklogIsDrainedForOneMoreDurationThenCountedAsNotIssued() throws InterruptedException {
        VirtualTicker ticker = new VirtualTicker();
        FixedRateGenerator g = new FixedRateGenerator(1000, 1, Duration.ZERO, Duration.ofMillis(10), ticker);

        // Every call takes 3 ms against a 1 ms interval: calls start at 0, 3, ..., 18 ms; the drain
        // deadline is 20 ms, so calls 7 to 9, planned in the window, are never made.
        FixedRateGenerator.Result r = g.run(() -> {
            ticker.spend(3 * MS);
            return true;
        }, () -> { });

        assertEquals(7, r.completed());
        assertEquals(3, r.notIssued());
        Histogram response = r.recorder().response();
        for (long ms : List.of(3L, 5L, 7L, 9L, 11L, 13L, 15L)) {
            assertEquals(1, response.getCountAtValue(ms * MS), "call planned at " + (ms - 3) / 2 + " ms");
        }
        assertEquals(7 / 0.021, r.achievedRate(), 1e-6, "7 calls until the last one ended at 21 ms");
    }

    @Test
    void failedCallsAreTimedAndCounted() throws InterruptedException {
        VirtualTicker ticker = new VirtualTicker();
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("boom");
        FixedRateGenerator g = new FixedRateGenerator(100, 1, Duration.ZERO, Duration.ofMillis(100), ticker);

        FixedRateGenerator.Result r = g.run(() -> {
            ticker.spend(50 * US);
            int n = calls.getAndIncrement();
            if (n == 2) {
                throw boom;
            }
            return n != 5;
        }, () -> { });

        assertEquals(10, r.completed());
        assertEquals(2, r.failed());
        assertSame(boom, r.firstError());
    }

    @Test
    void idleWorkRunsInTheSlackAndAnOverrunDelaysTheNextCall() throws InterruptedException {
        VirtualTicker ticker = new VirtualTicker();
        AtomicInteger calls = new AtomicInteger();
        List<Long> slacks = new ArrayList<>();
        // 1,000 calls/s, each call 0.1 ms: 0.9 ms of slack after each. The idle work after call 3 takes 1.5 ms.
        FixedRateGenerator g = new FixedRateGenerator(1000, 1, Duration.ZERO, Duration.ofMillis(6), ticker);

        FixedRateGenerator.Result r = g.run(() -> {
            calls.incrementAndGet();
            ticker.spend(100 * US);
            return true;
        }, () -> { }, slack -> {
            slacks.add(slack);
            if (calls.get() == 4) {
                ticker.spend(1_500 * US);
            }
        });

        assertEquals(6, r.completed());
        assertEquals(List.of(900 * US, 900 * US, 900 * US, 900 * US, 300 * US, 900 * US), slacks,
                "call 4, planned at 4 ms, starts at 4.6 ms after the overrun and ends at 4.7 ms");
        assertEquals(1, r.recorder().response().getCountAtValue(700 * US), "call 4 carries the overrun");
        assertEquals(5, r.recorder().response().getCountAtValue(100 * US));
    }

    @Test
    void idleWorkThatThrowsFailsTheCallBeforeIt() throws InterruptedException {
        VirtualTicker ticker = new VirtualTicker();
        IllegalStateException boom = new IllegalStateException("boom");
        FixedRateGenerator g = new FixedRateGenerator(1000, 1, Duration.ZERO, Duration.ofMillis(5), ticker);

        FixedRateGenerator.Result r = g.run(() -> {
            ticker.spend(100 * US);
            return true;
        }, () -> { }, slack -> {
            throw boom;
        });

        assertEquals(5, r.completed());
        assertEquals(5, r.failed());
        assertSame(boom, r.firstError());
    }

    @Test
    void threadsShareTheScheduleWithoutGapsOrRepeats() throws InterruptedException {
        VirtualTicker ticker = new VirtualTicker();
        Set<Long> starts = new ConcurrentSkipListSet<>();
        long[] t0 = new long[1];
        FixedRateGenerator g = new FixedRateGenerator(2000, 3, Duration.ZERO, Duration.ofMillis(6), ticker);

        FixedRateGenerator.Result r = g.run(() -> {
            starts.add(ticker.nanoTime());
            ticker.spend(10 * US);
            return true;
        }, () -> t0[0] = ticker.nanoTime());

        assertEquals(12, r.completed());
        assertNull(r.firstError());
        Set<Long> expected = new TreeSet<>();
        for (int j = 0; j < 12; j++) {
            expected.add(t0[0] + j * 500 * US);
        }
        assertEquals(expected, starts, "one call every 0.5 ms from the measurement start");
    }

    @Test
    void refusesSettingsItCannotRun() {
        VirtualTicker t = new VirtualTicker();
        assertThrows(IllegalArgumentException.class, () -> new FixedRateGenerator(0, 1, Duration.ZERO, Duration.ofSeconds(1), t));
        assertThrows(IllegalArgumentException.class, () -> new FixedRateGenerator(10, 0, Duration.ZERO, Duration.ofSeconds(1), t));
        assertThrows(IllegalArgumentException.class, () -> new FixedRateGenerator(10, 1, Duration.ZERO, Duration.ZERO, t));
        assertThrows(IllegalArgumentException.class, () -> new FixedRateGenerator(10, 1, Duration.ZERO, Duration.ofHours(1), t));
    }
}

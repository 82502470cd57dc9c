package flagparity.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Calls an operation at a fixed arrival rate from several threads, for a bounded time, and records
 * every call's timing.
 *
 * <p>Call {@code j} (j = 0, 1, 2, ...) is planned at {@code t0 + j * interval}, interval = 1 s / rate,
 * and made by thread {@code j mod threads}; so each thread runs at rate / threads and the threads
 * interleave. A thread waits until the planned time of its next call, or goes at once when it is
 * late: a slow call delays the calls after it, and their response times (measured from the planned
 * start, see {@link LatencyRecorder}) carry that delay, as a real client's would.
 *
 * <p>Calls planned during the warm-up are made but not recorded; every call planned in the measured
 * window, {@code [t0 + warmup, t0 + warmup + duration)}, is recorded, including those a backlog
 * pushes past its end: leaving them out would drop exactly the slowest responses. To stay bounded,
 * the backlog is drained for at most one more {@code duration}; calls still not started by then are
 * not made and are counted as {@link Result#notIssued()}: the rate was clearly more than the engine
 * sustains. A thread still busy {@link #STUCK_GRACE} after that fails the run.
 *
 * <p>A thread with slack before its next planned call may first do {@link IdleWork} there (at most
 * once per call); if that work overruns the planned time, the call starts late and its response time
 * shows it.
 */
public final class FixedRateGenerator {
    /** How long after the drain deadline a run waits for calls still under way. */
    public static final Duration STUCK_GRACE = Duration.ofSeconds(30);
    /** How long before a planned call the system ticker stops parking and spins. */
    public static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(150);
    /** Lead time between starting the threads and the first planned call, so all start on schedule. */
    private static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** Time source and waiting, replaceable in tests. */
    public interface Ticker {
        long nanoTime();

        /** Returns at or after {@code deadline} (on {@link #nanoTime()}'s scale); at once if it has passed. */
        void parkUntil(long deadline);

        /**
         * {@link System#nanoTime()}; waits with {@link LockSupport#parkNanos(long)} until {@link #SPIN_NANOS}
         * before the deadline, then spins: a parked thread wakes some 50-100 µs late on Linux (timer
         * slack, scheduler), which would be charged to every response time.
         */
        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void parkUntil(long deadline) {
                // parkNanos may return early (spuriously or on interrupt): wait again until the spin starts.
                for (long left = deadline - System.nanoTime(); left > SPIN_NANOS; left = deadline - System.nanoTime()) {
                    LockSupport.parkNanos(left - SPIN_NANOS);
                }
                while (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            }
        };
    }

    /** Work a calling thread does in its slack; a throw counts as a failed call (when the call before was recorded). */
    public interface IdleWork {
        /** Called after a call, when the thread's next planned call is still {@code slackNanos} (> 0) away. */
        void run(long slackNanos);
    }

    private final double ratePerSecond;
    private final int threads;
    private final long warmupNanos;
    private final long durationNanos;
    private final Ticker ticker;

    public FixedRateGenerator(double ratePerSecond, int threads, Duration warmup, Duration duration, Ticker ticker) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of calls per second, not " + ratePerSecond);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (warmup.isNegative() || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("warm-up must be >= 0 and duration > 0 (got " + warmup + ", " + duration + ")");
        }
        if (warmup.plus(duration).plus(duration).plus(STUCK_GRACE).toNanos() >= LatencyRecorder.HIGHEST_NANOS) {
            throw new IllegalArgumentException("warm-up plus duration must stay well under the histograms' 1 h range");
        }
        this.ratePerSecond = ratePerSecond;
        this.threads = threads;
        this.warmupNanos = warmup.toNanos();
        this.durationNanos = duration.toNanos();
        this.ticker = ticker;
    }

    /**
     * Runs the schedule and returns once every thread is done.
     *
     * @param call the operation; {@code false} or an exception counts as a failed call (still timed)
     * @param atMeasurementStart run once, on the calling thread, when the warm-up ends (for example
     *     to snapshot GC counters); it does not delay any call
     * @throws IllegalStateException when a call is still under way {@link #STUCK_GRACE} after the drain deadline
     */
    public Result run(BooleanSupplier call, Runnable atMeasurementStart) throws InterruptedException {
        return run(call, atMeasurementStart, null);
    }

    /** As {@link #run(BooleanSupplier, Runnable)}, with {@code idle} (or null for none) in each thread's slack. */
    public Result run(BooleanSupplier call, Runnable atMeasurementStart, IdleWork idle) throws InterruptedException {
        return run(call, atMeasurementStart, idle, null);
    }

    /** As {@link #run(BooleanSupplier, Runnable, IdleWork)}, every measured call also going to {@code log} (or null). */
    public Result run(BooleanSupplier call, Runnable atMeasurementStart, IdleWork idle, IntervalLog log)
            throws InterruptedException {
        double intervalNanos = 1e9 / ratePerSecond;
        long t0 = ticker.nanoTime() + LEAD_NANOS;
        long measureStart = t0 + warmupNanos;
        long end = measureStart + durationNanos;
        long drainDeadline = end + durationNanos;
        List<Worker> workers = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            Worker w = new Worker(k, call, idle, log, intervalNanos, t0, measureStart, end, drainDeadline);
            w.thread.start();
            workers.add(w);
        }
        ticker.parkUntil(measureStart);
        atMeasurementStart.run();
        long giveUp = drainDeadline + STUCK_GRACE.toNanos();
        for (Worker w : workers) {
            long left = giveUp - ticker.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(w.thread, left);
            }
            if (w.thread.isAlive()) {
                throw new IllegalStateException("a call was still under way " + STUCK_GRACE.toSeconds()
                        + " s after the run's drain deadline; the run is void");
            }
        }
        LatencyRecorder all = new LatencyRecorder();
        long failed = 0;
        long notIssued = 0;
        RuntimeException firstError = null;
        long lastEnd = end;
        for (Worker w : workers) {
            all.add(w.recorder);
            failed += w.failed;
            notIssued += w.notIssued;
            if (firstError == null) {
                firstError = w.firstError;
            }
            lastEnd = Math.max(lastEnd, w.lastEnd);
        }
        return new Result(all, failed, notIssued, firstError, lastEnd - measureStart);
    }

    /** One calling thread, making calls j = k, k + threads, k + 2 * threads, ... */
    private final class Worker implements Runnable {
        final Thread thread;
        final LatencyRecorder recorder = new LatencyRecorder();
        private final int first;
        private final BooleanSupplier call;
        private final IdleWork idle;
        private final IntervalLog log;
        private final double intervalNanos;
        private final long t0;
        private final long measureStart;
        private final long end;
        private final long drainDeadline;
        long failed;
        long notIssued;
        long lastEnd;
        RuntimeException firstError;

        Worker(int first, BooleanSupplier call, IdleWork idle, IntervalLog log, double intervalNanos, long t0,
                long measureStart, long end, long drainDeadline) {
            this.first = first;
            this.call = call;
            this.idle = idle;
            this.log = log;
            this.intervalNanos = intervalNanos;
            this.t0 = t0;
            this.measureStart = measureStart;
            this.end = end;
            this.drainDeadline = drainDeadline;
            this.thread = new Thread(this, "fixed-rate-" + first);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            long free = Long.MIN_VALUE; // when the thread finished its previous call and idle work
            for (long j = first; ; j += threads) {
                long planned = t0 + Math.round(j * intervalNanos);
                if (planned >= end) {
                    return;
                }
                boolean waited = free < planned;
                ticker.parkUntil(planned);
                long start = ticker.nanoTime();
                if (start >= drainDeadline) {
                    countNotIssued(j);
                    return;
                }
                boolean ok;
                RuntimeException error = null;
                try {
                    ok = call.getAsBoolean();
                } catch (RuntimeException e) {
                    ok = false;
                    error = e;
                }
                long done = ticker.nanoTime();
                if (idle != null) {
                    long slack = t0 + Math.round((j + threads) * intervalNanos) - done;
                    if (slack > 0) {
                        try {
                            idle.run(slack);
                        } catch (RuntimeException e) {
                            ok = false;
                            error = error != null ? error : e;
                        }
                    }
                }
                free = idle != null ? ticker.nanoTime() : done;
                if (planned >= measureStart) {
                    recorder.record(planned, start, done, waited);
                    if (log != null) {
                        log.record(planned, start, done);
                    }
                    lastEnd = done;
                    if (!ok) {
                        failed++;
                        if (firstError == null) {
                            firstError = error;
                        }
                    }
                }
            }
        }

        /** Counts this thread's measured calls from {@code j} on that were planned before the end. */
        private void countNotIssued(long j) {
            for (; ; j += threads) {
                long planned = t0 + Math.round(j * intervalNanos);
                if (planned >= end) {
                    return;
                }
                if (planned >= measureStart) {
                    notIssued++;
                }
            }
        }
    }

    /** What a run recorded (warm-up excluded). */
    public static final class Result {
        private final LatencyRecorder recorder;
        private final long failed;
        private final long notIssued;
        private final RuntimeException firstError;
        private final long elapsedNanos;

        Result(LatencyRecorder recorder, long failed, long notIssued, RuntimeException firstError, long elapsedNanos) {
            this.recorder = recorder;
            this.failed = failed;
            this.notIssued = notIssued;
            this.firstError = firstError;
            this.elapsedNanos = elapsedNanos;
        }

        public LatencyRecorder recorder() { return recorder; }
        /** Calls made and recorded in the measured window. */
        public long completed() { return recorder.count(); }
        /** Recorded calls that threw or returned {@code false}. */
        public long failed() { return failed; }
        /** Calls planned in the measured window but not started by the drain deadline: the rate was not sustained. */
        public long notIssued() { return notIssued; }
        /** The first exception a recorded call threw, or {@code null}. */
        public RuntimeException firstError() { return firstError; }
        /**
         * Recorded calls per second, from the start of the measured window to its end or, when a
         * backlog ran past it, to the end of the last recorded call.
         */
        public double achievedRate() { return completed() * 1e9 / elapsedNanos; }
    }
}

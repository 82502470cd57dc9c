package flagparity.bench.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The timings of one thread's calls, in nanoseconds, in three histograms with an explicit range
 * (1 ns to 1 h, 3 significant digits). Single writer: give each thread its own and {@link #add} them
 * once the threads are done.
 *
 * <ul>
 *   <li><b>response</b>: end minus the <em>planned</em> start. A call that starts late because the
 *       one before it ran long is charged the wait, so this is already corrected for coordinated
 *       omission and is recorded with plain {@code recordValue} (no second correction).</li>
 *   <li><b>service</b>: end minus the actual start, the time inside the evaluator alone. Also plain:
 *       it is not a latency estimate but the part of the response the engine itself spent, kept to
 *       separate that from queueing.</li>
 *   <li><b>start lag</b>: actual start minus planned start, the queueing plus the generator's own
 *       wake-up delay; what response adds to service.</li>
 *   <li><b>generator lag</b>: the start lag of the calls whose thread was idle at the planned start
 *       (the call before had ended): no queueing, only how late the generator woke. It is the
 *       harness's own error, part of every response time.</li>
 * </ul>
 */
public final class LatencyRecorder {
    public static final long LOWEST_NANOS = 1;
    public static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);
    public static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram response = newHistogram();
    private final Histogram service = newHistogram();
    private final Histogram startLag = newHistogram();
    private final Histogram generatorLag = newHistogram();

    private static Histogram newHistogram() {
        return new Histogram(LOWEST_NANOS, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    }

    /**
     * Records one call; times from one monotonic clock ({@link System#nanoTime()}).
     *
     * @throws IllegalArgumentException unless {@code plannedStart <= start <= end}
     */
    public void record(long plannedStart, long start, long end) {
        record(plannedStart, start, end, false);
    }

    /**
     * As {@link #record(long, long, long)}; {@code waited} says the thread was idle at the planned start,
     * so its start lag is the generator's own wake-up delay and also goes to {@link #generatorLag()}.
     */
    public void record(long plannedStart, long start, long end, boolean waited) {
        if (start < plannedStart || end < start) {
            throw new IllegalArgumentException("times out of order: planned " + plannedStart + ", start " + start
                    + ", end " + end);
        }
        response.recordValue(end - plannedStart);
        service.recordValue(end - start);
        startLag.recordValue(start - plannedStart);
        if (waited) {
            generatorLag.recordValue(start - plannedStart);
        }
    }

    /** Adds another recorder's timings to this one's. */
    public void add(LatencyRecorder other) {
        response.add(other.response);
        service.add(other.service);
        startLag.add(other.startLag);
        generatorLag.add(other.generatorLag);
    }

    /** Calls recorded. */
    public long count() {
        return response.getTotalCount();
    }

    /** A copy of the response-time histogram (end minus planned start). */
    public Histogram response() {
        return response.copy();
    }

    /** A copy of the service-time histogram (end minus actual start). */
    public Histogram service() {
        return service.copy();
    }

    /** A copy of the start-lag histogram (actual minus planned start). */
    public Histogram startLag() {
        return startLag.copy();
    }

    /** A copy of the generator-lag histogram (start lag of calls planned while their thread was idle). */
    public Histogram generatorLag() {
        return generatorLag.copy();
    }
}

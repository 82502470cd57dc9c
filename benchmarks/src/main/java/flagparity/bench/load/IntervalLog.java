package flagparity.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * A run's measured calls as an HdrHistogram interval log ({@code .hlog}, {@link HistogramLogWriter}):
 * one histogram per interval and kind, tagged {@code response} (end minus planned start) and
 * {@code service} (end minus actual start), values in nanoseconds. HistogramLogAnalyzer and
 * HdrHistogram's {@code HistogramLogProcessor} read it as written. The calling threads record through
 * {@link Recorder}s (wait-free for writers); a timer thread writes each finished interval.
 */
public final class IntervalLog implements AutoCloseable {
    static final String RESPONSE = "response";
    static final String SERVICE = "service";

    private final Recorder response = recorder();
    private final Recorder service = recorder();
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final ScheduledExecutorService timer;
    private Histogram responseSpare;
    private Histogram serviceSpare;
    private long intervalStart = -1;

    private IntervalLog(PrintStream out) {
        this.out = out;
        this.writer = new HistogramLogWriter(out);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "interval-log");
            t.setDaemon(true);
            return t;
        });
    }

    private static Recorder recorder() {
        return new Recorder(LatencyRecorder.LOWEST_NANOS, LatencyRecorder.HIGHEST_NANOS,
                LatencyRecorder.SIGNIFICANT_DIGITS);
    }

    /** Opens {@code file}; nothing is written until {@link #start}. */
    public static IntervalLog open(Path file) throws IOException {
        return new IntervalLog(new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8));
    }

    /**
     * Writes the header with the start time, now, and then an interval every {@code interval}. Call it
     * when the measured window opens: only measured calls are recorded, so the log holds what the
     * {@code .hgrm} files hold.
     */
    public synchronized void start(Duration interval) {
        long now = System.currentTimeMillis();
        writer.outputLogFormatVersion();
        writer.outputComment("flagparity latency: values in ns; tags: " + RESPONSE + " (from the planned start), "
                + SERVICE + " (from the actual start)");
        writer.outputStartTime(now);
        writer.setBaseTime(now);
        writer.outputLegend();
        intervalStart = now;
        long ms = interval.toMillis();
        timer.scheduleAtFixedRate(this::flush, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** One measured call; called by the calling threads. */
    void record(long plannedStart, long start, long end) {
        response.recordValue(end - plannedStart);
        service.recordValue(end - start);
    }

    /** Writes the interval since the last one; the interval's times are the log's own (ms since its start). */
    private synchronized void flush() {
        if (intervalStart < 0) {
            return; // never started
        }
        long now = System.currentTimeMillis();
        responseSpare = response.getIntervalHistogram(responseSpare);
        serviceSpare = service.getIntervalHistogram(serviceSpare);
        for (Histogram h : new Histogram[] {responseSpare, serviceSpare}) {
            h.setTag(h == responseSpare ? RESPONSE : SERVICE);
            h.setStartTimeStamp(intervalStart);
            h.setEndTimeStamp(now);
            writer.outputIntervalHistogram(h);
        }
        intervalStart = now;
        out.flush();
    }

    /** Writes the last interval and closes the file. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        out.close();
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("could not write the interval log"));
        }
    }
}

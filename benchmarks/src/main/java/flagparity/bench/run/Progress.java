package flagparity.bench.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.LongSupplier;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * The progress display of a run, on stderr: a line as each step and each row (or latency run) starts,
 * with the time elapsed and an estimate of the time left. The estimate is the steps' own estimates,
 * scaled by how far off the finished steps were (so a slow machine is soon predicted correctly).
 */
public final class Progress {
    private final PrintWriter out;
    private final List<Step> steps;
    /** Each step's estimate, in seconds. */
    private final double[] estimates;
    private final LongSupplier nanoTime;
    private final long start;
    private int step = -1;
    private int unitsStarted;
    private double finishedEstimate;
    private double finishedElapsed;
    private long stepStart;
    private long unitStart;

    Progress(PrintWriter out, List<Step> steps, LongSupplier nanoTime) {
        this.out = out;
        this.steps = List.copyOf(steps);
        this.estimates = steps.stream().mapToDouble(s -> s.estimate().toMillis() / 1e3).toArray();
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    double totalEstimateSeconds() {
        return Arrays.stream(estimates).sum();
    }

    void stepStarted(int index) {
        step = index;
        unitsStarted = 0;
        stepStart = nanoTime.getAsLong();
        Step s = steps.get(index);
        line(String.format(Locale.ROOT, "[%d/%d] %s: %s (%s)", index + 1, steps.size(), s.kind(), s.title(), s.extent()));
    }

    /** A row or run of the current step starts. */
    void unitStarted(String label) {
        unitsStarted++;
        unitStart = nanoTime.getAsLong();
        line(String.format(Locale.ROOT, "      %d/%d %s", unitsStarted, steps.get(step).units(), label));
    }

    /** A note about the current step (a failed row, an invalid run). */
    void note(String text) {
        out.println("      ! " + text);
        out.flush();
    }

    /** Ends the current step; returns its elapsed seconds. */
    double stepFinished() {
        double elapsed = (nanoTime.getAsLong() - stepStart) / 1e9;
        finishedElapsed += elapsed;
        finishedEstimate += estimates[step];
        return elapsed;
    }

    double elapsedSeconds() {
        return (nanoTime.getAsLong() - start) / 1e9;
    }

    /**
     * Seconds left: what the unfinished part of the plan was estimated at, scaled by the pace so far
     * (elapsed over estimated, for the finished steps and the finished units of the current one), so a
     * loaded machine is soon predicted as it is.
     */
    double remainingSeconds() {
        double left = Arrays.stream(estimates, Math.max(step, 0), estimates.length).sum();
        double doneEstimate = finishedEstimate;
        double doneElapsed = finishedElapsed;
        if (step >= 0) {
            int units = steps.get(step).units();
            double done = units == 0 ? 0 : Math.max(0, unitsStarted - 1) / (double) units;
            left -= done * estimates[step];
            doneEstimate += done * estimates[step];
            doneElapsed += done > 0 ? (unitStart - stepStart) / 1e9 : 0;
        }
        double pace = doneEstimate > 0 ? Math.min(10, Math.max(0.5, doneElapsed / doneEstimate)) : 1;
        return left * pace;
    }

    private void line(String text) {
        out.println(String.format(Locale.ROOT, "%-100s | %s elapsed, ~%s left%s", text,
                duration(elapsedSeconds()), duration(remainingSeconds()), load()));
        out.flush();
    }

    private static String load() {
        Double l = loadAverage();
        return l == null ? "" : String.format(Locale.ROOT, ", load %.2f", l);
    }

    /** The system's 1-minute load average, or {@code null} where the JVM cannot tell. */
    static Double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? null : load;
    }

    /** JMH's output to {@code log}, plus a progress line as each row starts. */
    OutputFormat wrap(OutputFormat log) {
        return (OutputFormat) Proxy.newProxyInstance(OutputFormat.class.getClassLoader(),
                new Class<?>[] {OutputFormat.class}, (proxy, method, args) -> {
                    if ("startBenchmark".equals(method.getName())) {
                        unitStarted(label((BenchmarkParams) args[0]));
                    }
                    try {
                        return method.invoke(log, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** {@code SpreadBenchmark.variable engine=wasmtime lookupCase=front}: the params that fit on a line. */
    static String label(BenchmarkParams p) {
        String b = p.getBenchmark();
        StringJoiner j = new StringJoiner(" ", b.substring(b.lastIndexOf('.', b.lastIndexOf('.') - 1) + 1) + " ", "");
        j.setEmptyValue(b);
        for (String k : p.getParamsKeys()) {
            if (!"user".equals(k) && !"key".equals(k)) {
                j.add(k + "=" + p.getParam(k));
            }
        }
        return j.toString();
    }

    /** {@code 1h02m}, {@code 3m05s} or {@code 12s}. */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}

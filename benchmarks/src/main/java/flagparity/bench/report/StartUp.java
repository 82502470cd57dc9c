package flagparity.bench.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What an engine costs before it reaches its steady state: the cold start ({@code ColdStartBenchmark}: a fresh
 * JVM to the first answer) and the warm-up curve ({@code WarmUpBenchmark}: one-second iterations from the first
 * call of a fresh JVM on, no warm-up). A fork is steady from the first iteration within {@value #BAND_PERCENT}% of
 * its level (the median of its last {@value #TAIL}) after which the median of every {@value #WINDOW} consecutive
 * iterations stays within it: the window keeps one noisy iteration from hiding a level the curve has reached.
 *
 * @param coldStart the engine's cold-start row, or {@code null}
 * @param curve the engine's warm-up row, or {@code null}
 */
record StartUp(String engine, JmhRow coldStart, JmhRow curve) {
    static final int BAND_PERCENT = 10;
    static final int TAIL = 20;
    static final int WINDOW = 5;
    private static final Pattern ITERATION = Pattern.compile("× (\\d+ \\w+) measured");

    /** The steady-state time per lookup in µs: the median of the forks' last {@value #TAIL} iterations. */
    double steadyMicros() {
        return new Median().evaluate(curve.iterations().stream().flatMap(f -> f.subList(Math.max(0, f.size() - TAIL),
                f.size()).stream()).mapToDouble(v -> v * Units.nanosPer(curve.primary().unit()) / 1e3).toArray());
    }

    /** Per fork, seconds of measured iterations before it was steady; {@code null} for a fork that never was. */
    List<Double> secondsToSteady() {
        Matcher m = ITERATION.matcher(curve.settings());
        double seconds = m.find() ? TimeValue.fromString(m.group(1)).convertTo(java.util.concurrent.TimeUnit.MILLISECONDS)
                / 1e3 : Double.NaN;
        return curve.iterations().stream().map(f -> {
            double level = JmhRow.median(f.subList(Math.max(0, f.size() - TAIL), f.size()));
            int w = Math.min(WINDOW, f.size());
            Integer from = null;
            for (int i = f.size() - 1; i >= 0; i--) {
                int start = Math.min(i, f.size() - w);
                if (!within(JmhRow.median(f.subList(start, start + w)), level)) {
                    break;
                }
                from = within(f.get(i), level) ? Integer.valueOf(i) : from;
            }
            return from == null ? null : from * seconds;
        }).collect(Collectors.toList());
    }

    private static boolean within(double value, double level) {
        return Math.abs(value - level) <= level * BAND_PERCENT / 100.0;
    }
}

package flagparity.bench.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Forks and iterations of a JMH step; a {@code null} field keeps the benchmark's own annotation.
 *
 * @param forkSeconds what one fork costs beyond its iterations (JVM start, engine and workload setup), for estimates
 */
record JmhTiming(Integer forks, Integer warmupIterations, Duration warmupTime, Integer measurementIterations,
        Duration measurementTime, double forkSeconds) {

    /** Everything as the benchmark classes annotate it. */
    static JmhTiming annotated(double forkSeconds) {
        return new JmhTiming(null, null, null, null, null, forkSeconds);
    }

    void apply(ChainedOptionsBuilder b) {
        Optional.ofNullable(forks).ifPresent(b::forks);
        Optional.ofNullable(warmupIterations).ifPresent(b::warmupIterations);
        Optional.ofNullable(warmupTime).ifPresent(t -> b.warmupTime(TimeValue.milliseconds(t.toMillis())));
        Optional.ofNullable(measurementIterations).ifPresent(b::measurementIterations);
        Optional.ofNullable(measurementTime).ifPresent(t -> b.measurementTime(TimeValue.milliseconds(t.toMillis())));
    }

    /** The same settings as JMH command-line options. */
    List<String> cliArgs() {
        List<String> a = new ArrayList<>();
        Optional.ofNullable(forks).ifPresent(f -> a.add("-f " + f));
        Optional.ofNullable(warmupIterations).ifPresent(n -> a.add("-wi " + n));
        Optional.ofNullable(warmupTime).ifPresent(t -> a.add("-w " + jmhTime(t)));
        Optional.ofNullable(measurementIterations).ifPresent(n -> a.add("-i " + n));
        Optional.ofNullable(measurementTime).ifPresent(t -> a.add("-r " + jmhTime(t)));
        return a;
    }

    static String jmhTime(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /**
     * Seconds one row of {@code benchmark} takes: forks × (fork cost + warm-up + measurement), from these
     * settings or else the class's annotations (JMH's defaults without them: 5 forks, 5 × 10 s and 5 × 10 s).
     */
    double rowSeconds(Class<?> benchmark) {
        Fork f = benchmark.getAnnotation(Fork.class);
        Warmup w = benchmark.getAnnotation(Warmup.class);
        Measurement m = benchmark.getAnnotation(Measurement.class);
        double warm = or(warmupIterations, w == null ? -1 : w.iterations(), 5) * (warmupTime != null
                ? warmupTime.toMillis() / 1e3 : w == null || w.time() < 0 ? 10 : w.timeUnit().toMillis(w.time()) / 1e3);
        double measured = or(measurementIterations, m == null ? -1 : m.iterations(), 5) * (measurementTime != null
                ? measurementTime.toMillis() / 1e3 : m == null || m.time() < 0 ? 10 : m.timeUnit().toMillis(m.time()) / 1e3);
        BenchmarkMode mode = benchmark.getAnnotation(BenchmarkMode.class);
        boolean singleShot = mode != null && List.of(mode.value()).equals(List.of(Mode.SingleShotTime));
        // a single shot takes what it takes: counted in forkSeconds
        return Math.max(1, or(forks, f == null ? -1 : f.value(), 5)) * (forkSeconds + (singleShot ? 0 : warm + measured));
    }

    /** This step's setting, else the annotation's value (JMH's annotations say -1 for none), else JMH's default. */
    private static int or(Integer setting, int annotated, int jmhDefault) {
        return setting != null ? setting : annotated >= 0 ? annotated : jmhDefault;
    }

    /** Human form, e.g. {@code 2 forks, 3 × 300ms warm-up, 3 × 300ms measured}. */
    String describe() {
        return (forks == null ? "forks as annotated" : forks + (forks == 1 ? " fork" : " forks")) + ", "
                + (warmupIterations == null ? "warm-up as annotated" : warmupIterations + " × " + jmhTime(warmupTime)
                        + " warm-up") + ", " + (measurementIterations == null ? "measurement as annotated"
                        : measurementIterations + " × " + jmhTime(measurementTime) + " measured");
    }
}

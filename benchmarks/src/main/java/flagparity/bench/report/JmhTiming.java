package flagparity.bench.report;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        if (forks != null) {
            b.forks(forks);
        }
        if (warmupIterations != null) {
            b.warmupIterations(warmupIterations);
        }
        if (warmupTime != null) {
            b.warmupTime(TimeValue.milliseconds(warmupTime.toMillis()));
        }
        if (measurementIterations != null) {
            b.measurementIterations(measurementIterations);
        }
        if (measurementTime != null) {
            b.measurementTime(TimeValue.milliseconds(measurementTime.toMillis()));
        }
    }

    /** The same settings as JMH command-line options. */
    List<String> cliArgs() {
        List<String> a = new ArrayList<>();
        if (forks != null) {
            a.add("-f " + forks);
        }
        if (warmupIterations != null) {
            a.add("-wi " + warmupIterations);
        }
        if (warmupTime != null) {
            a.add("-w " + jmhTime(warmupTime));
        }
        if (measurementIterations != null) {
            a.add("-i " + measurementIterations);
        }
        if (measurementTime != null) {
            a.add("-r " + jmhTime(measurementTime));
        }
        return a;
    }

    static String jmhTime(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** Seconds one row of {@code benchmark} takes: forks × (fork cost + warm-up + measurement). */
    double rowSeconds(Class<?> benchmark) {
        Fork f = annotation(benchmark, Fork.class);
        Warmup w = annotation(benchmark, Warmup.class);
        Measurement m = annotation(benchmark, Measurement.class);
        int nForks = forks != null ? forks : f != null && f.value() >= 0 ? f.value() : 5;
        double warm = warmupIterations != null ? warmupIterations : w != null && w.iterations() >= 0 ? w.iterations() : 5;
        double warmTime = warmupTime != null ? warmupTime.toMillis() / 1e3 : w != null && w.time() >= 0
                ? w.timeUnit().toMillis(w.time()) / 1e3 : 10;
        double meas = measurementIterations != null ? measurementIterations
                : m != null && m.iterations() >= 0 ? m.iterations() : 5;
        double measTime = measurementTime != null ? measurementTime.toMillis() / 1e3 : m != null && m.time() >= 0
                ? m.timeUnit().toMillis(m.time()) / 1e3 : 10;
        BenchmarkMode mode = benchmark.getAnnotation(BenchmarkMode.class);
        if (mode != null && List.of(mode.value()).equals(List.of(Mode.SingleShotTime))) {
            warmTime = 0; // a shot takes what it takes: counted in forkSeconds
            measTime = 0;
        }
        return Math.max(1, nForks) * (forkSeconds + warm * warmTime + meas * measTime);
    }

    /** Human form, e.g. {@code 1 fork, 3 × 1 s warm-up, 3 × 1 s measured} (annotated values named as such). */
    String describe() {
        List<String> p = new ArrayList<>();
        p.add(forks == null ? "forks as annotated" : forks + (forks == 1 ? " fork" : " forks"));
        p.add(warmupIterations == null && warmupTime == null ? "warm-up as annotated"
                : count(warmupIterations) + " × " + seconds(warmupTime) + " warm-up");
        p.add(measurementIterations == null && measurementTime == null ? "measurement as annotated"
                : count(measurementIterations) + " × " + seconds(measurementTime) + " measured");
        return String.join(", ", p);
    }

    private static String count(Integer n) {
        return n == null ? "(annotated)" : n.toString();
    }

    private static String seconds(Duration d) {
        return d == null ? "(annotated)" : d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** JMH's defaults when the class has no such annotation: 5 forks, 5 × 10 s warm-up, 5 × 10 s measured. */
    private static <A extends Annotation> A annotation(Class<?> c, Class<A> type) {
        return c.getAnnotation(type);
    }
}

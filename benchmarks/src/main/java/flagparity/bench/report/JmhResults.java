package flagparity.bench.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.StatUtils;

/** Reads JMH's JSON result format ({@code -rf json}, bound by Jackson) into {@link JmhRow}s. */
final class JmhResults {
    static final String ALLOC_NORM = "gc.alloc.rate.norm";
    private static final ObjectMapper MAPPER =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JmhResults() {}

    /** One result as JMH writes it (the fields the report reads). */
    record Result(String benchmark, String mode, int threads, int forks, List<String> jvmArgs, int warmupIterations,
            String warmupTime, int measurementIterations, String measurementTime, Map<String, String> params,
            Score primaryMetric, Map<String, Score> secondaryMetrics) {}

    /** A metric; JMH writes NaN as a string, which Jackson reads as NaN. */
    record Score(double score, double scoreError, String scoreUnit, List<List<Double>> rawData) {
        Metric metric() {
            return new Metric(score, scoreError, scoreUnit);
        }
    }

    /** The rows of one JMH JSON file, each given {@code command} as the way to reproduce it (may be {@code null}). */
    static List<JmhRow> read(Path file, String command) throws IOException {
        if (Files.size(file) == 0) {
            return List.of(); // JMH leaves an empty file when every row failed
        }
        Result[] results = MAPPER.readValue(file.toFile(), Result[].class);
        for (Result r : results) {
            if (r.benchmark() == null || r.primaryMetric() == null) {
                throw new IOException(file + ": a result without benchmark or primaryMetric");
            }
        }
        return List.of(results).stream().map(r -> row(r, command)).collect(Collectors.toList());
    }

    private static JmhRow row(Result r, String command) {
        List<List<Double>> iterations = r.primaryMetric().rawData() == null ? List.of() : r.primaryMetric().rawData();
        Metric primary = r.primaryMetric().metric();
        Score alloc = r.secondaryMetrics() == null ? null : r.secondaryMetrics().get(ALLOC_NORM);
        return new JmhRow(r.benchmark(), r.mode(), Math.max(1, r.threads()), r.params() == null ? Map.of() : r.params(),
                new Metric(primary.score(), withForkSpread(primary.error(), iterations), primary.unit()),
                alloc == null ? null : alloc.metric(), settings(r),
                r.jvmArgs() == null ? "" : String.join(" ", r.jvmArgs()), command, iterations);
    }

    /**
     * JMH's error pools the iterations of all forks, so it hardly sees how much one JVM differs from the
     * next; the report's error is the larger of it and half the spread between the forks' means.
     */
    static double withForkSpread(double jmhError, List<List<Double>> forks) {
        double[] means = forks.stream().filter(f -> !f.isEmpty())
                .mapToDouble(f -> StatUtils.mean(f.stream().mapToDouble(Double::doubleValue).toArray())).toArray();
        if (means.length < 2) {
            return jmhError;
        }
        double half = (StatUtils.max(means) - StatUtils.min(means)) / 2;
        return Double.isFinite(jmhError) ? Math.max(jmhError, half) : half;
    }

    private static String settings(Result r) {
        String f = r.forks() + (r.forks() == 1 ? " fork" : " forks");
        if ("ss".equals(r.mode())) {
            return f + ", " + r.measurementIterations() + " shot(s) each after " + r.warmupIterations()
                    + " warm-up shot(s)";
        }
        return f + " × (" + r.warmupIterations() + " × " + r.warmupTime() + " warm-up, " + r.measurementIterations()
                + " × " + r.measurementTime() + " measured)";
    }
}

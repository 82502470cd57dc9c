package flagparity.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.StatUtils;

/** Reads JMH's JSON result format ({@code -rf json}) into {@link JmhRow}s. */
final class JmhResults {
    static final String ALLOC_NORM = "gc.alloc.rate.norm";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JmhResults() {}

    /** The rows of one JMH JSON file, each given {@code command} as the way to reproduce it (may be {@code null}). */
    static List<JmhRow> read(Path file, String command) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        if (root == null || root.isMissingNode()) {
            return List.of(); // JMH leaves an empty file when every row failed
        }
        if (!root.isArray()) {
            throw new IOException(file + " is not a JMH JSON result (expected an array)");
        }
        List<JmhRow> rows = new ArrayList<>();
        for (JsonNode r : root) {
            rows.add(row(r, command, file));
        }
        return rows;
    }

    private static JmhRow row(JsonNode r, String command, Path file) throws IOException {
        String benchmark = r.path("benchmark").asText(null);
        if (benchmark == null || !r.has("primaryMetric")) {
            throw new IOException(file + ": a result without benchmark or primaryMetric");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : r.path("params").properties()) {
            params.put(e.getKey(), e.getValue().asText());
        }
        JsonNode allocNode = r.path("secondaryMetrics").path(ALLOC_NORM);
        Metric alloc = allocNode.isMissingNode() ? null : metric(allocNode);
        List<String> jvmArgs = new ArrayList<>();
        r.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        List<List<Double>> iterations = new ArrayList<>();
        for (JsonNode fork : r.path("primaryMetric").path("rawData")) {
            List<Double> values = new ArrayList<>();
            fork.forEach(v -> values.add(number(v)));
            iterations.add(values);
        }
        Metric primary = metric(r.path("primaryMetric"));
        return new JmhRow(benchmark, r.path("mode").asText(), r.path("threads").asInt(1), params,
                new Metric(primary.score(), withForkSpread(primary.error(), iterations), primary.unit()), alloc,
                settings(r), String.join(" ", jvmArgs), command, iterations);
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

    private static Metric metric(JsonNode m) {
        return new Metric(number(m.path("score")), number(m.path("scoreError")), m.path("scoreUnit").asText());
    }

    /** JMH writes NaN and infinities as strings. */
    static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static String settings(JsonNode r) {
        int forks = r.path("forks").asInt();
        String f = forks + (forks == 1 ? " fork" : " forks");
        if ("ss".equals(r.path("mode").asText())) {
            return f + ", " + r.path("measurementIterations").asInt() + " shot(s) each after "
                    + r.path("warmupIterations").asInt() + " warm-up shot(s)";
        }
        return f + " × (" + r.path("warmupIterations").asInt() + " × " + r.path("warmupTime").asText()
                + " warm-up, " + r.path("measurementIterations").asInt() + " × "
                + r.path("measurementTime").asText() + " measured)";
    }
}

package flagparity.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flagparity.reference.api.Engines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the {@code latency} command: its summary ({@code NAME.summary.json}) and its response-
 * and service-time distributions ({@code NAME.response.hgrm}, {@code NAME.service.hgrm}), in µs.
 *
 * @param response percentiles of the time from the planned start (includes queueing: what a caller sees)
 * @param service percentiles of the time from the actual start
 * @param startLag percentiles of how late each call started against its plan (queueing included)
 * @param generatorLag the same for calls whose thread was idle at the planned start: the generator's own
 *     delay, part of every response time (empty in runs made before it was measured)
 * @param gcCollections JVM collections in the measured window, all collectors together
 * @param coreGc when the Wasm core ran full collections of its own heap ({@code never} in runs made before
 *     the option existed)
 * @param configSwaps the config updates made during the run ({@code latency --swap-config-every}), or
 *     {@code null} for none
 * @param command how to reproduce it, or {@code null} when unknown
 */
record LatencyRun(String name, String engine, String codec, String concurrency, int poolSize, double targetRate,
        int threads, double durationSeconds, String collector, String coreGc, ConfigSwaps configSwaps, boolean valid, String invalidBecause, long completed,
        long notIssued, double achievedRate, Map<String, Double> response, Map<String, Double> service,
        Map<String, Double> startLag, Map<String, Double> generatorLag, long gcCollections, long gcMillis, List<Point> responseCurve, List<Point> serviceCurve,
        String command) {

    static final String SUMMARY = ".summary.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads the summary at {@code summaryFile} and the two {@code .hgrm} files next to it. */
    static LatencyRun read(Path summaryFile, String command) throws IOException {
        String file = summaryFile.getFileName().toString();
        if (!file.endsWith(SUMMARY)) {
            throw new IllegalArgumentException("not a latency summary: " + summaryFile);
        }
        String name = file.substring(0, file.length() - SUMMARY.length());
        JsonNode s = MAPPER.readTree(summaryFile.toFile());
        JsonNode setup = s.path("setup");
        long collections = 0;
        long millis = 0;
        for (JsonNode bean : s.path("gc").path("measuredWindow")) {
            collections += bean.path("collections").asLong();
            millis += bean.path("millis").asLong();
        }
        Path dir = summaryFile.getParent();
        return new LatencyRun(name, setup.path("engine").asText(), setup.path("codec").asText(),
                setup.path("concurrency").asText(), setup.path("poolSize").asInt(), setup.path("targetRate").asDouble(),
                setup.path("threads").asInt(), setup.path("durationSeconds").asDouble(),
                s.path("gc").path("collector").asText(), setup.path("coreGc").asText("never"),
                configSwaps(s.path("configSwaps")), s.path("valid").asBoolean(),
                s.path("invalidBecause").asText(null), s.path("completed").asLong(), s.path("notIssued").asLong(),
                s.path("achievedRate").asDouble(), percentiles(s.path("response")), percentiles(s.path("service")),
                percentiles(s.path("startLag")), percentiles(s.path("generatorLag")), collections, millis, curve(dir.resolve(name + ".response.hgrm")),
                curve(dir.resolve(name + ".service.hgrm")), command);
    }

    /** The summary's {@code configSwaps}: the update period, how many ran and failed, their mean and longest time. */
    record ConfigSwaps(long everyMillis, long done, long failed, double meanMicros, double maxMicros) {
        /** E.g. {@code every 1,000 ms: 22 updates (0 failed), mean 95.1 ms, max 130.2 ms}. */
        String describe() {
            return String.format(java.util.Locale.ROOT, "every %,d ms: %,d updates (%,d failed), mean %,.1f ms, max %,.1f ms",
                    everyMillis, done, failed, meanMicros / 1000, maxMicros / 1000);
        }
    }

    private static ConfigSwaps configSwaps(JsonNode c) {
        return c.isMissingNode() ? null : new ConfigSwaps(c.path("everyMillis").asLong(), c.path("done").asLong(),
                c.path("failed").asLong(), c.path("meanMicros").asDouble(), c.path("maxMicros").asDouble());
    }

    private static Map<String, Double> percentiles(JsonNode p) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : p.properties()) {
            if (!"count".equals(e.getKey())) {
                out.put(e.getKey(), e.getValue().asDouble());
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static List<Point> curve(Path hgrm) throws IOException {
        return Files.exists(hgrm) ? hgrm(hgrm) : List.of();
    }

    /** One line of the distribution: this share of calls took at most {@code value} (in the file's unit). */
    record Point(double value, double percentile, long totalCount) {
        /** The x of HdrHistogram's plots, {@code 1/(1-p)}: 10 at 90%, 100 at 99%; infinite at 100%. */
        double inverseTail() {
            return 1 / (1 - percentile);
        }
    }

    /** Reads HdrHistogram's percentile distribution text ({@code outputPercentileDistribution}, a {@code .hgrm} file). */
    static List<Point> hgrm(Path file) throws IOException {
        List<Point> points = new ArrayList<>();
        boolean header = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.trim();
            if (t.startsWith("Value") && t.contains("Percentile")) {
                header = true;
                continue;
            }
            if (!header || t.isEmpty()) {
                continue;
            }
            if (t.startsWith("#")) {
                break; // the summary footer
            }
            String[] f = t.split("\\s+");
            if (f.length < 3) {
                throw new IOException(file + ": not a percentile line: " + line);
            }
            try {
                points.add(new Point(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Long.parseLong(f[2])));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": not a percentile line: " + line, e);
            }
        }
        if (!header) {
            throw new IOException(file + " has no percentile distribution header");
        }
        return points;
    }


    /**
     * E.g. {@code chicory-aot protobuf-preallocated mutex, G1}, {@code reference, ZGC} or
     * {@code chicory-aot protobuf-preallocated mutex, G1, core GC every:100}.
     */
    String label() {
        StringBuilder b = new StringBuilder(engine);
        if (!codec.isEmpty() && Engines.ids().contains(engine) && !Engines.get(engine).codecs().isEmpty()) {
            b.append(' ').append(codec).append(' ').append(concurrency);
            if ("pool".equals(concurrency)) {
                b.append('(').append(poolSize).append(')');
            }
        }
        b.append(", ").append(collector);
        if (!"never".equals(coreGc)) {
            b.append(", core GC ").append(coreGc);
        }
        if (configSwaps != null) {
            b.append(String.format(java.util.Locale.ROOT, ", config set every %,d ms", configSwaps.everyMillis()));
        }
        return b.toString();
    }
}

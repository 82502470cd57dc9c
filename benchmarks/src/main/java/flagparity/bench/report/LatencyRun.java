package flagparity.bench.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import flagparity.reference.api.Engines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run of the {@code latency} command: its summary ({@code NAME.summary.json}, read by Jackson into
 * {@link Summary}) and its response- and service-time distributions ({@code NAME.response.hgrm},
 * {@code NAME.service.hgrm}), in µs.
 *
 * @param command how to reproduce it, or {@code null} when unknown
 */
record LatencyRun(String name, Summary summary, List<Point> responseCurve, List<Point> serviceCurve, String command) {

    static final String SUMMARY = ".summary.json";
    private static final ObjectMapper MAPPER =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The summary as the latency command writes it. Percentiles are by name ({@code p50}, ..., {@code max}).
     *
     * @param response percentiles of the time from the planned start (includes queueing: what a caller sees)
     * @param service percentiles of the time from the actual start
     * @param startLag percentiles of how late each call started against its plan (queueing included)
     * @param generatorLag the same for calls whose thread was idle at the planned start: the generator's own
     *     delay, part of every response time (empty in runs made before it was measured)
     * @param configSwaps the config updates made during the run ({@code latency --swap-config-every}), or
     *     {@code null} for none
     */
    record Summary(Setup setup, boolean valid, String invalidBecause, long completed, long notIssued,
            double achievedRate, Map<String, Double> response, Map<String, Double> service,
            Map<String, Double> startLag, Map<String, Double> generatorLag, Gc gc, ConfigSwaps configSwaps) {
        Summary {
            response = percentiles(response);
            service = percentiles(service);
            startLag = percentiles(startLag);
            generatorLag = percentiles(generatorLag);
        }

        private static Map<String, Double> percentiles(Map<String, Double> p) {
            Map<String, Double> m = new LinkedHashMap<>(p == null ? Map.of() : p);
            m.remove("count");
            return Collections.unmodifiableMap(m);
        }
    }

    /** @param coreGc when the Wasm core ran full collections of its own heap ({@code null} before the option existed) */
    record Setup(String engine, String codec, String concurrency, int poolSize, double targetRate, int threads,
            String coreGc) {}

    /** JVM collections in the measured window, per collector bean. */
    record Gc(String collector, Map<String, Bean> measuredWindow) {
        record Bean(long collections, long millis) {}
    }

    /** The config updates: the period, how many ran and failed, their mean and longest time. */
    record ConfigSwaps(long everyMillis, long done, long failed, double meanMicros, double maxMicros) {
        /** E.g. {@code every 1,000 ms: 22 updates (0 failed), mean 95.1 ms, max 130.2 ms}. */
        String describe() {
            return String.format(Locale.ROOT, "every %,d ms: %,d updates (%,d failed), mean %,.1f ms, max %,.1f ms",
                    everyMillis, done, failed, meanMicros / 1000, maxMicros / 1000);
        }
    }

    /** Reads the summary at {@code summaryFile} and the two {@code .hgrm} files next to it. */
    static LatencyRun read(Path summaryFile, String command) throws IOException {
        String file = summaryFile.getFileName().toString();
        if (!file.endsWith(SUMMARY)) {
            throw new IllegalArgumentException("not a latency summary: " + summaryFile);
        }
        String name = file.substring(0, file.length() - SUMMARY.length());
        Path dir = summaryFile.getParent();
        return new LatencyRun(name, MAPPER.readValue(summaryFile.toFile(), Summary.class),
                curve(dir.resolve(name + ".response.hgrm")), curve(dir.resolve(name + ".service.hgrm")), command);
    }

    String engine() {
        return summary.setup().engine();
    }

    long gcCollections() {
        return summary.gc().measuredWindow().values().stream().mapToLong(Gc.Bean::collections).sum();
    }

    long gcMillis() {
        return summary.gc().measuredWindow().values().stream().mapToLong(Gc.Bean::millis).sum();
    }

    /**
     * E.g. {@code chicory-aot protobuf-preallocated mutex, G1}, {@code reference, ZGC} or
     * {@code chicory-aot protobuf-preallocated mutex, G1, core GC every:100}.
     */
    String label() {
        Setup s = summary.setup();
        StringBuilder b = new StringBuilder(s.engine());
        if (s.codec() != null && Engines.ids().contains(s.engine()) && !Engines.get(s.engine()).codecs().isEmpty()) {
            b.append(' ').append(s.codec()).append(' ').append(s.concurrency());
            if ("pool".equals(s.concurrency())) {
                b.append('(').append(s.poolSize()).append(')');
            }
        }
        b.append(", ").append(summary.gc().collector());
        if (s.coreGc() != null && !"never".equals(s.coreGc())) {
            b.append(", core GC ").append(s.coreGc());
        }
        if (summary.configSwaps() != null) {
            b.append(String.format(Locale.ROOT, ", config set every %,d ms", summary.configSwaps().everyMillis()));
        }
        return b.toString();
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
}

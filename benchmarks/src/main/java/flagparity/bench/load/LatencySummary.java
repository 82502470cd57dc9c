package flagparity.bench.load;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * {@code NAME.summary.json}, what a latency run says about itself (the setting, the calls, percentiles in µs of
 * response, service, start lag and generator lag, the JVM's and the core's collections, the config updates), as
 * Jackson writes it ({@link #write}) and the report reads it back ({@link #read}): a field is added here once. Runs
 * written before a field existed read it as {@code null} or 0 ({@code generatorLag}, {@code setup.core},
 * {@code setup.coreGc}, {@code gc.core}). Beside it the run writes {@code NAME.response.hgrm} and
 * {@code NAME.service.hgrm}, the percentile distributions.
 *
 * @param invalidBecause why the run is not valid, or {@code null}
 * @param response from the planned start (includes queueing: what a caller sees)
 * @param service from the actual start
 * @param startLag how late each call started against its plan (queueing included)
 * @param generatorLag the same for calls whose thread was idle at the planned start: the generator's own delay,
 *     part of every response time ({@code null} in runs made before it was measured)
 * @param configSwaps the config updates made during the run ({@code --swap-config-every}), or {@code null}
 */
public record LatencySummary(boolean valid, @JsonInclude(JsonInclude.Include.NON_NULL) String invalidBecause,
        String finishedAt, Setup setup, long completed, long failed, long notIssued, boolean saturated,
        double achievedRate, String unit, Percentiles response, Percentiles service, Percentiles startLag,
        Percentiles generatorLag, Gc gc, @JsonInclude(JsonInclude.Include.NON_NULL) ConfigSwaps configSwaps, Jvm jvm) {

    public static final String SUMMARY = ".summary.json";
    public static final String RESPONSE = ".response.hgrm";
    public static final String SERVICE = ".service.hgrm";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param core the core version that answered, or {@code null} for the no-op floor
     * @param coreGc when the Wasm core ran full collections of its own heap ({@code null} before the option existed)
     */
    public record Setup(String engine, String codec, String concurrency, int poolSize, String config, String user,
            String key, String core, double targetRate, int threads, double warmupSeconds, double durationSeconds,
            String coreGc) {}

    /** Percentiles of one distribution in µs, by HdrHistogram. */
    public record Percentiles(long count, double p50, double p90, double p99, double p99_9, double p99_99, double max,
            double mean) {
        static Percentiles of(Histogram h) {
            return new Percentiles(h.getTotalCount(), micros(h, 50), micros(h, 90), micros(h, 99), micros(h, 99.9),
                    micros(h, 99.99), h.getMaxValue() / 1000.0, h.getMean() / 1000.0);
        }

        private static double micros(Histogram h, double percentile) {
            return h.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /**
     * @param measuredWindow JVM collections in the measured window, per collector bean
     * @param core the Wasm core's own full collections ({@code null} before they were counted)
     */
    public record Gc(String collector, Map<String, Bean> measuredWindow, Heap heapAtEnd, Core core) {
        public record Bean(long collections, long millis) {}

        public record Heap(long usedBytes, long committedBytes, long maxBytes) {}

        /** @param expectedCollectionMicros {@code --core-gc idle}'s final estimate of a full collection, or {@code null} */
        public record Core(String policy, long fullCollections,
                @JsonInclude(JsonInclude.Include.NON_NULL) Double expectedCollectionMicros) {}
    }

    /** The config updates: the period, how many ran and failed, their mean and longest time. */
    public record ConfigSwaps(long everyMillis, long done, long failed, double meanMicros, long maxMicros) {}

    public record Jvm(String version, String vm, int availableProcessors, String os, List<String> inputArguments) {}

    /**
     * The summary of a finished run.
     *
     * @param expectedCollectionMicros {@code --core-gc idle}'s final estimate of a full core collection, or {@code null}
     * @param swapper the config updates made, or {@code null}
     * @param trouble why the run is not valid, or {@code null}
     * @param coreRan the core version that answered, or {@code null} for the no-op floor
     */
    static LatencySummary of(LatencySettings s, FixedRateGenerator.Result result, GcSnapshot atStart, GcSnapshot atEnd,
            long coreCollections, Double expectedCollectionMicros, ConfigSwapper swapper, String trouble,
            String coreRan) {
        LatencyRecorder r = result.recorder();
        Setup setup = new Setup(s.engine(), s.codec(), s.concurrency(),
                flagparity.bench.jmh.Lookup.resolvePoolSize(s.poolSize()), s.config(), s.user(), s.key(), coreRan,
                s.rate(), s.threads(), s.warmup().toNanos() / 1e9, s.duration().toNanos() / 1e9, s.coreGc().toString());
        Map<String, Gc.Bean> window = new LinkedHashMap<>();
        for (String bean : atEnd.beanNames()) {
            window.put(bean, new Gc.Bean(atEnd.collections(bean) - atStart.collections(bean),
                    atEnd.collectionMillis(bean) - atStart.collectionMillis(bean)));
        }
        MemoryUsage heap = atEnd.heap();
        Gc gc = new Gc(atEnd.collector(), window, new Gc.Heap(heap.getUsed(), heap.getCommitted(), heap.getMax()),
                new Gc.Core(s.coreGc().toString(), coreCollections, expectedCollectionMicros));
        ConfigSwaps swaps = swapper == null ? null : new ConfigSwaps(s.swapConfigEvery().toMillis(), swapper.done(),
                swapper.failed(), swapper.meanMicros(), swapper.maxMicros());
        Jvm jvm = new Jvm(System.getProperty("java.vm.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        return new LatencySummary(trouble == null, trouble, Instant.now().toString(), setup, result.completed(),
                result.failed(), result.notIssued(), result.notIssued() > 0, result.achievedRate(), "microseconds",
                Percentiles.of(r.response()), Percentiles.of(r.service()), Percentiles.of(r.startLag()),
                Percentiles.of(r.generatorLag()), gc, swaps, jvm);
    }

    /** Writes the summary and the recorder's two distributions into {@code dir}; returns the summary's JSON. */
    String write(Path dir, String prefix, LatencyRecorder recorder) throws IOException {
        writeHgrm(dir.resolve(prefix + RESPONSE), recorder.response());
        writeHgrm(dir.resolve(prefix + SERVICE), recorder.service());
        String json = MAPPER.writeValueAsString(this);
        Files.writeString(dir.resolve(prefix + SUMMARY), json + "\n", StandardCharsets.UTF_8);
        return json;
    }

    public static LatencySummary read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), LatencySummary.class);
    }

    /** The percentile distribution in microseconds, as HdrHistogram writes it (.hgrm). */
    private static void writeHgrm(Path file, Histogram h) throws IOException {
        try (PrintStream ps = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            h.outputPercentileDistribution(ps, 1000.0);
        }
    }
}

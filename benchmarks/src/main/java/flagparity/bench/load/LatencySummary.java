package flagparity.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.HdrHistogram.Histogram;

/**
 * What a latency run writes: {@code NAME.summary.json} (the setting, the calls, percentiles in µs of response,
 * service, start lag and generator lag, the JVM's and the core's collections, the config updates) and the two
 * percentile distributions, {@code NAME.response.hgrm} and {@code NAME.service.hgrm}.
 *
 * @param expectedCollectionMicros {@code --core-gc idle}'s final estimate of a full core collection, or {@code null}
 * @param swapper the config updates made, or {@code null}
 * @param trouble why the run is not valid, or {@code null}
 * @param coreRan the core version that answered, or {@code null} for the no-op floor
 */
record LatencySummary(LatencySettings s, FixedRateGenerator.Result result, GcSnapshot atStart, GcSnapshot atEnd,
        long coreCollections, Double expectedCollectionMicros, ConfigSwapper swapper, String trouble, String coreRan) {

    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the files into {@code dir}; returns the summary's JSON. */
    String write(Path dir, String prefix) throws IOException {
        writeHgrm(dir.resolve(prefix + ".response.hgrm"), result.recorder().response());
        writeHgrm(dir.resolve(prefix + ".service.hgrm"), result.recorder().service());
        String json = MAPPER.writeValueAsString(json());
        Files.writeString(dir.resolve(prefix + ".summary.json"), json + "\n", StandardCharsets.UTF_8);
        return json;
    }

    private ObjectNode json() {
        ObjectNode j = MAPPER.createObjectNode();
        j.put("valid", trouble == null);
        if (trouble != null) {
            j.put("invalidBecause", trouble);
        }
        j.put("finishedAt", Instant.now().toString());
        j.putObject("setup").put("engine", s.engine()).put("codec", s.codec()).put("concurrency", s.concurrency())
                .put("poolSize", flagparity.bench.jmh.Lookup.resolvePoolSize(s.poolSize())).put("config", s.config())
                .put("user", s.user()).put("key", s.key()).put("core", coreRan).put("targetRate", s.rate())
                .put("threads", s.threads()).put("warmupSeconds", s.warmup().toNanos() / 1e9)
                .put("durationSeconds", s.duration().toNanos() / 1e9).put("coreGc", s.coreGc().toString());
        j.put("completed", result.completed());
        j.put("failed", result.failed());
        j.put("notIssued", result.notIssued());
        j.put("saturated", result.notIssued() > 0);
        j.put("achievedRate", result.achievedRate());
        j.put("unit", "microseconds");
        j.set("response", percentiles(result.recorder().response()));
        j.set("service", percentiles(result.recorder().service()));
        j.set("startLag", percentiles(result.recorder().startLag()));
        j.set("generatorLag", percentiles(result.recorder().generatorLag()));
        ObjectNode core = MAPPER.createObjectNode().put("policy", s.coreGc().toString())
                .put("fullCollections", coreCollections);
        if (expectedCollectionMicros != null) {
            core.put("expectedCollectionMicros", expectedCollectionMicros);
        }
        j.set("gc", gc().set("core", core));
        if (swapper != null) {
            j.putObject("configSwaps").put("everyMillis", s.swapConfigEvery().toMillis()).put("done", swapper.done())
                    .put("failed", swapper.failed()).put("meanMicros", swapper.meanMicros())
                    .put("maxMicros", swapper.maxMicros());
        }
        j.set("jvm", jvm());
        return j;
    }

    static ObjectNode percentiles(Histogram h) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("count", h.getTotalCount());
        for (double q : PERCENTILES) {
            String name = q == Math.rint(q) ? Long.toString((long) q) : Double.toString(q).replace('.', '_');
            p.put("p" + name, h.getValueAtPercentile(q) / 1000.0);
        }
        p.put("max", h.getMaxValue() / 1000.0);
        p.put("mean", h.getMean() / 1000.0);
        return p;
    }

    private ObjectNode gc() {
        ObjectNode gc = MAPPER.createObjectNode();
        gc.put("collector", atEnd.collector());
        ObjectNode beans = gc.putObject("measuredWindow");
        for (String bean : atEnd.beanNames()) {
            beans.putObject(bean)
                    .put("collections", atEnd.collections(bean) - atStart.collections(bean))
                    .put("millis", atEnd.collectionMillis(bean) - atStart.collectionMillis(bean));
        }
        MemoryUsage heap = atEnd.heap();
        gc.putObject("heapAtEnd").put("usedBytes", heap.getUsed()).put("committedBytes", heap.getCommitted())
                .put("maxBytes", heap.getMax());
        return gc;
    }

    private static ObjectNode jvm() {
        ObjectNode jvm = MAPPER.createObjectNode();
        jvm.put("version", System.getProperty("java.vm.version"));
        jvm.put("vm", System.getProperty("java.vm.name"));
        jvm.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        jvm.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        ArrayNode args = jvm.putArray("inputArguments");
        ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(args::add);
        return jvm;
    }

    /** The percentile distribution in microseconds, as HdrHistogram writes it (.hgrm). */
    private static void writeHgrm(Path file, Histogram h) throws IOException {
        try (PrintStream ps = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            h.outputPercentileDistribution(ps, 1000.0);
        }
    }
}

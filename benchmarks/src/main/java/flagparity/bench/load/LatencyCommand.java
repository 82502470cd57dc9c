package flagparity.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flagparity.workloads.Workloads;
import flagparity.bench.jmh.CoreChoice;
import flagparity.bench.jmh.Lookup;
import flagparity.reference.api.CoreGarbageCollection;
import flagparity.reference.api.Engines;
import flagparity.reference.api.EvaluationException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code latency}: one engine at a fixed arrival rate from several threads ({@link FixedRateGenerator}),
 * every call recorded ({@link LatencyRecorder}); writes {@code NAME.response.hgrm},
 * {@code NAME.service.hgrm} (percentile distributions in µs), {@code NAME.hlog} (HdrHistogram's
 * interval log, {@link IntervalLog}) and {@code NAME.summary.json} into {@code --out}, and prints the
 * summary, which includes the generator's own lag ({@link LatencyRecorder#generatorLag()}).
 * {@code --noop} times a call that does nothing: the floor of the harness at that rate. The collector is the JVM's own ({@code -XX:+UseZGC} etc.
 * before {@code -jar}); the summary records which one ran and what it did in the measured window.
 * {@code --core-gc} decides when a Wasm core runs a full collection of its own heap ({@link CoreGc}):
 * {@code never}, {@code every:N} lookups per instance, or {@code idle}: a calling thread with slack
 * before its next planned call collects every core instance not in use, when that slack is at least
 * what such a collection takes (estimated before the run, then a running mean); at most once per call. A
 * full collection is not cheap (about 1.2 ms on chicory-aot with the large config, which lives in the
 * core's heap), so at high rates there is no slack for one and {@code idle} collects rarely or never.
 * The summary records the policy and the collections in the measured window. {@code
 * --swap-config-every} sets the same config again at that period from one more thread, through
 * warm-up and measurement ({@link ConfigSwapper}): what a config update costs the lookups under load.
 *
 * <p>Exit status: 0 when every measured call returned the served variable; 1 when any failed (threw,
 * or answered {@code null}: for the SDK peer, a default) or the engine reported trouble (the files
 * are written either way, with {@code "valid": false} and the reason); 2, with one line on stderr,
 * when the setting cannot be measured at all (a bad rate or duration, an unknown engine, an unusable
 * config, a key the user is not served, a user the SDK peer mishandles, config updates for the SDK peer).
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "Drive one engine at a fixed arrival rate; record every call's latency (HdrHistogram,"
                + " corrected for coordinated omission).")
public final class LatencyCommand implements Callable<Integer> {
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The engine name a {@code --noop} run records. */
    public static final String NOOP = "noop";
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(1);

    @Option(names = "--engine", description = "Engine id (default: ${DEFAULT-VALUE}).")
    String engine = Engines.reference().id();

    @Option(names = "--codec", defaultValue = flagparity.wasm.Codec.DEFAULT_ID, description = "Codec of a Wasm engine (default: ${DEFAULT-VALUE}).")
    String codec;

    @Option(names = "--concurrency", defaultValue = "mutex", description = "mutex or pool (default: ${DEFAULT-VALUE}).")
    String concurrency;

    @Option(names = "--pool-size", defaultValue = "0", description = "Instances of a pool; 0 = available processors.")
    int poolSize;

    @Option(names = "--core", defaultValue = CoreChoice.NEWEST, paramLabel = "VERSION",
            completionCandidates = CoreChoice.Ids.class, description = CoreChoice.DESCRIPTION)
    String coreVersion;

    @Option(names = "--config", defaultValue = "large", description = "Built-in workload or config file (default: ${DEFAULT-VALUE}).")
    String config;

    @Option(names = "--user", defaultValue = Workloads.DEFAULT_USER_JSON, description = "User JSON or a user JSON file.")
    String user;

    @Option(names = "--key", defaultValue = Workloads.DEFAULT_KEY, description = "Variable key (default: ${DEFAULT-VALUE}).")
    String key;

    @Option(names = "--rate", required = true, description = "Calls per second, all threads together.")
    double rate;

    @Option(names = "--threads", defaultValue = "2", description = "Calling threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class,
            description = "Measured time, e.g. 500ms, 30s, 2m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "10s", converter = DurationConverter.class,
            description = "Unrecorded time at the same rate before it (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--core-gc", defaultValue = "never", converter = CoreGcConverter.class,
            description = "When a Wasm core runs a full collection of its heap: never, every:N (lookups per instance)"
                    + " or idle (in a calling thread's slack) (default: ${DEFAULT-VALUE}).")
    CoreGc coreGc;

    @Option(names = "--out", defaultValue = ".", description = "Directory for the .hgrm and .summary.json files.")
    Path out;

    @Option(names = "--swap-config-every", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Set the config again at this period from one more thread, through warm-up and"
                    + " measurement: the cost of a config update under load (default: never).")
    Duration swapConfigEvery;

    @Option(names = "--noop", description = "Time a call that does nothing instead of an engine: the harness's"
            + " own floor at this rate and thread count (the report's floor row).")
    boolean noop;

    @Option(names = "--name", description = "File name prefix (default: latency-ENGINE[-CODEC-CONCURRENCY]-RATE-THREADS-COLLECTOR).")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether this command has a {@code --core} option (the report asks before passing one). */
    public static boolean takesCore() {
        return new CommandLine(new LatencyCommand()).getCommandSpec().findOption("--core") != null;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (noop) {
            engine = NOOP;
        }
        if (swapConfigEvery != null && (noop || Engines.ids().contains(engine) && !Engines.get(engine).swapsConfig())) {
            stderr.println("latency: " + (noop ? "--noop has no config to set"
                    : engine + " does not swap configs in on setConfig") + " (--swap-config-every)");
            stderr.flush();
            return 2;
        }
        FixedRateGenerator generator;
        Lookup opened;
        try {
            generator = new FixedRateGenerator(rate, threads, warmup, duration, FixedRateGenerator.Ticker.SYSTEM);
            opened = noop ? null : Lookup.open(engine, codec, concurrency, poolSize, config, Lookup.parseUser(user),
                    key, coreGc.every(), CoreChoice.parse(coreVersion));
        } catch (IllegalArgumentException | IllegalStateException | EvaluationException e) {
            stderr.println("latency: " + e.getMessage());
            stderr.flush();
            return 2;
        }
        try (Lookup lookup = opened) {
            CoreGarbageCollection wasm = lookup != null && lookup.evaluator() instanceof CoreGarbageCollection
                    ? (CoreGarbageCollection) lookup.evaluator() : null;
            if (coreGc.kind() == CoreGc.Kind.IDLE && wasm == null) {
                stderr.println("latency: " + engine + " has no Wasm core whose collector can be driven (--core-gc idle)");
                stderr.flush();
                return 2;
            }
            IdleCollector idle = coreGc.kind() == CoreGc.Kind.IDLE ? new IdleCollector(wasm) : null;
            GcSnapshot[] atStart = new GcSnapshot[1];
            long[] collectionsAtStart = new long[1];
            ConfigSwapper swapper = swapConfigEvery == null ? null
                    : new ConfigSwapper(lookup.evaluator(), lookup.configJson(), swapConfigEvery);
            String prefix = name != null ? name : defaultName(GcSnapshot.take().collector());
            Files.createDirectories(out);
            FixedRateGenerator.Result result;
            try (IntervalLog log = IntervalLog.open(out.resolve(prefix + ".hlog"))) {
                result = generator.run(lookup == null ? () -> true : () -> lookup.call() != null, () -> {
                    atStart[0] = GcSnapshot.take();
                    collectionsAtStart[0] = wasm != null ? wasm.coreCollections() : 0;
                    log.start(LOG_INTERVAL);
                }, idle, log);
            } finally {
                if (swapper != null) {
                    swapper.close();
                }
            }
            GcSnapshot atEnd = GcSnapshot.take();
            long coreCollections = wasm != null ? wasm.coreCollections() - collectionsAtStart[0] : 0;
            String trouble = trouble(result, lookup, swapper);
            writeHgrm(out.resolve(prefix + ".response.hgrm"), result.recorder().response());
            writeHgrm(out.resolve(prefix + ".service.hgrm"), result.recorder().service());
            ObjectNode core = MAPPER.createObjectNode().put("policy", coreGc.toString())
                    .put("fullCollections", coreCollections);
            if (idle != null) {
                core.put("expectedCollectionMicros", idle.expectedNanos / 1000.0);
            }
            ObjectNode summary = summary(result, atStart[0], atEnd, core, trouble, lookup == null ? null : lookup.core().id());
            if (swapper != null) {
                summary.putObject("configSwaps").put("everyMillis", swapConfigEvery.toMillis())
                        .put("done", swapper.done()).put("failed", swapper.failed())
                        .put("meanMicros", swapper.meanMicros()).put("maxMicros", swapper.maxMicros());
            }
            String json = MAPPER.writeValueAsString(summary);
            Files.writeString(out.resolve(prefix + ".summary.json"), json + "\n", StandardCharsets.UTF_8);
            stdout.println(json);
            stdout.flush();
            if (result.notIssued() > 0) {
                stderr.println("latency: " + result.notIssued() + " calls planned in the measured window were never"
                        + " made: " + rate + " calls/s is more than this setup sustains; the histograms lack them");
                stderr.flush();
            }
            if (trouble != null) {
                stderr.println("latency: the run is not valid: " + trouble);
                stderr.flush();
                return 1;
            }
            return 0;
        }
    }

    /**
     * {@code --core-gc idle}: in a thread's slack, a full collection of every core instance not in use,
     * when the slack is at least what a collection is expected to take (so that it seldom delays the
     * next call). The expectation starts as the fastest of a second of collections before the run (the
     * first ones run cold, several times slower) and follows each collection as a running mean (1/8).
     */
    private static final class IdleCollector implements FixedRateGenerator.IdleWork {
        private static final long CALIBRATION_NANOS = 1_000_000_000L;

        private final CoreGarbageCollection wasm;
        private volatile long expectedNanos = Long.MAX_VALUE;

        IdleCollector(CoreGarbageCollection wasm) {
            this.wasm = wasm;
            for (long end = System.nanoTime() + CALIBRATION_NANOS; System.nanoTime() < end; ) {
                expectedNanos = Math.min(expectedNanos, timeOneCollection());
            }
        }

        private long timeOneCollection() {
            long start = System.nanoTime();
            wasm.collectCoreGarbage();
            return System.nanoTime() - start;
        }

        @Override
        public void run(long slackNanos) {
            if (slackNanos >= expectedNanos) {
                long took = timeOneCollection();
                expectedNanos += (took - expectedNanos) / 8;
            }
        }
    }

    /** Why the measured calls cannot be trusted, or {@code null}. */
    private static String trouble(FixedRateGenerator.Result result, Lookup lookup, ConfigSwapper swapper) {
        if (swapper != null && swapper.failed() > 0) {
            return swapper.failed() + " config updates failed (first: " + swapper.firstError() + ")";
        }
        if (result.failed() > 0) {
            RuntimeException e = result.firstError();
            return result.failed() + " of " + result.completed() + " calls failed ("
                    + (e != null ? "first: " + e : "answered null instead of the served variable") + ")";
        }
        if (lookup == null) {
            return null;
        }
        try {
            lookup.checkHealthy();
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private String defaultName(String collector) {
        StringBuilder b = new StringBuilder("latency-").append(engine);
        if (!noop && !CoreChoice.NEWEST.equals(coreVersion)) {
            b.append("-core").append(coreVersion);
        }
        if (!noop && !Engines.get(engine).codecs().isEmpty()) {
            b.append('-').append(codec).append('-').append(concurrency);
            if ("pool".equals(concurrency)) {
                b.append(Lookup.resolvePoolSize(poolSize));
            }
        }
        b.append('-').append(formatRate(rate)).append("ops-").append(threads).append("t-")
                .append(collector.replaceAll("[^A-Za-z0-9]+", ""));
        if (coreGc.kind() != CoreGc.Kind.NEVER) {
            b.append("-coregc-").append(coreGc.toString().replace(":", ""));
        }
        if (swapConfigEvery != null) {
            b.append("-swap").append(swapConfigEvery.toMillis()).append("ms");
        }
        return b.toString();
    }

    private static String formatRate(double r) {
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    private ObjectNode summary(FixedRateGenerator.Result result, GcSnapshot atStart, GcSnapshot atEnd,
            ObjectNode coreGcDone, String trouble, String coreRan) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("valid", trouble == null);
        if (trouble != null) {
            s.put("invalidBecause", trouble);
        }
        s.put("finishedAt", Instant.now().toString());
        ObjectNode setup = s.putObject("setup");
        setup.put("engine", engine).put("codec", codec).put("concurrency", concurrency)
                .put("poolSize", Lookup.resolvePoolSize(poolSize)).put("config", config).put("user", user)
                .put("key", key).put("core", coreRan).put("targetRate", rate).put("threads", threads)
                .put("warmupSeconds", warmup.toNanos() / 1e9).put("durationSeconds", duration.toNanos() / 1e9)
                .put("coreGc", coreGc.toString());
        s.put("completed", result.completed());
        s.put("failed", result.failed());
        s.put("notIssued", result.notIssued());
        s.put("saturated", result.notIssued() > 0);
        s.put("achievedRate", result.achievedRate());
        s.put("unit", "microseconds");
        s.set("response", percentiles(result.recorder().response()));
        s.set("service", percentiles(result.recorder().service()));
        s.set("startLag", percentiles(result.recorder().startLag()));
        s.set("generatorLag", percentiles(result.recorder().generatorLag()));
        ObjectNode gc = gc(atStart, atEnd);
        gc.set("core", coreGcDone);
        s.set("gc", gc);
        s.set("jvm", jvm());
        return s;
    }

    static ObjectNode percentiles(Histogram h) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("count", h.getTotalCount());
        for (double q : PERCENTILES) {
            p.put("p" + formatPercentile(q), micros(h.getValueAtPercentile(q)));
        }
        p.put("max", micros(h.getMaxValue()));
        p.put("mean", h.getMean() / 1000.0);
        return p;
    }

    private static String formatPercentile(double q) {
        return q == Math.rint(q) ? Long.toString((long) q) : Double.toString(q).replace('.', '_');
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    private static ObjectNode gc(GcSnapshot atStart, GcSnapshot atEnd) {
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
    static void writeHgrm(Path file, Histogram h) throws IOException {
        try (PrintStream ps = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            h.outputPercentileDistribution(ps, 1000.0);
        }
    }

    static final class CoreGcConverter implements CommandLine.ITypeConverter<CoreGc> {
        @Override
        public CoreGc convert(String value) {
            try {
                return CoreGc.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Durations as {@code 500ms}, {@code 30s}, {@code 2m}, or ISO-8601 ({@code PT30S}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");

        @Override
        public Duration convert(String value) {
            Matcher m = SIMPLE.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                double amount = Double.parseDouble(m.group(1));
                double millis = "ms".equals(m.group(2)) ? amount : "s".equals(m.group(2)) ? amount * 1e3 : amount * 60e3;
                return Duration.ofNanos(Math.round(millis * 1e6));
            }
            try {
                return Duration.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("not a duration: \"" + value + "\" (use 500ms, 30s, 2m)");
            }
        }
    }
}

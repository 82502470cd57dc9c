package flagparity.bench.report;

import flagparity.bench.jmh.BoundaryBenchmark;
import flagparity.bench.jmh.BucketedConfigBenchmark;
import flagparity.bench.jmh.ColdStartBenchmark;
import flagparity.bench.jmh.SetConfigBenchmark;
import flagparity.bench.jmh.ThroughputBenchmark;
import flagparity.bench.jmh.UserSizeBenchmark;
import flagparity.bench.jmh.VariableBenchmark;
import flagparity.wasm.Codec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agreed matrices: {@code quick} (at most ten minutes on two cores: the questions of DECISIONS.md
 * with short but real JMH settings), {@code full} (every engine, codec and size with the benchmarks'
 * own settings; hours) and {@code smoke} (the quick matrix with the shortest settings that still run
 * every step: a check of the pipeline, its numbers mean nothing).
 */
final class Matrix {
    static final String QUICK = "quick";
    static final String FULL = "full";
    static final String SMOKE = "smoke";

    /**
     * The codec the quick matrix runs every Wasm engine with besides {@code json}: the default, D7-safe
     * one (for the default user, who has no custom data, it is protobuf-preallocated); the headline
     * step measures the four raw codecs on chicory-aot.
     */
    static final String BEST_CODEC = Codec.DEFAULT_ID;
    static final List<String> CODECS = List.of("json", "json-preallocated", "protobuf", "protobuf-preallocated");
    static final List<String> PEERS = List.of("reference", "devcycle-sdk");
    static final List<String> COMPILED = List.of("chicory-compiler", "chicory-aot", "wasmtime");
    static final List<String> ALL_ENGINES =
            List.of("reference", "chicory-interpreter", "chicory-compiler", "chicory-aot", "wasmtime", "devcycle-sdk");
    /** Latency runs: calls per second from two threads, well under what every engine here sustains (the SDK peer: ~11k/s). */
    static final double RATE = 5000;
    /**
     * The core's full collections in the quick matrix's latency run, against never. The quick matrix has
     * no {@code idle} run: a full collection takes about 1 ms on chicory-aot, more than a thread's slack
     * at {@link #RATE}, so it would not collect at all (the full matrix has it).
     */
    static final String CORE_GC_EVERY = "every:100";
    /** How often the config-update rows set the config again under load. */
    static final Duration SWAP_EVERY = Duration.ofSeconds(1);

    /**
     * Settings of one matrix.
     *
     * @param jmh rows whose hot path is plain Java (the reference, the interpreter's loop, encode and decode)
     * @param jmhWasm rows that run compiled Wasm code (Chicory's generated classes, wasmtime and the SDK
     *     peer through JNI): they need a longer warm-up before the JIT has settled
     * @param jmhContended Wasm rows with two calling threads on two cores, where the JIT's compiler
     *     threads compete with the benchmark for the cores and warming takes longer still
     */
    record Timing(String mode, JmhTiming jmh, JmhTiming jmhWasm, JmhTiming jmhContended, JmhTiming coldStart, Duration latencyWarmup,
            Duration latencyDuration, Duration profileWarmup, Duration profileDuration, int profilePeriodMillis) {

        String describe() {
            return "JMH: " + jmh.describe() + " (plain-Java rows), " + jmhWasm.describe() + " (rows running Wasm), "
                    + jmhContended.describe() + " (Wasm throughput rows); "
                    + "cold start: " + coldStart.describe() + ", one shot per fork; latency: " + seconds(latencyWarmup)
                    + " warm-up + " + seconds(latencyDuration) + " measured per run; profile: "
                    + seconds(profileWarmup) + " warm-up + " + seconds(profileDuration) + " sampled every "
                    + profilePeriodMillis + " ms";
        }

        private static String seconds(Duration d) {
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
        }
    }

    static final Timing QUICK_TIMING = new Timing(QUICK,
            new JmhTiming(1, 3, Duration.ofSeconds(1), 5, Duration.ofMillis(500), 2.5),
            new JmhTiming(1, 7, Duration.ofSeconds(1), 5, Duration.ofMillis(500), 2.5),
            new JmhTiming(1, 12, Duration.ofSeconds(1), 5, Duration.ofMillis(500), 2.5),
            new JmhTiming(3, null, null, null, null, 3),
            Duration.ofSeconds(8), Duration.ofSeconds(10), Duration.ofSeconds(8), Duration.ofSeconds(8), 1);
    static final Timing SMOKE_TIMING = new Timing(SMOKE,
            new JmhTiming(1, 1, Duration.ofMillis(200), 3, Duration.ofMillis(200), 4),
            new JmhTiming(1, 1, Duration.ofMillis(200), 3, Duration.ofMillis(200), 4),
            new JmhTiming(1, 1, Duration.ofMillis(200), 3, Duration.ofMillis(200), 4),
            new JmhTiming(1, null, null, null, null, 3),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), 1);
    static final Timing FULL_TIMING = new Timing(FULL, JmhTiming.annotated(5), JmhTiming.annotated(5),
            new JmhTiming(null, 20, Duration.ofSeconds(2), null, null, 5),
            new JmhTiming(10, null, null, null, null, 3.5),
            Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(60), 1);

    private Matrix() {}

    static Timing timing(String mode) {
        switch (mode) {
            case QUICK: return QUICK_TIMING;
            case FULL: return FULL_TIMING;
            case SMOKE: return SMOKE_TIMING;
            default: throw new IllegalArgumentException("no matrix " + mode);
        }
    }

    static List<Step> steps(String mode) {
        return FULL.equals(mode) ? full() : quick(timing(mode));
    }

    /**
     * About ten minutes: every question of DECISIONS.md once, on the large config, with the best codec
     * (and json) per Wasm engine; the sizes at their two ends (the headline is the middle point).
     */
    private static List<Step> quick(Timing t) {
        JmhTiming w = t.jmhWasm();
        List<String> best = List.of(BEST_CODEC);
        List<String> ends = List.of("small", "xlarge");
        return List.of(
                new JmhStep("headline", "one lookup per engine and codec, and the peers", VariableBenchmark.class, List.of(
                        set("variable", "engine", List.of("chicory-aot"), "codec", CODECS).with(w),
                        set("variable", "engine", List.of("chicory-compiler", "wasmtime"), "codec",
                                List.of("json", BEST_CODEC)).with(w),
                        set("variable", "engine", List.of("chicory-interpreter"), "codec", best),
                        set("variable", "engine", List.of("reference")),
                        set("variable", "engine", List.of("devcycle-sdk")).with(w)), t.jmh(), true),
                new JmhStep("config-size", "lookup against config size", VariableBenchmark.class, List.of(
                        set("variable", "engine", List.of("reference"), "config", ends),
                        set("variable", "engine", List.of("chicory-aot"), "codec", best, "config", ends).with(w)),
                        t.jmh(), true),
                new JmhStep("user-size", "lookup against user size", UserSizeBenchmark.class, List.of(
                        set("variable", "engine", List.of("reference"), "customDataKeys", List.of("0", "1000")),
                        set("variable", "engine", List.of("chicory-aot"), "codec", best,
                                "customDataKeys", List.of("0", "1000")).with(w)), t.jmh(), true),
                new JmhStep("throughput", "mutex against pool at 1 and 2 threads", ThroughputBenchmark.class, List.of(
                        new JmhStep.ParamSet(List.of("oneThread", "twoThreads"), params("engine", List.of("chicory-aot"),
                                "codec", best, "concurrency", List.of("mutex", "pool"))).with(t.jmhContended()),
                        new JmhStep.ParamSet(List.of("oneThread", "twoThreads"), params("engine", List.of("reference"),
                                "concurrency", List.of("mutex")))),
                        t.jmh(), true),
                new JmhStep("boundary", "encode, copy in, the core, copy out, decode", BoundaryBenchmark.class, List.of(
                        new JmhStep.ParamSet(List.of("encode", "decode"), params("codec", List.of("json", "protobuf"))),
                        // Copying in and out is plain Java on a byte array: only the core's own work needs
                        // the longer warm-up of Chicory's generated code.
                        new JmhStep.ParamSet(List.of("copyIn", "copyOut"), params("engine", List.of("chicory-aot"),
                                "codec", List.of("json", "protobuf"))),
                        JmhStep.ParamSet.of("core", params("engine", List.of("chicory-aot"),
                                "codec", List.of("json", "protobuf"))).with(w)),
                        t.jmh(), true),
                new JmhStep("set-config", "setConfig of the large config", SetConfigBenchmark.class, List.of(
                        set("setConfig", "engine", List.of("reference")),
                        set("setConfig", "engine", List.of("chicory-aot", "wasmtime")).with(w)), t.jmh(), true),
                new JmhStep("cold-start", "from a fresh JVM to the first answer", ColdStartBenchmark.class, List.of(
                        set("firstAnswer", "engine", ALL_ENGINES)), t.coldStart(), false),
                new LatencyStep("latency", "fixed-rate latency, " + (int) RATE + " calls/s from 2 threads", List.of(
                        new LatencyStep.Spec("reference", "json", "mutex", 0, RATE, 2, List.of()),
                        new LatencyStep.Spec("chicory-aot", BEST_CODEC, "mutex", 0, RATE, 2, List.of()),
                        new LatencyStep.Spec("chicory-aot", BEST_CODEC, "mutex", 0, RATE, 2, List.of()).withCoreGc(CORE_GC_EVERY),
                        new LatencyStep.Spec("reference", "json", "mutex", 0, RATE, 2, List.of()).withConfigSwaps(SWAP_EVERY),
                        new LatencyStep.Spec("chicory-aot", BEST_CODEC, "mutex", 0, RATE, 2, List.of()).withConfigSwaps(SWAP_EVERY),
                        new LatencyStep.Spec("devcycle-sdk", "json", "mutex", 0, RATE, 2, List.of())),
                        t.latencyWarmup(), t.latencyDuration()),
                new ProfileStep("profile", "JFR profile of chicory-aot by core function", "chicory-aot", BEST_CODEC,
                        t.profileWarmup(), t.profileDuration(), t.profilePeriodMillis()));
    }

    private static List<Step> full() {
        Timing t = FULL_TIMING;
        JmhTiming j = t.jmh();
        List<String> best = List.of(BEST_CODEC);
        List<String> wasm = List.of("chicory-interpreter", "chicory-compiler", "chicory-aot", "wasmtime");
        List<String> sizes = List.of("small", "medium", "xlarge");
        List<String> users = List.of("0", "10", "100", "1000");
        List<LatencyStep.Spec> latency = new ArrayList<>();
        for (double rate : new double[] {RATE, 2 * RATE}) {
            for (String engine : List.of("reference", "chicory-compiler", "chicory-aot", "wasmtime", "devcycle-sdk")) {
                latency.add(new LatencyStep.Spec(engine, BEST_CODEC, "mutex", 0, rate, 2, List.of()));
            }
            latency.add(new LatencyStep.Spec("chicory-aot", BEST_CODEC, "pool", 0, rate, 2, List.of()));
            for (String coreGc : List.of("every:10", CORE_GC_EVERY, "every:1000", "idle")) {
                latency.add(new LatencyStep.Spec("chicory-aot", BEST_CODEC, "mutex", 0, rate, 2, List.of()).withCoreGc(coreGc));
            }
            for (String engine : List.of("reference", "chicory-aot", "wasmtime")) {
                latency.add(new LatencyStep.Spec(engine, BEST_CODEC, "mutex", 0, rate, 2, List.of()).withConfigSwaps(SWAP_EVERY));
            }
            latency.add(new LatencyStep.Spec("chicory-aot", BEST_CODEC, "pool", 0, rate, 2, List.of()).withConfigSwaps(SWAP_EVERY));
            for (String collector : List.of("-XX:+UseZGC", "-XX:+UseParallelGC")) {
                latency.add(new LatencyStep.Spec("reference", "json", "mutex", 0, rate, 2, List.of(collector)));
                latency.add(new LatencyStep.Spec("chicory-aot", BEST_CODEC, "mutex", 0, rate, 2, List.of(collector)));
            }
        }
        return List.of(
                new JmhStep("headline", "one lookup per engine and codec, and the peers", VariableBenchmark.class, List.of(
                        set("variable", "engine", wasm, "codec", CODECS),
                        set("variable", "engine", List.of("chicory-aot", "wasmtime"), "codec", best,
                                "concurrency", List.of("pool")),
                        set("variable", "engine", PEERS)), j, true),
                new JmhStep("config-size", "lookup against config size", VariableBenchmark.class, List.of(
                        set("variable", "engine", PEERS, "config", sizes),
                        set("variable", "engine", COMPILED, "codec", best, "config", sizes)), j, true),
                new JmhStep("user-size", "lookup against user size", UserSizeBenchmark.class, List.of(
                        set("variable", "engine", PEERS, "customDataKeys", users),
                        set("variable", "engine", List.of("chicory-aot", "wasmtime"), "codec", best,
                                "customDataKeys", users)), j, true),
                new JmhStep("throughput", "mutex against pool at 1 and 2 threads", ThroughputBenchmark.class, List.of(
                        new JmhStep.ParamSet(List.of("oneThread", "twoThreads"), params("engine", COMPILED,
                                "codec", best, "concurrency", List.of("mutex", "pool"))).with(t.jmhContended()),
                        new JmhStep.ParamSet(List.of("oneThread", "twoThreads"), params("engine", List.of("chicory-aot"),
                                "codec", best, "concurrency", List.of("pool"), "poolSize", List.of("1", "4")))
                                .with(t.jmhContended()),
                        new JmhStep.ParamSet(List.of("oneThread", "twoThreads"), params("engine", PEERS,
                                "concurrency", List.of("mutex")))), j, true),
                new JmhStep("boundary", "encode, copy in, the core, copy out, decode", BoundaryBenchmark.class, List.of(
                        new JmhStep.ParamSet(List.of("encode", "decode"), params("codec", List.of("json", "protobuf"))),
                        new JmhStep.ParamSet(List.of("copyIn", "core", "copyOut"), params("engine",
                                List.of("chicory-aot", "wasmtime"), "codec", List.of("json", "protobuf")))), j, true),
                new JmhStep("set-config", "setConfig per config size", SetConfigBenchmark.class, List.of(
                        set("setConfig", "engine", List.of("reference", "chicory-compiler", "chicory-aot", "wasmtime"),
                                "config", List.of("small", "large", "xlarge")),
                        set("setConfig", "engine", List.of("chicory-aot", "wasmtime"), "concurrency", List.of("pool"))),
                        j, true),
                new JmhStep("bucketed-config", "the whole bucketed config for one user", BucketedConfigBenchmark.class,
                        List.of(set("bucketedConfig", "engine", List.of("reference", "chicory-compiler", "chicory-aot",
                                "wasmtime"))), j, true),
                new JmhStep("cold-start", "from a fresh JVM to the first answer", ColdStartBenchmark.class, List.of(
                        set("firstAnswer", "engine", ALL_ENGINES)), t.coldStart(), false),
                new LatencyStep("latency", "fixed-rate latency at " + (int) RATE + " and " + (int) (2 * RATE)
                        + " calls/s from 2 threads, three collectors", latency, t.latencyWarmup(), t.latencyDuration()),
                new ProfileStep("profile", "JFR profile of chicory-aot by core function", "chicory-aot", BEST_CODEC,
                        t.profileWarmup(), t.profileDuration(), t.profilePeriodMillis()),
                new ProfileStep("profile-json", "JFR profile of chicory-aot (json) by core function", "chicory-aot",
                        "json", t.profileWarmup(), t.profileDuration(), t.profilePeriodMillis()));
    }

    private static JmhStep.ParamSet set(String method, Object... keysAndValues) {
        return JmhStep.ParamSet.of(method, params(keysAndValues));
    }

    /** {@code "engine", List.of(...), "codec", List.of(...)}, in order. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> params(Object... keysAndValues) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], (List<String>) keysAndValues[i + 1]);
        }
        return m;
    }
}

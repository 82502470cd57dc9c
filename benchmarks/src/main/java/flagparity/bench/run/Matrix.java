package flagparity.bench.run;

import flagparity.bench.jmh.BoundaryBenchmark;
import flagparity.bench.jmh.ColdStartBenchmark;
import flagparity.bench.jmh.LookupCase;
import flagparity.bench.jmh.SetConfigBenchmark;
import flagparity.bench.jmh.SpreadBenchmark;
import flagparity.bench.jmh.ThroughputBenchmark;
import flagparity.bench.jmh.UserSizeBenchmark;
import flagparity.bench.jmh.VariableBenchmark;
import flagparity.bench.jmh.WarmUpBenchmark;
import flagparity.bench.jmh.BucketedConfigBenchmark;
import flagparity.reference.api.CoreVersion;
import flagparity.workloads.SeededWorkload;
import flagparity.reference.api.EngineDescriptor;
import flagparity.reference.api.EngineKind;
import flagparity.reference.api.Engines;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Param;

/**
 * The agreed matrices, built from the engine registry ({@link Engines}): {@code quick} (about 28 minutes
 * on two cores: the headline spread with two forks per row, and every other question of
 * DECISIONS.md once, with short settings), {@code full} (every engine, codec and size with the
 * benchmarks' own settings; hours) and {@code smoke} (the quick matrix with the shortest settings:
 * a check of the pipeline, its numbers mean nothing).
 */
final class Matrix {
    static final String QUICK = "quick";
    static final String FULL = "full";
    static final String SMOKE = "smoke";

    /** Latency runs: calls per second from two threads, well under what every engine here sustains (the SDK peer: ~11k/s). */
    static final double RATE = 5000;
    /** The core's full collections in the latency runs, against never (a full collection takes ~1 ms). */
    static final String CORE_GC_EVERY = "every:100";
    /** How often the config-update rows set the config again under load. */
    static final Duration SWAP_EVERY = Duration.ofSeconds(1);
    /** The cases a Wasm engine runs on a core older than its newest in the quick matrix (all of them in the full one). */
    static final List<String> OLDER_CORE_CASES = List.of("headline", "custom-data");
    /** Workload sizes of the config-size rows: every built-in size. */
    static final List<String> SIZES = SeededWorkload.Size.ids();

    /**
     * Settings of one matrix.
     *
     * @param spread the headline spread: at least two forks, so its errors see the variation between JVMs
     * @param jmh rows whose hot path is plain Java
     * @param jmhWasm rows that run compiled Wasm code: they need a longer warm-up before the JIT settles
     */
    record Timing(String mode, JmhTiming spread, JmhTiming spreadWasm, JmhTiming jmh, JmhTiming jmhWasm,
            JmhTiming coldStart, JmhTiming warmUp, Duration latencyWarmup, Duration latencyDuration, Duration profileWarmup,
            Duration profileDuration, int profilePeriodMillis) {

        String describe() {
            return "JMH headline spread: " + spread.describe() + " (plain-Java rows), " + spreadWasm.describe()
                    + " (rows running Wasm); other JMH rows: " + jmh.describe() + ", " + jmhWasm.describe()
                    + " (Wasm); cold start: " + coldStart.describe() + ", one shot per fork; warm-up curve: "
                    + warmUp.describe() + ", from a fresh JVM; latency: "
                    + JmhTiming.jmhTime(latencyWarmup) + " warm-up + " + JmhTiming.jmhTime(latencyDuration)
                    + " measured per run; profile: " + JmhTiming.jmhTime(profileWarmup) + " warm-up + "
                    + JmhTiming.jmhTime(profileDuration) + " sampled every " + profilePeriodMillis + " ms";
        }
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /**
     * Rows running Wasm get 10 s of warm-up: Chicory's generated code took 8 to 30 s to settle in short
     * runs on a loaded 2-core machine (the JIT compiling it competes for the cores), and the 2 to 3 s of
     * earlier quick matrices left most rows still warming. Iterations are cut instead (3 measured).
     */
    static final Timing QUICK_TIMING = new Timing(QUICK,
            new JmhTiming(2, 3, ms(300), 3, ms(300), 2.5), new JmhTiming(2, 10, ms(1000), 3, ms(300), 2.5),
            new JmhTiming(1, 3, ms(500), 3, ms(500), 2.5), new JmhTiming(1, 10, ms(1000), 3, ms(500), 2.5),
            new JmhTiming(3, null, null, null, null, 3), new JmhTiming(1, null, null, 30, ms(1000), 3),
            ms(4000), ms(6000), ms(6000), ms(6000), 1);
    static final Timing SMOKE_TIMING = new Timing(SMOKE,
            new JmhTiming(1, 1, ms(100), 1, ms(100), 3), new JmhTiming(1, 1, ms(100), 1, ms(100), 3),
            new JmhTiming(1, 1, ms(100), 1, ms(100), 3), new JmhTiming(1, 1, ms(100), 1, ms(100), 3),
            new JmhTiming(1, null, null, null, null, 3), new JmhTiming(1, null, null, 3, ms(100), 3),
            ms(500), ms(1000), ms(1000), ms(1000), 1);
    static final Timing FULL_TIMING = new Timing(FULL, JmhTiming.annotated(5), JmhTiming.annotated(5),
            JmhTiming.annotated(5), JmhTiming.annotated(5), new JmhTiming(10, null, null, null, null, 3.5), JmhTiming.annotated(3.5),
            ms(20_000), ms(60_000), ms(20_000), ms(60_000), 1);

    private Matrix() {}

    static Timing timing(String mode) {
        return Stream.of(QUICK_TIMING, SMOKE_TIMING, FULL_TIMING).filter(t -> t.mode().equals(mode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no matrix " + mode));
    }

    // ------------------------------------------------------------ the registry's engines, as the matrix uses them

    /** The engines this JVM can run, in registry order. */
    static List<EngineDescriptor> engines() {
        return Engines.all().stream().filter(e -> e.availability().isAvailable()).collect(Collectors.toList());
    }

    static List<String> ids(EngineKind kind) {
        return engines().stream().filter(e -> e.kind() == kind).map(EngineDescriptor::id).collect(Collectors.toList());
    }

    /** Engines running the core compiled (to bytecode or machine code): the ones a service would pick. */
    static List<String> compiledCores() {
        return engines().stream().filter(e -> e.kind() == EngineKind.CORE && e.compiled())
                .map(EngineDescriptor::id).collect(Collectors.toList());
    }

    /** The engine profiled and swept over codecs: the first compiled core engine of the registry. */
    static String firstCompiledCore() {
        return compiledCores().get(0);
    }

    /** The codec an engine runs when none is named (its D7-safe default), or {@code null} for an engine without codecs. */
    static String defaultCodec(EngineDescriptor e) {
        return e.codecs().isEmpty() ? null : e.codecs().get(0);
    }

    static List<String> allIds() {
        return engines().stream().map(EngineDescriptor::id).collect(Collectors.toList());
    }

    // ------------------------------------------------------------ the matrices

    /**
     * The steps of matrix {@code mode}. With {@code only} a core version, the headline spread runs every
     * case on that version alone (the peer on its own core) and every step that takes a core runs it;
     * with {@code null}, the spread runs every version ({@link #OLDER_CORE_CASES} on the older ones in the
     * quick matrix) and the other steps their default, the newest.
     */
    static List<Step> steps(String mode, CoreVersion only) {
        Timing t = timing(mode);
        boolean full = FULL.equals(mode);
        String first = firstCompiledCore();
        EngineDescriptor firstCore = Engines.get(first);
        List<String> compiled = compiledCores();
        List<String> reference = ids(EngineKind.REFERENCE);
        List<String> peers = ids(EngineKind.PEER);
        List<String> otherCodecs = firstCore.codecs().subList(1, firstCore.codecs().size());
        List<String> interpreters = engines().stream().filter(e -> e.kind() == EngineKind.CORE && !e.compiled())
                .map(EngineDescriptor::id).collect(Collectors.toList());
        List<Step> steps = new ArrayList<>();
        steps.add(new JmhStep("headline", "one lookup over the spread of cases, per engine and core",
                SpreadBenchmark.class, spread(t, full, only), t.spread(), true));
        List<JmhStep.ParamSet> codecs = new ArrayList<>();
        codecs.add(set("variable", "engine", List.of(first), "codec", otherCodecs).with(t.jmhWasm()));
        for (String e : full ? compiled.subList(1, compiled.size()) : List.<String>of()) {
            codecs.add(set("variable", "engine", List.of(e), "codec", otherCodecs));
        }
        for (String e : interpreters) {
            codecs.add(set("variable", "engine", List.of(e), "codec", List.of(defaultCodec(Engines.get(e)))));
        }
        steps.add(new JmhStep("codecs", "one lookup per codec (the raw protobuf codecs are exposed to D7, and to D8 on 1.42.8)",
                VariableBenchmark.class, codecs, full ? t.jmhWasm() : t.jmh(), true));
        if (full) {
            steps.add(new JmhStep("config-size", "lookup against config size", VariableBenchmark.class, List.of(
                    set("variable", "engine", join(reference, peers), "config", SIZES),
                    set("variable", "engine", compiled, "config", SIZES)), t.jmhWasm(), true));
            steps.add(new JmhStep("user-size", "lookup against user size", UserSizeBenchmark.class, List.of(
                    set("variable", "engine", join(reference, peers), "customDataKeys", List.of("0", "10", "100")),
                    set("variable", "engine", compiled, "customDataKeys", List.of("0", "10", "100", "1000"))),
                    t.jmhWasm(), true));
            steps.add(new JmhStep("bucketed-config", "the whole bucketed config for one user",
                    BucketedConfigBenchmark.class, List.of(set("bucketedConfig", "engine", join(reference, compiled))),
                    t.jmhWasm(), true));
        }
        List<String> throughputEngines = full ? compiled : List.of(first);
        steps.add(new JmhStep("throughput", "mutex against pool at 1 and 2 threads", ThroughputBenchmark.class, List.of(
                new JmhStep.ParamSet(List.of("oneThread", "twoThreads"), params("engine", throughputEngines,
                        "codec", List.of(defaultCodec(firstCore)), "concurrency", firstCore.concurrencies())),
                new JmhStep.ParamSet(List.of("oneThread", "twoThreads"), params("engine", reference,
                        "concurrency", List.of(firstCore.concurrencies().get(0)))).with(t.jmh())), t.jmhWasm(), true));
        List<String> boundaryCodecs = annotated(BoundaryBenchmark.class, "codec"); // the preallocated entry points
        steps.add(new JmhStep("boundary", "encode, copy in, the core, copy out, decode", BoundaryBenchmark.class, List.of(
                new JmhStep.ParamSet(List.of("encode", "decode"), params("codec", boundaryCodecs)),
                new JmhStep.ParamSet(List.of("copyIn", "core", "copyOut"), params("engine",
                        full ? compiled : List.of(first), "codec", boundaryCodecs)).with(t.jmhWasm())), t.jmh(), true));
        steps.add(new JmhStep("set-config", "setConfig of the large config", SetConfigBenchmark.class, List.of(
                set("setConfig", "engine", reference),
                set("setConfig", "engine", full ? compiled : List.of(first)).with(t.jmhWasm())), t.jmh(), true));
        steps.add(new JmhStep("cold-start", "from a fresh JVM to the first answer", ColdStartBenchmark.class, List.of(
                set("firstAnswer", "engine", allIds())), t.coldStart(), false));
        steps.add(new JmhStep("warm-up", "the headline lookup from a fresh JVM's first call on, per second",
                WarmUpBenchmark.class, List.of(set("variable", "engine", full ? allIds()
                        : join(join(reference, compiled), peers))), t.warmUp(), false));
        steps.add(new LatencyStep("latency", "fixed-rate latency, " + (int) RATE + " calls/s from 2 threads, "
                + "the harness's own floor first", latency(full), t.latencyWarmup(), t.latencyDuration(),
                only == null ? null : only.id()));
        steps.add(new ProfileStep("profile", "JFR profile of " + first + " by core function", first,
                defaultCodec(firstCore), only == null ? CoreVersion.newest() : only, t.profileWarmup(),
                t.profileDuration(), t.profilePeriodMillis()));
        return only == null ? steps : steps.stream().map(s -> s instanceof JmhStep && s != steps.get(0)
                && takesParam(((JmhStep) s).benchmark(), "core") ? ((JmhStep) s).onCore(only.id()) : s)
                .collect(Collectors.toList());
    }

    /**
     * The headline spread: every engine (compiled cores only in the quick matrix; interpreters are
     * in the codec step) on its default codec, over every case its own timing refusal allows, per
     * core version when the benchmark takes one (older cores on {@link #OLDER_CORE_CASES} in the quick matrix).
     */
    private static List<JmhStep.ParamSet> spread(Timing t, boolean full, CoreVersion only) {
        List<JmhStep.ParamSet> sets = new ArrayList<>();
        for (EngineDescriptor e : engines()) {
            boolean wasm = e.kind() == EngineKind.CORE;
            if (wasm && !e.compiled() && !full) {
                continue;
            }
            List<String> cases = LookupCase.SPREAD.stream()
                    .filter(c -> e.timingRefusal(flagparity.bench.jmh.Lookup.parseUser(c.user())) == null)
                    .map(LookupCase::id).collect(Collectors.toList());
            List<CoreVersion> versions = only == null || e.kind() == EngineKind.PEER ? e.coreVersions()
                    : e.coreVersions().contains(only) ? List.of(only) : List.of();
            for (CoreVersion v : versions) {
                boolean older = v != versions.get(versions.size() - 1);
                Map<String, List<String>> p = params("engine", List.of(e.id()));
                if (defaultCodec(e) != null) {
                    p.put("codec", List.of(defaultCodec(e)));
                }
                p.put("core", List.of(v.id()));
                p.put("lookupCase", older && !full
                        ? cases.stream().filter(OLDER_CORE_CASES::contains).collect(Collectors.toList()) : cases);
                sets.add(new JmhStep.ParamSet(List.of("variable"), p, wasm || e.kind() == EngineKind.PEER
                        ? t.spreadWasm() : t.spread()));
            }
        }
        return sets;
    }

    /** The latency runs: the no-op floor, every engine on its default codec, and the core's collections and config updates. */
    private static List<LatencyStep.Spec> latency(boolean full) {
        List<LatencyStep.Spec> runs = new ArrayList<>();
        String first = firstCompiledCore();
        String codec = defaultCodec(Engines.get(first));
        for (double rate : full ? new double[] {RATE, 2 * RATE} : new double[] {RATE}) {
            runs.add(LatencyStep.Spec.floor(rate, 2));
            for (EngineDescriptor e : engines()) {
                if (e.kind() != EngineKind.CORE || e.compiled() && (full || e.id().equals(first))) {
                    runs.add(new LatencyStep.Spec(e.id(), defaultCodec(e), rate, 2));
                }
            }
            runs.add(new LatencyStep.Spec(first, codec, rate, 2).withCoreGc(CORE_GC_EVERY));
            if (full) {
                runs.add(new LatencyStep.Spec(first, codec, rate, 2).withConcurrency("pool"));
                for (String collector : List.of("-XX:+UseZGC", "-XX:+UseParallelGC")) {
                    runs.add(new LatencyStep.Spec(first, codec, rate, 2).withJvmFlag(collector));
                }
            }
            for (String e : full ? join(ids(EngineKind.REFERENCE), compiledCores()) : List.of(first)) {
                runs.add(new LatencyStep.Spec(e, defaultCodec(Engines.get(e)), rate, 2).withConfigSwaps(SWAP_EVERY));
            }
        }
        return runs;
    }

    /** True when {@code benchmark} or one of the states its methods take has a {@code @Param} field {@code name}. */
    static boolean takesParam(Class<?> benchmark, String name) {
        return annotated(benchmark, name) != null;
    }

    /** The values the {@code @Param} field {@code name} of {@code benchmark} (or of a state it takes) is annotated with. */
    private static List<String> annotated(Class<?> benchmark, String name) {
        List<Class<?>> classes = new ArrayList<>(List.of(benchmark));
        for (Method m : benchmark.getMethods()) {
            classes.addAll(Arrays.asList(m.getParameterTypes()));
        }
        for (Class<?> c : classes) {
            for (Field f : c.getFields()) {
                if (f.getName().equals(name) && f.isAnnotationPresent(Param.class)) {
                    return List.of(f.getAnnotation(Param.class).value());
                }
            }
        }
        return null;
    }

    private static List<String> join(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toList());
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

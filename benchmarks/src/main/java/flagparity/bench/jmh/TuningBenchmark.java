package flagparity.bench.jmh;

import flagparity.reference.api.Variable;
import flagparity.wasm.engine.EngineTuning;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The Wasm engines' own fast-path options ({@link EngineTuning}) side by side: one lookup of a
 * {@link LookupCase} per engine and tuning. A tuning is {@code default} (every option at the
 * project's default) or one option, named as its system property without {@code flagparity.}, and
 * its value: {@code wasmtime.optLevel=none|speed|speed_and_size} (wasmtime),
 * {@code chicory.maxFunctionsPerClass=N} (chicory-compiler), {@code graalwasm.sharedEngine=false} and
 * {@code graalwasm.option.NAME=VALUE} (graalwasm). An engine reads its options once per JVM, when it
 * first loads the core, so each (engine, tuning) needs its own forks: setup sets the option in the
 * fork before the engine is built and refuses {@code -f 0}.
 *
 * <p>Run: {@code java -jar benchmarks/target/flagparity.jar jmh TuningBenchmark -p engine=wasmtime
 * -p tuning=default,wasmtime.optLevel=none,wasmtime.optLevel=speed_and_size}; an option the engine
 * does not read measures its default again (name the engine it belongs to). Without {@code -p engine}
 * every engine this JVM runs that runs the core.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class TuningBenchmark {
    private static final String DEFAULT = "default";
    private static final String PREFIX = "flagparity.";
    private static final List<String> OPTIONS = List.of(EngineTuning.WASMTIME_OPT_LEVEL,
            EngineTuning.CHICORY_FUNCTIONS_PER_CLASS, EngineTuning.GRAALWASM_SHARED_ENGINE);

    /** Engines that run the Wasm core; the reference and the peer are skipped. */
    @Param({EngineParam.ALL})
    public String engine;

    @Param({DEFAULT})
    public String tuning;

    @Param({"dvc-v-key-25"})
    public String lookupCase;

    @Setup(Level.Trial)
    public void setUp(Served served, WasmSetting setting, BenchmarkParams params) {
        EngineParam.require(engine, EngineParam.core(), "Wasm core");
        if (!DEFAULT.equals(tuning)) {
            if (params.getForks() < 1) {
                throw new IllegalArgumentException("tuning " + tuning + " needs its own fork (-f 1 or more): engines read"
                        + " their options once per JVM");
            }
            apply(tuning);
        }
        served.open(engine, setting.codec, setting.concurrency, LookupCase.byId(lookupCase));
    }

    /** Sets the system property a tuning names ({@code NAME=VALUE}, NAME without {@code flagparity.}). */
    static void apply(String tuning) {
        int eq = tuning.indexOf('=');
        String name = eq < 0 ? "" : PREFIX + tuning.substring(0, eq);
        if (!OPTIONS.contains(name) && !name.startsWith(EngineTuning.GRAALWASM_OPTION_PREFIX)) {
            throw new IllegalArgumentException("tuning \"" + tuning + "\" is neither " + DEFAULT + " nor NAME=VALUE with NAME one of "
                    + OPTIONS.stream().map(o -> o.substring(PREFIX.length())).toList() + " or "
                    + EngineTuning.GRAALWASM_OPTION_PREFIX.substring(PREFIX.length()) + "OPTION");
        }
        System.setProperty(name, tuning.substring(eq + 1));
    }

    @Benchmark
    public Variable variable(Served s) {
        return s.evaluator.variable(s.user, s.key, s.type);
    }
}

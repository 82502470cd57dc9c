package flagparity.bench.jmh;

import flagparity.workloads.Workloads;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the doors of issue 13 cost one lookup (the large workload, its default key):
 * <ul>
 *   <li>the per-call deadline, on against off (the engine's default deadlines against none, zero in its {@link EngineSettings}:
 *       off, wasmtime compiles the core without epoch checks and Chicory arms no watch):
 *       {@code jmh DeadlineBenchmark -p deadlines=on,off -p codec=safe -p customDataKeys=0};</li>
 *   <li>the safe codec against the raw ones, for a user without and with custom data (with custom
 *       data it goes over json-preallocated; protobuf-preallocated is then exposed to D7 and may
 *       abort a run): {@code jmh DeadlineBenchmark -p deadlines=on -p codec=safe,json-preallocated,protobuf-preallocated
 *       -p customDataKeys=0,5}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class DeadlineBenchmark {
    @Param({EngineParam.ALL})
    public String engine;

    @Param({"on", "off"})
    public String deadlines;

    @Param({"safe"})
    public String codec;

    /** 0: the default user; n: that user with n custom-data keys ({@link Workloads#user(int)}). */
    @Param({"0"})
    public int customDataKeys;

    private Evaluator evaluator;
    private User user;

    @Setup(Level.Trial)
    public void setUp() {
        if (!deadlines.equals("on") && !deadlines.equals("off")) {
            throw new IllegalArgumentException("deadlines is on or off, not " + deadlines);
        }
        EngineParam.require(engine, EngineParam.core(), "Wasm core");
        EngineSettings.Builder settings = EngineSettings.builder().codec(codec);
        if (deadlines.equals("off")) {
            settings.callDeadline(Duration.ZERO).loadDeadline(Duration.ZERO);
        }
        evaluator = Engines.create(engine, settings.build());
        evaluator.setConfig(Workloads.config("large"));
        user = Lookup.parseUser(Workloads.userJson(customDataKeys));
        if (variable() == null) {
            throw new IllegalStateException("the workload's key is not served to the user: nothing would be measured");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        evaluator.close();
    }

    @Benchmark
    public Variable variable() {
        return evaluator.variable(user, Workloads.DEFAULT_KEY, VariableType.Boolean);
    }
}

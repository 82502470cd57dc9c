package flagparity.bench.jmh;

import flagparity.workloads.Workloads;
import flagparity.reference.api.Engines;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
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
 * Cold start: from nothing to the first answer in a fresh JVM, i.e. build the engine (load and, for
 * {@code chicory-compiler}, compile the module; start the SDK peer and its config server), set the
 * config, answer one lookup. One shot per fork, so every sample pays class loading and runs
 * interpreted bytecode; the spread comes from the forks ({@code -f 10} for more samples).
 * {@code -i 3} would add shots in a JVM that has already loaded everything: a different question
 * (re-creating an evaluator), reported under the same name, so keep {@code -i 1} for cold start.
 *
 * <p>Before the shot the setup only generates the workload text (which loads jackson-core's
 * generator) and builds the user with {@link User.Builder}; the key's type is a param, so nothing
 * of jackson-databind is loaded before the shot.
 *
 * <p>Run: {@code java -jar benchmarks/target/flagparity.jar jmh ColdStartBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ColdStartBenchmark {

    @Param({EngineParam.ALL})
    public String engine;

    @Param({"large"})
    public String config;

    @Param({Workloads.DEFAULT_KEY})
    public String key;

    /** The type of {@link #key} (Boolean for the default key). */
    @Param({"Boolean"})
    public String type;

    private String codec;
    private String concurrency;
    private String configJson;
    private User user;
    private VariableType variableType;

    private Evaluator evaluator;
    private Variable answer;

    @Setup(Level.Trial)
    public void setUp(WasmSetting setting) {
        codec = setting.codec;
        concurrency = setting.concurrency;
        Combinations.requireDistinct(engine, codec, concurrency, 0);
        configJson = Workloads.config(config);
        user = Workloads.user(0);
        variableType = VariableType.parse(type);
    }

    @TearDown(Level.Iteration)
    public void checkAnswered() {
        Evaluator e = evaluator;
        evaluator = null;
        e.close();
        if (answer == null) {
            throw new IllegalStateException(engine + " served no value of " + key + " to the default user");
        }
    }

    @Benchmark
    public Variable firstAnswer() {
        evaluator = Engines.create(engine, Lookup.settings(Engines.get(engine), codec, concurrency, 0).build());
        evaluator.setConfig(configJson);
        answer = evaluator.variable(user, key, variableType);
        return answer;
    }
}

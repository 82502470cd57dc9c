package flagparity.bench.jmh;

import flagparity.workloads.Workloads;
import flagparity.reference.api.EngineDescriptor;
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
 * What swapping in a whole config costs on a warm evaluator: {@code setConfig(json)} of a built-in
 * workload, the same JSON text every time (an engine that skipped an unchanged config would look
 * implausibly fast here). A {@code pool} loads the config into each of its N instances; compare it
 * with one instance: {@code -p concurrency=mutex,pool}. Config size: {@code -p config=small,medium,large,xlarge}.
 *
 * <p>Skipped: an engine that cannot swap a config on demand (the SDK peer, whose swap waits for the
 * SDK's next poll, one to two seconds). An interpreting core is slow here: leave it out with
 * {@code -p engine=...} or give it longer iterations. After every iteration
 * the benchmark checks that the variable is still served.
 *
 * <p>Run: {@code java -jar benchmarks/target/flagparity.jar jmh SetConfigBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class SetConfigBenchmark {

    @Param({EngineParam.ALL})
    public String engine;

    @Param({"mutex"})
    public String concurrency;

    @Param({"0"})
    public int poolSize;

    @Param({"large"})
    public String config;

    private String configJson;

    @Setup(Level.Trial)
    public void setUp(Served served) {
        EngineParam.require(engine, EngineDescriptor::swapsConfig, "config swap on demand");
        served.open(engine, Combinations.CODEC, concurrency, poolSize, config,
                Lookup.parseUser(Workloads.DEFAULT_USER_JSON), Workloads.DEFAULT_KEY);
        configJson = Workloads.config(config);
    }

    @TearDown(Level.Iteration)
    public void checkStillServed(Served served) {
        if (served.lookup().call() == null) {
            throw new IllegalStateException(engine + " stopped serving " + served.key + " after repeated setConfig");
        }
    }

    @Benchmark
    public void setConfig(Served s) {
        s.evaluator.setConfig(configJson);
    }
}

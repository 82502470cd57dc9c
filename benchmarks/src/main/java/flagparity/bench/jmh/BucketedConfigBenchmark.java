package flagparity.bench.jmh;

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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the whole bucketed config for one user costs ({@code generateBucketedConfigForUser}: every
 * feature decided, every variable written as JSON), per engine. The core takes the user as JSON on
 * this path whatever the lookup codec, so there is no codec param. An engine without the call
 * (the SDK peer: its public API has none) is skipped.
 *
 * <p>Run: {@code java -jar benchmarks/target/flagparity.jar jmh BucketedConfigBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class BucketedConfigBenchmark {

    @Param({EngineParam.ALL})
    public String engine;

    /** Setup proves with the workload's key that the config is in service. */
    @Setup(Level.Trial)
    public void setUp(Served served, Workload workload) {
        EngineParam.require(engine, EngineDescriptor::bucketsConfig, "bucketed-config call");
        served.open(engine, Combinations.CODEC, Combinations.CONCURRENCY, 0, workload.config,
                Lookup.parseUser(workload.user), workload.key);
    }

    @Benchmark
    public String bucketedConfig(Served s) {
        return s.evaluator.bucketedConfig(s.user);
    }
}

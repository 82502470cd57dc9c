package flagparity.bench.jmh;

import flagparity.bench.data.Workloads;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.User;
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
 * What the whole bucketed config for one user costs ({@code generateBucketedConfigForUser}: every
 * feature decided, every variable written as JSON), per engine. The core takes the user as JSON on
 * this path whatever the lookup codec, so there is no codec param. {@code devcycle-sdk} is absent:
 * its public API has no such call.
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

    @Param({"reference", "chicory-compiler", "chicory-aot", "wasmtime"})
    public String engine;

    @Param({"large"})
    public String config;

    /** User JSON, or a path to a user JSON file ({@link Lookup#parseUser}). */
    @Param({Workloads.DEFAULT_USER_JSON})
    public String user;

    /** A key {@link #user} is served: setup proves with it that the config is in service. */
    @Param({Workloads.DEFAULT_KEY})
    public String key;

    private Lookup lookup;

    private Evaluator evaluator;
    private User parsedUser;

    @Setup(Level.Trial)
    public void setUp() {
        lookup = Lookup.open(engine, Combinations.CODEC, Combinations.CONCURRENCY, 0, config,
                Lookup.parseUser(user), key);
        evaluator = lookup.evaluator();
        parsedUser = lookup.user();
    }

    @TearDown(Level.Iteration)
    public void checkHealthy() {
        lookup.checkHealthy();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        lookup.close();
    }

    @Benchmark
    public String bucketedConfig() {
        return evaluator.bucketedConfig(parsedUser);
    }
}

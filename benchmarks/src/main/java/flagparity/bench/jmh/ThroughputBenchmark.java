package flagparity.bench.jmh;

import flagparity.bench.data.Workloads;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Does a pool of core instances scale where one instance behind a mutex cannot? Lookups per second
 * of one evaluator shared by 1 and by 2 calling threads ({@code oneThread}, {@code twoThreads}),
 * {@code mutex} against {@code pool}; {@code -p poolSize=1,2,4} (with {@code -p concurrency=pool})
 * separates the borrowing overhead from the parallelism.
 *
 * <p>The machine these results come from has 2 cores, so 2 threads is the most that can run at once
 * and these results say nothing about more. On a bigger machine, run {@code -t N} (it overrides both
 * methods' {@code @Threads}) with {@code -p poolSize=N}; only what was run there may be claimed.
 * The reference (an immutable config, no lock) and {@code devcycle-sdk} (one instance,
 * {@code synchronized}) are the two bounds: {@code -p engine=reference,devcycle-sdk} with the default
 * codec, concurrency and pool size ({@link Combinations}).
 *
 * <p>Run: {@code java -jar benchmarks/target/flagparity.jar jmh ThroughputBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ThroughputBenchmark {

    @Param({"chicory-aot", "wasmtime"})
    public String engine;

    @Param({"protobuf"})
    public String codec;

    @Param({"mutex", "pool"})
    public String concurrency;

    /** Instances of a {@code pool}; 0 = available processors. */
    @Param({"0"})
    public int poolSize;

    @Param({"large"})
    public String config;

    /** User JSON, or a path to a user JSON file ({@link Lookup#parseUser}). */
    @Param({Workloads.DEFAULT_USER_JSON})
    public String user;

    @Param({Workloads.DEFAULT_KEY})
    public String key;

    private Lookup lookup;

    // Shared by the calling threads (Scope.Benchmark): one evaluator under contention.
    private Evaluator evaluator;
    private User parsedUser;
    private String variableKey;
    private VariableType type;

    @Setup(Level.Trial)
    public void setUp() {
        Combinations.requireDistinct(engine, codec, concurrency, poolSize);
        lookup = Lookup.open(engine, codec, concurrency, poolSize, config, Lookup.parseUser(user), key);
        evaluator = lookup.evaluator();
        parsedUser = lookup.user();
        variableKey = lookup.key();
        type = lookup.type();
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
    @Threads(1)
    public Variable oneThread() {
        return evaluator.variable(parsedUser, variableKey, type);
    }

    @Benchmark
    @Threads(2)
    public Variable twoThreads() {
        return evaluator.variable(parsedUser, variableKey, type);
    }
}

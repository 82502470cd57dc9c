package flagparity.bench.jmh;

import flagparity.reference.api.Variable;
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
 * The reference (an immutable config, no lock) and the SDK peer (one instance, {@code synchronized})
 * are the two bounds; they run only with the default codec, concurrency and pool size
 * ({@link Combinations}).
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

    @Param({EngineParam.ALL})
    public String engine;

    @Param({"safe"})
    public String codec;

    @Param({"mutex", "pool"})
    public String concurrency;

    /** Instances of a {@code pool}; 0 = available processors. */
    @Param({"0"})
    public int poolSize;

    @Setup(Level.Trial)
    public void setUp(Served served, Workload workload) {
        served.open(engine, codec, concurrency, poolSize, workload.config, Lookup.parseUser(workload.user),
                workload.key);
    }

    @Benchmark
    @Threads(1)
    public Variable oneThread(Served s) {
        return s.evaluator.variable(s.user, s.key, s.type);
    }

    @Benchmark
    @Threads(2)
    public Variable twoThreads(Served s) {
        return s.evaluator.variable(s.user, s.key, s.type);
    }
}

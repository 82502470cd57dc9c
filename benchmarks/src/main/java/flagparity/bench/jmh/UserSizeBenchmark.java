package flagparity.bench.jmh;

import flagparity.workloads.Workloads;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * How a lookup's cost grows with the user: {@link Workloads#user(int)} with 0, 10, 100 and 1,000
 * custom-data keys, same workload and key as {@link VariableBenchmark}. A Wasm engine encodes, copies
 * and parses the whole user on every call, so the question is the slope per engine: the time per
 * key is about (t(1000) - t(100)) / 900.
 *
 * <p>Run: {@code java -jar benchmarks/target/flagparity.jar jmh UserSizeBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class UserSizeBenchmark {

    @Param({EngineParam.ALL})
    public String engine;

    @Param({"large"})
    public String config;

    @Param({"0", "10", "100", "1000"})
    public int customDataKeys;

    @Param({Workloads.DEFAULT_KEY})
    public String key;

    @Setup(Level.Trial)
    public void setUp(Served served, WasmSetting setting) {
        served.open(engine, setting.codec, setting.concurrency, 0, config, Workloads.user(customDataKeys), key);
    }

    @Benchmark
    public Variable variable(Served s) {
        return s.evaluator.variable(s.user, s.key, s.type);
    }
}

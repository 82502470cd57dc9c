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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The report's headline: one {@code variable(user, key, type)} lookup per engine over the spread of
 * {@link LookupCase}s (key position, custom-data audiences, an unknown key, users from minimal to 10
 * customData and 5 privateCustomData fields). Each case is its own row; the report gives each engine's
 * median and range of "times the SDK peer" over them.
 *
 * <p>Run: {@code java -jar benchmarks/target/flagparity.jar jmh SpreadBenchmark -p engine=reference
 * -p lookupCase=front,last -p core=1.32.0,1.42.8 -prof gc} ({@code core} is {@link Served#core}; default each
 * engine's newest). An engine that refuses to be timed with a case's user (DevCycle's SDK with both
 * customData and privateCustomData), or cannot run the core asked for (the SDK on a {@code -d7fix}
 * build or on 1.42.8), fails that row as skipped and the run goes on. Issue 16's table, DevCycle's
 * config with and without custom data on DevCycle's core and its fixed build: {@code -p
 * lookupCase=dvc-v-key-25,dvc-v-key-25-5cd,dvc-v-key-58-5cd,dvc-v-key-80-5cd -p core=1.32.0,1.32.0-d7fix}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class SpreadBenchmark {

    @Param({EngineParam.ALL})
    public String engine;

    @Param({"headline"})
    public String lookupCase;

    @Setup(Level.Trial)
    public void setUp(Served served, WasmSetting setting) {
        served.open(engine, setting.codec, setting.concurrency, LookupCase.byId(lookupCase));
    }

    @Benchmark
    public Variable variable(Served s) {
        return s.evaluator.variable(s.user, s.key, s.type);
    }
}

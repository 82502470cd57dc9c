package flagparity.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Each benchmark runs one tiny iteration in this JVM (no fork, no warm-up, 50 ms) on the small
 * workload: the setups, the served-variable checks and the methods work. No timing is asserted.
 */
class BenchmarkSmokeTest {

    private static ChainedOptionsBuilder tiny(Class<?> benchmark) {
        return new OptionsBuilder()
                .include(benchmark.getName() + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50))
                .shouldFailOnError(true)
                .param("config", "small");
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).run();
    }

    @Test
    void variable() throws RunnerException {
        assertEquals(1, run(tiny(VariableBenchmark.class).param("engine", "reference")).size());
    }

    @Test
    void userSize() throws RunnerException {
        assertEquals(2, run(tiny(UserSizeBenchmark.class).param("engine", "reference")
                .param("customDataKeys", "0", "100")).size());
    }

    @Test
    void setConfig() throws RunnerException {
        assertEquals(1, run(tiny(SetConfigBenchmark.class).param("engine", "reference")).size());
    }

    @Test
    void bucketedConfig() throws RunnerException {
        assertEquals(1, run(tiny(BucketedConfigBenchmark.class).param("engine", "reference")).size());
    }

    @Test
    void throughputAtOneAndTwoThreads() throws RunnerException {
        Collection<RunResult> results = run(tiny(ThroughputBenchmark.class).param("engine", "reference")
                .param("concurrency", "mutex"));
        assertEquals(2, results.size());
        assertTrue(results.stream().allMatch(r -> r.getPrimaryResult().getScore() > 0));
    }

    @Test
    void coldStart() throws RunnerException {
        assertEquals(1, run(tiny(ColdStartBenchmark.class).param("engine", "reference")).size());
    }

    @Test
    void boundaryOnTheAotCore() throws RunnerException {
        // encode and decode per codec (2 + 2), copyIn, core and copyOut per codec on one engine (3 x 2).
        assertEquals(10, run(tiny(BoundaryBenchmark.class).param("engine", "chicory-aot")).size());
    }

    @Test
    void deadlinesOnAndOff() throws RunnerException {
        assertEquals(2, run(tiny(DeadlineBenchmark.class).param("engine", "chicory-aot")).size());
    }

    @Test
    void boundUserAgainstTenCalls() throws RunnerException {
        // boundUser and tenVariableCalls; sdkAllVariables is refused for a Wasm engine
        ChainedOptionsBuilder options = tiny(BoundUserBenchmark.class).param("engine", "chicory-aot")
                .param("codec", "json-preallocated").param("keyCount", "3").shouldFailOnError(false);
        Collection<RunResult> results = run(options);
        assertEquals(2, results.size());
        assertTrue(results.stream().allMatch(r -> r.getPrimaryResult().getScore() > 0));
    }

    @Test
    void floorOnDevCyclesOwnLookup() throws RunnerException {
        assertEquals(2, run(tiny(FloorBenchmark.class).param("lookupCase", "dvc-v-key-25")).size());
    }

    @Test
    void tuningRunsTheDefaultAndRefusesAnOptionWithoutItsOwnFork() throws RunnerException {
        assertEquals(1, run(tiny(TuningBenchmark.class).param("engine", "chicory-aot")).size());
        assertThrows(RunnerException.class, () -> run(tiny(TuningBenchmark.class).param("engine", "wasmtime")
                .param("tuning", "wasmtime.optLevel=none")));
        assertThrows(IllegalArgumentException.class, () -> TuningBenchmark.apply("wasmtime.optLevl=none"));
        assertThrows(IllegalArgumentException.class, () -> TuningBenchmark.apply("none"));
    }

    @Test
    void duplicateCombinationsAreRefused() {
        assertThrows(RunnerException.class, () -> run(tiny(VariableBenchmark.class).param("engine", "reference")
                .param("codec", "json")));
        assertThrows(RunnerException.class, () -> run(tiny(ThroughputBenchmark.class).param("engine", "wasmtime")
                .param("concurrency", "mutex").param("poolSize", "2")));
    }

    @Test
    void engineAllIsLeftToTheCliAndAnEngineWithoutTheCallIsSkipped() {
        assertThrows(RunnerException.class, () -> run(tiny(VariableBenchmark.class).param("engine", EngineParam.ALL)));
        assertThrows(RunnerException.class, () -> run(tiny(BucketedConfigBenchmark.class).param("engine", "devcycle-sdk")));
    }

    @Test
    void aKeyTheUserIsNotServedIsRefused() {
        assertThrows(RunnerException.class, () -> run(tiny(VariableBenchmark.class).param("engine", "reference")
                .param("key", "no-such-variable")));
    }

    /** {@code -p core=VERSION-d7fix} runs on the reference (as its version) and a Wasm engine; the SDK peer is skipped. */
    @Test
    void aFixedBuildIsMeasuredAndThePeerIsSkipped() throws RunnerException {
        assertEquals(2, run(tiny(VariableBenchmark.class).param("engine", "reference", "chicory-aot")
                .param("core", "1.32.0-d7fix")).size());
        RunnerException peer = assertThrows(RunnerException.class, () -> run(tiny(VariableBenchmark.class)
                .param("engine", "devcycle-sdk").param("core", "1.32.0-d7fix")));
        assertTrue(messages(peer).contains("skipped: devcycle-sdk runs only DevCycle's own build of the core, not 1.32.0-d7fix"),
                messages(peer));
    }

    /** The messages of {@code t}, its causes and what they suppressed (JMH wraps a setup's exception). */
    private static String messages(Throwable t) {
        StringBuilder b = new StringBuilder(String.valueOf(t.getMessage())).append('\n');
        for (Throwable s : t.getSuppressed()) b.append(messages(s));
        if (t.getCause() != null && t.getCause() != t) b.append(messages(t.getCause()));
        return b.toString();
    }
}

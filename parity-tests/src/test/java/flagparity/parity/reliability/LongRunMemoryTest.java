package flagparity.parity.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flagparity.parity.reliability.Configs.Lookup;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.wasm.Codec;
import flagparity.wasm.Concurrency;
import flagparity.wasm.WasmEngine;
import flagparity.wasm.engine.CoreAbortException;
import flagparity.wasm.engine.Engine;
import flagparity.wasm.WasmEvaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Long runs lose nothing: after a warm-up, the JVM heap after GC, the process RSS outside the Java
 * heap and the cores' linear memory stay flat while every codec of an engine answers lookups (and now and then a bucketed
 * config), and while instances are thrown away and rebuilt (aborts, config swaps). DevCycle's Java
 * SDK 2.6.0 leaked native memory on every call (java-server-sdk issue #195: it fetched an export
 * from wasmtime-java's Linker per call); these runs show the adapters do not.
 *
 * <p>{@code -Dreliability.evaluations} (20,000 in verify, 5,000,000 deep) per compiled engine;
 * {@code -Dreliability.interpreterEvaluations} for the interpreter. Figures are written as JSON to
 * {@code -Dreliability.resultsDir} (default {@code target/reliability}); {@code -Dreliability.engines}
 * narrows the engines.
 */
class LongRunMemoryTest {
    /** Heap after GC may move by this much between two snapshots (allocation buffers, JIT, class data). */
    private static final long HEAP_TOLERANCE = 16L << 20;
    /**
     * RSS outside the Java heap may move by this much: the JIT's code cache, metaspace and malloc arenas
     * wander. A per-call native leak like the SDK's (hundreds of bytes per call and more) crosses it
     * within the verify run; the deep run shows the trend over 5,000,000 calls. The heap's own resident
     * pages are left out: they follow G1's sizing (up to -Xmx), and what the heap retains is the heap
     * after GC (see {@link ProcessMemory}).
     */
    private static final long RSS_TOLERANCE = 48L << 20;
    /**
     * Fewer calls than this (the interpreter's verify run: 200) cannot show a per-call native leak
     * (300 B a call is 60 kB there), while compiling the interpreter moved RSS outside the heap by 62 MB
     * in one verify run: such runs check the heap and linear memory only.
     */
    private static final long MIN_CALLS_FOR_RSS = 10_000;
    private static final int CHURN_SAMPLES = 10;

    @ParameterizedTest(name = "{0}")
    // graalwasm is built on JDK 21+ only; its memory is not part of this suite yet
    @EnumSource(value = Engine.class, names = "GRAALWASM", mode = EnumSource.Mode.EXCLUDE)
    void lookupsKeepHeapRssAndLinearMemoryFlat(Engine engine) throws IOException {
        assumeTrue(Budget.selected(engine), "not among -Dreliability.engines");
        long total = engine == Engine.CHICORY_INTERPRETER ? Budget.interpreterEvaluations() : Budget.evaluations();
        long warmUp = Math.max(total / 10, 1);
        List<WasmEvaluator> evaluators = new ArrayList<>();
        try {
            for (Codec c : Codec.values()) {
                WasmEvaluator e = (WasmEvaluator) Subject.wasm(engine, c, Concurrency.MUTEX).open();
                evaluators.add(e);
                e.setConfig(Configs.SMALL);
            }
            List<Lookup> lookups = new ArrayList<>();
            for (User u : Configs.users()) {
                lookups.addAll(Configs.lookups(Configs.SMALL, u));
            }
            Variable[] expected = new Variable[lookups.size()];
            for (int i = 0; i < expected.length; i++) {
                Lookup l = lookups.get(i);
                expected[i] = evaluators.get(0).variable(l.user(), l.key(), l.type());
            }
            List<ProcessMemory> snapshots = new ArrayList<>();
            long done = 0;
            for (long target : new long[] {warmUp, warmUp + (total - warmUp) / 2, total}) {
                for (; done < target; done++) {
                    WasmEvaluator e = evaluators.get((int) (done % evaluators.size()));
                    int i = (int) ((done / evaluators.size()) % lookups.size());
                    Lookup l = lookups.get(i);
                    if (done % 64 == 63) {
                        e.bucketedConfig(l.user());
                    } else {
                        Variable v = e.variable(l.user(), l.key(), l.type());
                        if (!Objects.equals(expected[i], v)) {
                            assertEquals(expected[i], v, "lookup " + done + " on " + WasmEngine.of(engine).id() + ": " + l);
                        }
                    }
                }
                snapshots.add(ProcessMemory.take(done, maxPages(evaluators)));
            }
            report("long-run-" + WasmEngine.of(engine).id(), engine, snapshots);
            assertFlat(WasmEngine.of(engine).id(), snapshots.get(0), snapshots.get(1), snapshots.get(2), total >= MIN_CALLS_FOR_RSS);
            for (WasmEvaluator e : evaluators) {
                assertEquals(0, e.instancesReplaced(), "no lookup may trap");
            }
        } finally {
            evaluators.forEach(WasmEvaluator::close);
        }
    }

    /**
     * Instances thrown away and rebuilt, by aborts and by config swaps, are released: memory stays
     * flat over {@code -Dreliability.churn} rounds (each one abort and one swap).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Engine.class, names = {"CHICORY_AOT", "CHICORY_COMPILER", "WASMTIME"})
    void replacedInstancesAreReleased(Engine engine) throws IOException {
        assumeTrue(Budget.selected(engine), "not among -Dreliability.engines");
        String a = Configs.withUncoveredDistribution(Configs.SMALL);
        String b = Configs.withUncoveredDistribution(Configs.variant(Configs.SMALL));
        long rounds = Budget.churn();
        long warmUp = Math.max(rounds / 5, 2);
        try (WasmEvaluator e = (WasmEvaluator) Subject.wasm(engine, Codec.PROTOBUF, Concurrency.MUTEX).open()) {
            e.setConfig(a);
            User aborting = null;
            for (int i = 0; aborting == null && i < 64; i++) {
                User u = User.builder("abort-probe-" + i).build();
                try {
                    e.variable(u, Configs.UNCOVERED_KEY, VariableType.Boolean);
                } catch (CoreAbortException x) {
                    aborting = u;
                }
            }
            assertTrue(aborting != null, "no user among 64 fell outside a half distribution");
            long replacedBefore = e.instancesReplaced();
            // Eleven snapshots (after the warm-up, then every tenth of the rest) show whether growth levels off.
            List<ProcessMemory> snapshots = new ArrayList<>();
            long done = 0;
            for (int k = 0; k <= CHURN_SAMPLES; k++) {
                long target = warmUp + (rounds - warmUp) * k / CHURN_SAMPLES;
                for (; done < target; done++) {
                    User u = aborting;
                    assertThrows(CoreAbortException.class, () -> e.variable(u, Configs.UNCOVERED_KEY, VariableType.Boolean));
                    e.setConfig(done % 2 == 0 ? b : a);
                }
                snapshots.add(ProcessMemory.take(done, e.memoryPages()));
                System.out.println(WasmEngine.of(engine).id() + " churn " + snapshots.get(k));
            }
            assertEquals(replacedBefore + rounds, e.instancesReplaced());
            report("churn-" + WasmEngine.of(engine).id(), engine, snapshots);
            assertFlat(WasmEngine.of(engine).id() + " churn", snapshots.get(0), snapshots.get(CHURN_SAMPLES / 2),
                    snapshots.get(CHURN_SAMPLES));
        }
    }

    private static int maxPages(List<WasmEvaluator> evaluators) {
        int max = 0;
        for (WasmEvaluator e : evaluators) {
            max = Math.max(max, e.memoryPages());
        }
        return max;
    }

    private static void assertFlat(String what, ProcessMemory start, ProcessMemory middle, ProcessMemory end) {
        assertFlat(what, start, middle, end, true);
    }

    /** {@code checkRss}: only where enough calls ran for a per-call native leak to stand out of the JIT's own memory. */
    private static void assertFlat(String what, ProcessMemory start, ProcessMemory middle, ProcessMemory end,
            boolean checkRss) {
        String figures = what + ": start " + start + "; middle " + middle + "; end " + end;
        System.out.println(figures);
        assertEquals(start.wasmPages(), end.wasmPages(), "linear memory grew: " + figures);
        assertTrue(end.heapAfterGcBytes() - start.heapAfterGcBytes() < HEAP_TOLERANCE, "heap grew: " + figures);
        if (!checkRss) {
            return;
        }
        if (start.rssOutsideHeapBytes() > 0) {
            assertTrue(end.rssOutsideHeapBytes() - start.rssOutsideHeapBytes() < RSS_TOLERANCE,
                    "RSS outside the Java heap grew: " + figures);
        } else if (start.rssBytes() > 0) {
            assertTrue(end.rssBytes() - start.rssBytes() < RSS_TOLERANCE, "RSS grew: " + figures);
        }
    }

    private static void report(String name, Engine engine, List<ProcessMemory> snapshots) throws IOException {
        Path dir = Path.of(System.getProperty("reliability.resultsDir", "target/reliability"));
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder("{\"engine\":\"").append(WasmEngine.of(engine).id()).append("\",\"java\":\"")
                .append(System.getProperty("java.version")).append("\",\"maxHeapBytes\":")
                .append(Runtime.getRuntime().maxMemory()).append(",\"snapshots\":[");
        for (int i = 0; i < snapshots.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(snapshots.get(i).json());
        }
        Files.writeString(dir.resolve(name + ".json"), sb.append("]}\n").toString());
    }
}

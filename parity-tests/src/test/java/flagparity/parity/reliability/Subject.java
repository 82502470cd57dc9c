package flagparity.parity.reliability;

import flagparity.reference.ReferenceEvaluator;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.PlatformData;
import flagparity.wasm.Codec;
import flagparity.wasm.Concurrency;
import flagparity.reference.api.Engines;
import flagparity.wasm.Engine;
import flagparity.wasm.WasmEngine;
import flagparity.wasm.WasmEvaluator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One evaluator under test: the reference, or a Wasm engine with a codec and a concurrency strategy.
 * Every subject gets the same pinned clock and platform data, so answers repeat from run to run.
 */
record Subject(Engine engine, Codec codec, Concurrency concurrency) {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    static final PlatformData PLATFORM = new PlatformData("Java", "17.0.2", "server", "2.6.0", null, "reliability");
    /** Instances in a pool: two, so that a pool really has more than one slot on any machine. */
    static final int POOL_SIZE = 2;

    static final Subject REFERENCE = new Subject(null, null, null);

    static Subject wasm(Engine engine, Codec codec, Concurrency concurrency) {
        return new Subject(engine, codec, concurrency);
    }

    boolean isReference() {
        return engine == null;
    }

    /** An engine that interprets the core: milliseconds per lookup, so it gets smaller budgets. */
    boolean isInterpreter() {
        return engine != null && !WasmEngine.of(engine).compiled();
    }

    Evaluator open() {
        if (isReference()) {
            return new ReferenceEvaluator(CoreVersion.V1_32_0, PLATFORM, CLOCK);
        }
        return WasmEvaluator.builder().core(CoreVersion.V1_32_0).engine(engine).codec(codec).concurrency(concurrency).poolSize(POOL_SIZE)
                .platformData(PLATFORM).clock(CLOCK).build();
    }

    /**
     * The reference and every registered Wasm engine with one concurrency strategy. The codecs rotate
     * over the engines so that each codec is exercised somewhere; interpreters come last (they are slow).
     */
    static List<Subject> everyEngine(Concurrency concurrency) {
        List<Subject> out = new ArrayList<>();
        out.add(REFERENCE);
        List<Engine> engines = wasmEngines();
        for (int i = 0; i < engines.size(); i++) {
            out.add(wasm(engines.get(i), Codec.values()[i % Codec.values().length], concurrency));
        }
        return out;
    }

    /** The registered Wasm engines, compiled ones first, in registry order. */
    private static List<Engine> wasmEngines() {
        return Engines.all().stream().filter(WasmEngine.class::isInstance).map(WasmEngine.class::cast)
                .filter(e -> e.availability().isAvailable())
                .sorted(Comparator.comparing(e -> !e.compiled()))
                .map(WasmEngine::runtime).collect(Collectors.toList());
    }

    /** The reference and every engine x concurrency (codecs rotating as in {@link #everyEngine}). */
    static List<Subject> everyEngineAndConcurrency() {
        List<Subject> out = new ArrayList<>(everyEngine(Concurrency.MUTEX));
        for (Subject s : everyEngine(Concurrency.POOL)) {
            if (!s.isReference()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every Wasm engine x codec, one instance each. */
    static List<Subject> everyAdapter() {
        List<Subject> out = new ArrayList<>();
        for (Engine e : wasmEngines()) {
            for (Codec c : Codec.values()) {
                out.add(wasm(e, c, Concurrency.MUTEX));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return isReference() ? "reference" : engine.id() + "/" + codec.id() + "/" + concurrency.id();
    }
}

package flagparity.parity.reliability;

import flagparity.reference.ReferenceEvaluator;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.PlatformData;
import flagparity.wasm.Codec;
import flagparity.wasm.Concurrency;
import flagparity.reference.api.Engines;
import flagparity.wasm.engine.Engine;
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
 * One evaluator under test: the reference, or a Wasm engine with a codec and a concurrency strategy,
 * answering as one core version. Every subject gets the same pinned clock and platform data, so
 * answers repeat from run to run. The lists below spread the core versions over the engines and
 * codecs (each engine, and each codec, meets every version somewhere) rather than multiply them.
 */
record Subject(Engine engine, Codec codec, Concurrency concurrency, CoreVersion version) {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    static final PlatformData PLATFORM = new PlatformData("Java", "17.0.2", "server", "2.6.0", null, "reliability");
    /** Instances in a pool: two, so that a pool really has more than one slot on any machine. */
    static final int POOL_SIZE = 2;

    static final Subject REFERENCE = reference(CoreVersion.newest());

    static Subject reference(CoreVersion version) {
        return new Subject(null, null, null, version);
    }

    static Subject wasm(Engine engine, Codec codec, Concurrency concurrency) {
        return wasm(engine, codec, concurrency, CoreVersion.newest());
    }

    static Subject wasm(Engine engine, Codec codec, Concurrency concurrency, CoreVersion version) {
        return new Subject(engine, codec, concurrency, version);
    }

    /** The {@code i}-th version in turn. */
    private static CoreVersion rotating(int i) {
        CoreVersion[] all = CoreVersion.values();
        return all[Math.floorMod(i, all.length)];
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
            return new ReferenceEvaluator(version, PLATFORM, CLOCK);
        }
        return WasmEvaluator.builder().core(version).engine(engine).codec(codec).concurrency(concurrency).poolSize(POOL_SIZE)
                .platformData(PLATFORM).clock(CLOCK).build();
    }

    /**
     * The reference (on every version) and every registered Wasm engine with one concurrency strategy.
     * The codecs rotate over the engines so that each codec is exercised somewhere, the versions so
     * that the mutex and the pool lists give each engine a different one; interpreters come last
     * (they are slow).
     */
    static List<Subject> everyEngine(Concurrency concurrency) {
        int shift = concurrency == Concurrency.MUTEX ? 0 : 1;
        List<Subject> out = new ArrayList<>();
        for (CoreVersion v : CoreVersion.values()) {
            out.add(reference(v));
        }
        List<Engine> engines = wasmEngines();
        for (int i = 0; i < engines.size(); i++) {
            out.add(wasm(engines.get(i), Codec.values()[i % Codec.values().length], concurrency, rotating(shift + i)));
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

    /** The reference and every engine x concurrency (codecs and versions rotating as in {@link #everyEngine}). */
    static List<Subject> everyEngineAndConcurrency() {
        List<Subject> out = new ArrayList<>(everyEngine(Concurrency.MUTEX));
        for (Subject s : everyEngine(Concurrency.POOL)) {
            if (!s.isReference()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every Wasm engine x codec, one instance each, the versions alternating along the codecs and between engines. */
    static List<Subject> everyAdapter() {
        List<Subject> out = new ArrayList<>();
        for (Engine e : wasmEngines()) {
            for (Codec c : Codec.values()) {
                out.add(wasm(e, c, Concurrency.MUTEX, rotating(e.ordinal() + c.ordinal())));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return (isReference() ? "reference" : WasmEngine.of(engine).id() + "/" + codec.id() + "/" + concurrency.id()) + "/" + version;
    }
}

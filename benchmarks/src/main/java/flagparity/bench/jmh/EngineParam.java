package flagparity.bench.jmh;

import flagparity.reference.api.EngineDescriptor;
import flagparity.reference.api.EngineKind;
import flagparity.reference.api.Engines;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The benchmarks' {@code engine} parameter. Its default, {@value #ALL}, stands for every engine of the
 * registry this JVM can run: {@code flagparity jmh} expands it (and fills it in when no {@code -p engine=}
 * is given), so no benchmark names an engine. A benchmark refuses, as skipped, an engine that lacks
 * what it measures ({@link #require}).
 */
public final class EngineParam {
    /** The parameter's name in every benchmark that has it. */
    public static final String NAME = "engine";
    /** Every engine this JVM can run, in registry order. */
    public static final String ALL = "all";

    private EngineParam() {}

    /** {@code values} with {@link #ALL} replaced by the available engines' ids, each id once, in order. */
    public static List<String> expand(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v.equals(ALL)) {
                Engines.all().stream().filter(d -> d.availability().isAvailable()).map(EngineDescriptor::id)
                        .forEach(out::add);
            } else {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /** The engine a benchmark was given. */
    static EngineDescriptor descriptor(String engine) {
        if (engine.equals(ALL)) {
            throw new IllegalArgumentException("engine=" + ALL + " is expanded by `flagparity jmh`; elsewhere name"
                    + " the engines: -p engine=" + String.join(",", expand(List.of(ALL))));
        }
        return Engines.get(engine);
    }

    /** The engine, refused as skipped unless it has what the benchmark measures. */
    static EngineDescriptor require(String engine, Predicate<EngineDescriptor> has, String what) {
        EngineDescriptor d = descriptor(engine);
        if (!has.test(d)) {
            throw new IllegalArgumentException("skipped: " + engine + " has no " + what);
        }
        return d;
    }

    /** Engines that run the Wasm core (refusing the reference and the peers). */
    static Predicate<EngineDescriptor> core() {
        return d -> d.kind() == EngineKind.CORE;
    }
}

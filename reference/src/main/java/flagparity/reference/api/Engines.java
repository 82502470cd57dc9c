package flagparity.reference.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The engine registry: every {@link EngineDescriptor} on the class path (found by
 * {@link ServiceLoader}), ordered by kind (reference, cores, peers) and then by id. It is the one
 * list of engines: the CLI, the benchmarks, the report and the tests read it.
 */
public final class Engines {
    private static final Map<String, EngineDescriptor> BY_ID = load();

    private Engines() {}

    private static Map<String, EngineDescriptor> load() {
        List<EngineDescriptor> found = new ArrayList<>();
        ServiceLoader.load(EngineDescriptor.class, Engines.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(EngineDescriptor::kind).thenComparing(EngineDescriptor::id));
        Map<String, EngineDescriptor> byId = new LinkedHashMap<>();
        for (EngineDescriptor d : found) {
            EngineDescriptor twin = byId.put(d.id(), d);
            if (twin != null) {
                throw new IllegalStateException("two engines are named " + d.id() + ": "
                        + twin.getClass().getName() + " and " + d.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(byId);
    }

    /** Every engine, available here or not. */
    public static List<EngineDescriptor> all() {
        return List.copyOf(BY_ID.values());
    }

    /** Every engine's id, in registry order. */
    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }

    /** The reference engine: the default wherever an engine may be left out, and the judge of configs. */
    public static EngineDescriptor reference() {
        return BY_ID.values().stream().filter(d -> d.kind() == EngineKind.REFERENCE).findFirst()
                .orElseThrow(() -> new IllegalStateException("no engine of kind reference is registered"));
    }

    /** @throws IllegalArgumentException for an id no engine has, naming the ids there are */
    public static EngineDescriptor get(String id) {
        EngineDescriptor d = BY_ID.get(id);
        if (d == null) {
            throw new IllegalArgumentException("unknown engine \"" + id + "\" (expected one of "
                    + String.join(", ", BY_ID.keySet()) + ")");
        }
        return d;
    }

    /**
     * A new evaluator of engine {@code id} with no config yet (call {@link Evaluator#setConfig} next),
     * after checking {@code settings} against what the engine declares.
     *
     * @throws IllegalArgumentException for an unknown id, an engine this JVM cannot run, or a setting
     *     the engine does not take
     */
    public static Evaluator create(String id, EngineSettings settings) {
        EngineDescriptor d = get(id);
        check(d, settings);
        return d.create(settings);
    }

    /**
     * Checks {@code settings} against what {@code d} declares: availability, codec, concurrency,
     * core version and build, and core collection.
     *
     * @throws IllegalArgumentException naming the first setting refused
     */
    public static void check(EngineDescriptor d, EngineSettings settings) {
        if (!d.availability().isAvailable()) {
            throw new IllegalArgumentException(d.id() + " is unavailable: " + d.availability().reason());
        }
        settings.codec().ifPresent(c -> requireListed(d, "codec", c, d.codecs()));
        settings.concurrency().ifPresent(c -> requireListed(d, "concurrency", c, d.concurrencies()));
        settings.coreVersion().ifPresent(v -> requireListed(d, "core version", v.id(),
                d.coreVersions().stream().map(CoreVersion::id).collect(Collectors.toList())));
        if (settings.fixedBuild()) {
            CoreVersion v = coreVersion(d, settings);
            if (!d.takesFixedBuild()) {
                throw new IllegalArgumentException(d.id() + " runs only DevCycle's own build of the core, not "
                        + v.id() + CoreVersion.FIXED_SUFFIX);
            }
            if (v.fixedWasmSha256() == null) {
                throw new IllegalArgumentException("core " + v.id() + " has no fixed build");
            }
        }
        if (settings.collectEvery() != 0 && !d.drivesCoreCollector()) {
            throw new IllegalArgumentException(d.id() + " has no Wasm core whose collector can be driven");
        }
    }

    private static void requireListed(EngineDescriptor d, String what, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(allowed.isEmpty()
                    ? d.id() + " has no " + what + " setting (got " + value + ")"
                    : d.id() + " has no " + what + " \"" + value + "\" (expected one of " + String.join(", ", allowed) + ")");
        }
    }

    /** The core version {@code settings} asks {@code d} for: the one set, or the newest {@code d} runs. */
    public static CoreVersion coreVersion(EngineDescriptor d, EngineSettings settings) {
        List<CoreVersion> versions = d.coreVersions();
        return settings.coreVersion().orElse(versions.get(versions.size() - 1));
    }
}

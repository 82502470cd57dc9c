package flagparity.reference.api;

import java.util.List;

/**
 * One engine flagparity can run, as the {@link Engines} registry lists it: what it is, what it
 * supports, and how it is built. Adding an engine is one class implementing this (with a public
 * no-argument constructor) plus its name in the module's
 * {@code META-INF/services/flagparity.reference.api.EngineDescriptor} (see ARCHITECTURE.md).
 *
 * <p>A descriptor is cheap to make and holds no resources: the registry instantiates every one.
 */
public interface EngineDescriptor {

    /** The engine's name everywhere in flagparity (CLI, JMH params, results), e.g. {@code chicory-aot}. */
    String id();

    EngineKind kind();

    /** The codec ids it takes, its default first; empty when it has no codec setting. */
    List<String> codecs();

    /** The concurrency ids it takes, its default first; empty when it has no concurrency setting. */
    List<String> concurrencies();

    /** The core versions it can answer as, oldest first; the newest is its default. */
    List<CoreVersion> coreVersions();

    /**
     * True when it takes {@link EngineSettings#fixedBuild()}: a Wasm engine runs the version's fixed
     * build; the reference, which runs no wasm, answers as the version (the builds answer alike). An
     * engine that embeds DevCycle's own build only (the SDK peer) keeps the default, false.
     */
    default boolean takesFixedBuild() {
        return false;
    }

    /** True for an engine that compiles the core to machine code or JVM bytecode (not an interpreter). */
    boolean compiled();

    /** Its colour in charts, {@code #RRGGBB}. */
    String colour();

    /** Whether this JVM can run it; {@link Engines#create} refuses an unavailable engine with the reason. */
    default Availability availability() {
        return Availability.available();
    }

    /**
     * Options a fresh JVM running this engine needs (a runtime on the module path, JVMCI): a benchmark
     * fork that times it gets them. Empty for most engines.
     */
    default List<String> jvmArgs() {
        return List.of();
    }

    /** True when {@link Evaluator#bucketedConfig} is supported. */
    default boolean bucketsConfig() {
        return true;
    }

    /** True when {@link Evaluator#setConfig} swaps a config in at once, any number of times. */
    default boolean swapsConfig() {
        return true;
    }

    /**
     * True when it runs a Wasm core whose collector can be driven: it takes
     * {@link EngineSettings#collectEvery()} and its evaluators implement {@link CoreGarbageCollection}.
     */
    default boolean drivesCoreCollector() {
        return false;
    }

    /**
     * Why timing lookups for {@code user} on this engine would measure something else (a known
     * defect that makes it serve defaults, for example), or {@code null} when they would not.
     */
    default String timingRefusal(User user) {
        return null;
    }

    /**
     * A new evaluator with no config yet. Call it through {@link Engines#create}, which first checks
     * the settings against what this descriptor declares.
     *
     * @throws IllegalArgumentException for a setting the engine cannot honour
     */
    Evaluator create(EngineSettings settings);
}

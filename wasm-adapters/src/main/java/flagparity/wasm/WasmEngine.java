package flagparity.wasm;

import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EngineDescriptor;
import flagparity.reference.api.EngineKind;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.reference.api.PlatformData;
import flagparity.wasm.engine.CallDeadlines;
import flagparity.wasm.engine.CoreBuild;
import flagparity.wasm.engine.Engine;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A registered engine that runs DevCycle's core in a {@link WasmEvaluator} on one {@link Engine}:
 * every codec and concurrency mode, a drivable core collector. Each subclass is one registration.
 */
public abstract class WasmEngine implements EngineDescriptor {
    private static final List<String> CODECS =
            Arrays.stream(Codec.values()).map(Codec::id).collect(Collectors.toUnmodifiableList());
    private static final List<String> CONCURRENCIES =
            Arrays.stream(Concurrency.values()).map(Concurrency::id).collect(Collectors.toUnmodifiableList());

    private final String id;
    private final Engine runtime;
    private final boolean compiled;
    private final String colour;

    protected WasmEngine(String id, Engine runtime, boolean compiled, String colour) {
        this.id = id;
        this.runtime = runtime;
        this.compiled = compiled;
        this.colour = colour;
    }

    /** The registered Wasm engine that runs on {@code runtime}. */
    public static WasmEngine of(Engine runtime) {
        for (EngineDescriptor d : Engines.all()) {
            if (d instanceof WasmEngine && ((WasmEngine) d).runtime == runtime) {
                return (WasmEngine) d;
            }
        }
        throw new IllegalStateException("no engine is registered for " + runtime);
    }

    /** The runtime of the registered Wasm engine {@code id}. */
    public static Engine runtime(String id) {
        EngineDescriptor d = Engines.get(id);
        if (!(d instanceof WasmEngine)) {
            throw new IllegalArgumentException(id + " does not run the core on a Wasm runtime of the adapters");
        }
        return ((WasmEngine) d).runtime;
    }

    public Engine runtime() {
        return runtime;
    }

    @Override public final String id() { return id; }
    @Override public final EngineKind kind() { return EngineKind.CORE; }
    @Override public final List<String> codecs() { return CODECS; }
    @Override public final List<String> concurrencies() { return CONCURRENCIES; }
    @Override public final List<CoreVersion> coreVersions() { return List.of(CoreVersion.values()); }
    @Override public final boolean takesFixedBuild() { return true; }
    @Override public final boolean compiled() { return compiled; }
    @Override public final String colour() { return colour; }
    @Override public final boolean drivesCoreCollector() { return true; }

    @Override
    public WasmEvaluator create(EngineSettings s) {
        return WasmEvaluator.builder()
                .core(new CoreBuild(Engines.coreVersion(this, s), s.fixedBuild()))
                .engine(runtime)
                .codec(s.codec().map(Codec::parse).orElse(Codec.DEFAULT))
                .concurrency(s.concurrency().map(Concurrency::parse).orElse(Concurrency.MUTEX))
                .poolSize(s.resolvedPoolSize())
                .platformData(s.platformData().orElse(PlatformData.javaSdkDefault()))
                .clock(s.clock())
                .collectEvery(s.collectEvery())
                .deadlines(deadlines(s))
                .build();
    }

    /** The settings' deadlines, the engine's default where unset. */
    private CallDeadlines deadlines(EngineSettings s) {
        CallDeadlines d = CallDeadlines.defaultFor(runtime);
        return new CallDeadlines(s.callDeadline().orElse(d.lookup()), s.loadDeadline().orElse(d.config()));
    }

    @Override
    public String toString() {
        return id;
    }
}

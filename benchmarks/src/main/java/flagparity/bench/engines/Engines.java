package flagparity.bench.engines;

import flagparity.reference.ReferenceEvaluator;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.PlatformData;
import flagparity.wasm.Codec;
import flagparity.wasm.Concurrency;
import flagparity.wasm.Engine;
import flagparity.wasm.WasmEvaluator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds an {@link Evaluator} from the names used everywhere in flagparity (CLI options, JMH
 * params, results): {@code reference}, every {@link Engine} id, and {@code devcycle-sdk}.
 */
public final class Engines {
    public static final String REFERENCE = "reference";
    public static final String DEVCYCLE_SDK = "devcycle-sdk";

    private static final List<String> IDS;

    static {
        List<String> ids = new ArrayList<>();
        ids.add(REFERENCE);
        for (Engine e : Engine.values()) {
            ids.add(e.id());
        }
        ids.add(DEVCYCLE_SDK);
        IDS = Collections.unmodifiableList(ids);
    }

    private Engines() {}

    /** Every engine id, the reference first and the SDK peer last. */
    public static List<String> engineIds() {
        return IDS;
    }

    /**
     * A new evaluator with no config yet (call {@link Evaluator#setConfig} next).
     *
     * @param engine one of {@link #engineIds()}
     * @param codec a {@link Codec} id; ignored by {@code reference} and {@code devcycle-sdk}
     * @param concurrency a {@link Concurrency} id; ignored by {@code reference} and {@code devcycle-sdk}
     * @param poolSize instances of a {@code pool}; ignored otherwise
     * @param clock what the evaluator reads as now; {@code devcycle-sdk} accepts only a system clock
     * @param platformData {@code null} for {@link PlatformData#javaSdkDefault()}; {@code devcycle-sdk}
     *     sends its own and accepts only {@code null} or that default
     * @throws IllegalArgumentException for an unknown id or a setting the engine cannot honour
     */
    public static Evaluator create(String engine, String codec, String concurrency, int poolSize, Clock clock,
            PlatformData platformData) {
        return create(engine, codec, concurrency, poolSize, clock, platformData, 0);
    }

    /**
     * As {@link #create(String, String, String, int, Clock, PlatformData)}, with a full collection of a
     * Wasm core's heap after every {@code coreCollectEvery} lookups per instance
     * ({@link WasmEvaluator.Builder#collectEvery}); 0 never.
     *
     * @throws IllegalArgumentException also for {@code coreCollectEvery > 0} on an engine without a Wasm core
     *     this project drives ({@code reference}, {@code devcycle-sdk})
     */
    public static Evaluator create(String engine, String codec, String concurrency, int poolSize, Clock clock,
            PlatformData platformData, int coreCollectEvery) {
        if (coreCollectEvery != 0 && (REFERENCE.equals(engine) || DEVCYCLE_SDK.equals(engine))) {
            throw new IllegalArgumentException(engine + " has no Wasm core whose collector can be driven");
        }
        if (REFERENCE.equals(engine)) {
            return new ReferenceEvaluator(CoreVersion.V1_32_0, platformData == null ? PlatformData.javaSdkDefault() : platformData, clock);
        }
        if (DEVCYCLE_SDK.equals(engine)) {
            return DevCycleSdkPeer.start(clock, platformData);
        }
        Engine wasmEngine;
        try {
            wasmEngine = Engine.parse(engine);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown engine \"" + engine + "\" (expected one of "
                    + String.join(", ", IDS) + ")", e);
        }
        return WasmEvaluator.builder()
                .core(CoreVersion.V1_32_0) // the reference's semantics until --core reaches it
                .engine(wasmEngine)
                .codec(Codec.parse(codec))
                .concurrency(Concurrency.parse(concurrency))
                .poolSize(poolSize)
                .platformData(platformData == null ? PlatformData.javaSdkDefault() : platformData)
                .clock(clock)
                .collectEvery(coreCollectEvery)
                .build();
    }
}

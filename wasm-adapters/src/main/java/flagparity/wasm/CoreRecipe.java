package flagparity.wasm;

import flagparity.wasm.engine.CallDeadlines;
import flagparity.wasm.engine.CoreBuild;
import flagparity.wasm.engine.CoreInstance;
import flagparity.wasm.engine.Engine;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How a {@link WasmEvaluator} makes each of its core instances: the core ({@code build}, or
 * {@code wasmFile} when not null) on {@code engine}, its calls' deadlines, the clock its
 * {@code Date.now} reads, and the platform data every instance gets first.
 */
record CoreRecipe(Engine engine, CoreBuild build, CallDeadlines deadlines, Path wasmFile, Clock clock,
        String platformDataJson) {

    /** A new instance holding the platform data, then {@code config} and {@code clientCustomData} (each may be null). */
    CoreInstance open(String config, String clientCustomData) {
        CoreInstance core = CoreInstance.open(engine, build, wasmFile, clock, deadlines);
        try {
            core.setPlatformData(platformDataJson);
            if (config != null) {
                core.setConfig(CoreSlots.SDK_KEY, config);
            }
            if (clientCustomData != null) {
                core.setClientCustomData(CoreSlots.SDK_KEY, clientCustomData);
            }
            return core;
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
    }
}

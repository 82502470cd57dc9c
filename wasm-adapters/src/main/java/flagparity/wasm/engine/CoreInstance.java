package flagparity.wasm.engine;

import flagparity.wasm.Engine;
import java.nio.file.Path;
import java.time.Clock;

/**
 * One instance of the core on one engine. Not thread-safe. Every call that makes the core abort
 * throws {@link flagparity.wasm.CoreAbortException}; the instance is unusable afterwards.
 */
public abstract class CoreInstance implements AutoCloseable {

    CoreInstance() {}

    /** Opens the core ({@code wasmOrNull}, or the built-in one) on {@code engine}; {@code Date.now} reads {@code clock}. */
    public static CoreInstance open(Engine engine, Path wasmOrNull, Clock clock) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public abstract void setPlatformData(String json);

    public abstract void setConfig(String sdkKey, String json);

    public abstract void setClientCustomData(String sdkKey, String json);

    /** {@code variableForUser} without event tracking: the variable JSON, or {@code null}. */
    public abstract String variableForUser(String sdkKey, String userJson, String key, int typeIndex);

    public abstract String generateBucketedConfigForUser(String sdkKey, String userJson);

    /** The core's murmurhash3 (x86, 32-bit) of {@code key}; seed and result are u32 values. */
    public abstract long murmurhashV3(String key, long seed);

    /** Calls an export taking strings (or null) and numbers and returning a string (or null). */
    public abstract String callForString(String export, Object... args);

    public abstract boolean callForBoolean(String export, Object... args);

    public abstract double callForDouble(String export, Object... args);

    /** Pages of linear memory. */
    public abstract int memoryPages();

    @Override
    public abstract void close();
}

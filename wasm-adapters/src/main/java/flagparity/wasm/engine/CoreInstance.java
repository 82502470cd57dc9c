package flagparity.wasm.engine;

import flagparity.wasm.engine.CoreCalls.Export;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * One instance of the core on one engine, and the core's API: the ABI calls. Not thread-safe. A call
 * that makes the core abort throws {@link CoreAbortException}, one that runs past its deadline
 * {@link CallDeadlineException}; after that, or after any other trap, the instance is unusable
 * ({@link #usable()} is false) and must be thrown away: the core's shadow stack is left unwound.
 *
 * <p>Its parts, by concern: {@link LinearMemory} (strings and arrays in the core's memory),
 * {@link CoreCalls} (life cycle and faults; every export call goes through its {@code invoke}, where
 * the call's deadline is armed), {@link WasmInstance} (one per runtime), {@link PreallocatedRequests}
 * (request buffers pinned across lookups) and {@link CoreHooks} (the core's test-hook exports).
 *
 * <h2>The ABI, as this class uses it (AssemblyScript runtime, incremental GC)</h2>
 *
 * <table>
 * <caption>who allocates, who frees</caption>
 * <tr><th>value</th><th>in memory</th><th>made by</th><th>kept alive by</th></tr>
 * <tr><td>String</td><td>UTF-16LE code units; byte length is the u32 at ptr-4</td>
 *     <td>{@code __new(chars * 2, 2)}</td><td>pinned until the export is entered (an export roots its own
 *     arguments on the shadow stack), so only arguments lowered before the last need a pin</td></tr>
 * <tr><td>Uint8Array</td><td>12 bytes: [ArrayBuffer ptr, data ptr, byte length]</td>
 *     <td>{@code __new(len, 1)} for the buffer (pinned while the header is made), {@code __new(12, 9)}</td>
 *     <td>the header, like a string</td></tr>
 * <tr><td>the SDK key</td><td>a String</td><td>once per key per instance</td><td>pinned for the instance's life</td></tr>
 * <tr><td>preallocated request buffers</td><td>a String (user, key) or Uint8Array (protobuf)</td>
 *     <td>once, regrown when too small</td><td>pinned for the instance's life; the old one unpinned when regrown</td></tr>
 * <tr><td>results</td><td>String or Uint8Array, or 0 for null</td><td>the core</td>
 *     <td>read before the next export call, then left to the GC</td></tr>
 * </table>
 *
 * <p>Every export call is a boundary crossing (about 5 µs each on wasmtime-java), so export handles
 * are looked up once and the preallocated entry points take one crossing per lookup. Their three
 * stages are also public apart (write the request, run the export and get the result's address,
 * read the result), so a benchmark can time each.
 */
public final class CoreInstance implements AutoCloseable {
    /** GraalWasm's module class, in the {@code graalwasm} module (built on JDK 21+ only), so loaded by name. */
    public static final String GRAALWASM_MODULE = "flagparity.wasm.engine.GraalWasmModule";

    private final CoreModule module;
    private final CoreCalls calls;
    private final LinearMemory memory;
    private final PreallocatedRequests preallocated;
    private final Export fnCollect;
    private final Export fnSetPlatformData;
    private final Export fnSetConfig;
    private final Export fnSetClientCustomData;
    private final Export fnVariableForUser;
    private final Export fnVariableForUserPb;
    private final Export fnBucketedConfig;
    private final Export fnMurmurhash;
    private CoreHooks hooks;

    private CoreInstance(CoreModule module, Clock clock, CallDeadlines deadlines) {
        this.module = module;
        this.calls = new CoreCalls(module, clock, deadlines);
        this.memory = new LinearMemory(calls);
        this.fnCollect = calls.export("__collect");
        // the setters run when an instance is built (a cold JVM's first run took over 100 ms on the
        // interpreter here) and generateBucketedConfigForUser walks the whole config
        this.fnSetPlatformData = calls.configExport("setPlatformDataUTF8");
        this.fnSetConfig = calls.configExport("setConfigDataUTF8");
        this.fnSetClientCustomData = calls.configExport("setClientCustomDataUTF8");
        this.fnVariableForUser = calls.export("variableForUser");
        this.fnVariableForUserPb = calls.export("variableForUser_PB");
        this.fnBucketedConfig = calls.configExport("generateBucketedConfigForUser");
        this.fnMurmurhash = calls.export("murmurhashV3");
        this.preallocated = new PreallocatedRequests(calls, memory, fnVariableForUser);
    }

    /** As {@link #open(Engine, CoreBuild, Path, Clock, CallDeadlines)} with the engine's default deadlines. */
    public static CoreInstance open(Engine engine, CoreBuild build, Path wasmOrNull, Clock clock) {
        return open(engine, build, wasmOrNull, clock, CallDeadlines.defaultFor(engine));
    }

    /**
     * Opens the core ({@code wasmOrNull}, or the built-in {@code build}) on {@code engine};
     * {@code Date.now} reads {@code clock}; a call past its deadline is stopped
     * ({@link CallDeadlineException}). The module is loaded (and compiled) once per JVM; each call
     * makes a new instance. Set platform data first: the core aborts any lookup without it.
     */
    public static CoreInstance open(Engine engine, CoreBuild build, Path wasmOrNull, Clock clock,
            CallDeadlines deadlines) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(deadlines, "deadlines");
        return new CoreInstance(CoreModule.load(engine, build, wasmOrNull, deadlines.enforced()), clock, deadlines);
    }

    /** False once the core aborted or trapped, or the instance was closed. */
    public boolean usable() {
        return calls.usable();
    }

    /** Pages (64 KiB) of linear memory. */
    public int memoryPages() {
        return memory.pages();
    }

    /** The runtime's instance: its raw linear memory, for this package's tests. */
    WasmInstance runtime() {
        return calls.runtime();
    }

    /** The core's test-hook exports, called by name. */
    public CoreHooks hooks() {
        if (hooks == null) {
            hooks = new CoreHooks(module, calls, memory);
        }
        return hooks;
    }

    // ---- the core's API ----

    public void setPlatformData(String json) {
        calls.invoke(fnSetPlatformData, memory.newUint8Array(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code setConfigDataUTF8}; aborts (throws {@link CoreAbortException}) on a config the core rejects. */
    public void setConfig(String sdkKey, String json) {
        int key = memory.pinnedKey(sdkKey);
        calls.invoke(fnSetConfig, key, memory.newUint8Array(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code setClientCustomDataUTF8}; aborts when the JSON is not an object. */
    public void setClientCustomData(String sdkKey, String json) {
        int key = memory.pinnedKey(sdkKey);
        calls.invoke(fnSetClientCustomData, key, memory.newUint8Array(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code variableForUser} without event tracking: the variable JSON, or {@code null}. */
    public String variableForUser(String sdkKey, String userJson, String key, int typeIndex) {
        int sdk = memory.pinnedKey(sdkKey);
        int user = memory.newString(userJson);
        memory.pin(user);
        try {
            int variableKey = memory.newString(key);
            return memory.liftString((int) calls.invoke(fnVariableForUser, sdk, user, variableKey, typeIndex, 0));
        } finally {
            if (usable()) {
                memory.unpin(user);
            }
        }
    }

    /** {@code variableForUser_PB}: {@code VariableForUserParams_PB} bytes in, {@code SDKVariable_PB} bytes or null out. */
    public byte[] variableForUserProtobuf(byte[] params) {
        return memory.liftUint8Array((int) calls.invoke(fnVariableForUserPb, memory.newUint8Array(params)));
    }

    /** {@code generateBucketedConfigForUser}; it walks the whole config, so it has the config deadline. */
    public String generateBucketedConfigForUser(String sdkKey, String userJson) {
        int sdk = memory.pinnedKey(sdkKey);
        return memory.liftString((int) calls.invoke(fnBucketedConfig, sdk, memory.newString(userJson)));
    }

    /** The core's murmurhash3 (x86, 32-bit) of {@code key}; seed and result are u32 values. */
    public long murmurhashV3(String key, long seed) {
        return calls.invoke(fnMurmurhash, memory.newString(key), (int) seed) & 0xFFFFFFFFL;
    }

    /** Runs a full garbage collection of the core's heap ({@code __collect}). */
    public void collect() {
        calls.invoke(fnCollect);
    }

    // ---- the preallocated entry points and users kept in memory ({@link PreallocatedRequests}) ----

    /**
     * {@code variableForUserPreallocated}: as {@link #variableForUser}, but the user and key are written
     * into strings pinned once per instance, so a lookup is a single export call. The three stages
     * below, composed.
     */
    public String variableForUserPreallocated(String sdkKey, String userJson, String key, int typeIndex) {
        return preallocated.variableForUser(sdkKey, userJson, key, typeIndex);
    }

    /**
     * Copy in: writes {@code userJson} and {@code key} as UTF-16 into the strings pinned for
     * {@code variableForUserPreallocated} (regrown when too small). No export runs unless they regrow.
     */
    public void writeJsonRequest(String userJson, String key) {
        preallocated.writeJsonRequest(userJson, key);
    }

    /**
     * The core's own work: {@code variableForUserPreallocated} on the first {@code userChars} and
     * {@code keyChars} code units of the request last written ({@link #writeJsonRequest}). Returns the
     * result string's address unread, 0 for null; the core does not keep it alive, so read it
     * ({@link #readJsonResult}) before the next call into the core.
     */
    public int runJsonPreallocated(String sdkKey, int userChars, int keyChars, int typeIndex) {
        return preallocated.runJson(sdkKey, userChars, keyChars, typeIndex);
    }

    /** Copy out: the variable JSON string at {@code ptr} (from {@link #runJsonPreallocated}), null for 0. */
    public String readJsonResult(int ptr) {
        return memory.liftString(ptr);
    }

    /**
     * {@code variableForUser_PB_Preallocated}: as {@link #variableForUserProtobuf}, the request written
     * into a Uint8Array pinned once per instance (and regrown when too small): one export call. The
     * three stages below, composed.
     */
    public byte[] variableForUserProtobufPreallocated(byte[] params) {
        return readProtobufResult(runProtobufPreallocated(writeProtobufRequest(params)));
    }

    /**
     * Copy in: writes {@code VariableForUserParams_PB} bytes into the Uint8Array pinned for
     * {@code variableForUser_PB_Preallocated} (regrown when too small); returns their length.
     */
    public int writeProtobufRequest(byte[] params) {
        return preallocated.writeProtobufRequest(params);
    }

    /**
     * The core's own work: {@code variableForUser_PB_Preallocated} on the first {@code length} bytes
     * last written ({@link #writeProtobufRequest}). Returns the result Uint8Array's address unread, 0
     * for null; read it ({@link #readProtobufResult}) before the next call into the core.
     */
    public int runProtobufPreallocated(int length) {
        return preallocated.runProtobuf(length);
    }

    /** Copy out: the {@code SDKVariable_PB} bytes at {@code ptr} (from {@link #runProtobufPreallocated}), null for 0. */
    public byte[] readProtobufResult(int ptr) {
        return memory.liftUint8Array(ptr);
    }

    /**
     * {@code variableForUser} with the user JSON made and pinned once per holder (a bound user,
     * compared by identity): only the key is lowered per lookup while the same holder's lookups
     * follow each other on this instance.
     */
    public String variableForHeldUser(Object holder, String sdkKey, String userJson, String key, int typeIndex) {
        return preallocated.variableForHeldUser(holder, sdkKey, userJson, key, typeIndex);
    }

    /**
     * {@code variableForUserPreallocated} with the holder's user JSON left in the pinned user string:
     * only the key is written per lookup while no other request has overwritten it.
     */
    public String variableForHeldUserPreallocated(Object holder, String sdkKey, String userJson, String key,
            int typeIndex) {
        return preallocated.variableForHeldUserPreallocated(holder, sdkKey, userJson, key, typeIndex);
    }

    /**
     * {@code variableForUser_PB_Preallocated} on {@code userPart} followed by {@code keyPart} (two halves
     * of one {@code VariableForUserParams_PB}: fields may come in any order), with the holder's
     * {@code userPart} left in the pinned buffer: only {@code keyPart} is written per lookup while no
     * other request has overwritten it.
     */
    public byte[] variableForHeldUserProtobuf(Object holder, byte[] userPart, byte[] keyPart) {
        return preallocated.variableForHeldUserProtobuf(holder, userPart, keyPart);
    }

    @Override
    public void close() {
        calls.close();
    }
}

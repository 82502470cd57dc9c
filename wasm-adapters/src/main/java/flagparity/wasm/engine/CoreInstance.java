package flagparity.wasm.engine;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import flagparity.reference.api.EvaluationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One instance of the core on one engine. Not thread-safe. A call that makes the core abort throws
 * {@link CoreAbortException}, one that runs past its deadline {@link CallDeadlineException}; after
 * that, or after any other trap, the instance is unusable
 * ({@link #usable()} is false) and must be thrown away: the core's shadow stack is left unwound.
 *
 * <p>Still long (memory and strings, the ABI calls, life cycle and faults, preallocated requests
 * and the test-hook calls at once): its split by concern is the series in {@code wip/arch-split},
 * not landed yet because graalwasm's engine extends this class (ARCHITECTURE.md, still to do).
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
public abstract class CoreInstance implements AutoCloseable {
    /** GraalWasm's module class, in the {@code graalwasm} module (built on JDK 21+ only), so loaded by name. */
    public static final String GRAALWASM_MODULE = "flagparity.wasm.engine.GraalWasmModule";
    private static final Logger CORE_LOG = Logger.getLogger("flagparity.wasm.core");

    static final int ARRAY_BUFFER_ID = 1;
    static final int STRING_ID = 2;
    static final int UINT8ARRAY_ID = 9;
    private static final int MIN_PREALLOCATED = 512;

    private final CoreModule module;
    private final Clock clock;
    private final Map<String, Integer> pinnedKeys = new HashMap<>();
    private final Map<String, Export> genericExports = new HashMap<>();
    private CoreAbortException pendingAbort;
    private boolean broken;
    private boolean closed;

    private Export fnNew;
    private Export fnPin;
    private Export fnUnpin;
    private Export fnCollect;
    private Export fnSetArgumentsLength;
    private Export fnSetPlatformData;
    private Export fnSetConfig;
    private Export fnSetClientCustomData;
    private Export fnVariableForUser;
    private Export fnVariableForUserPreallocated;
    private Export fnVariableForUserPb;
    private Export fnVariableForUserPbPreallocated;
    private Export fnBucketedConfig;
    private Export fnMurmurhash;

    private int userBuffer;
    private int userBufferChars;
    private int keyBuffer;
    private int keyBufferChars;
    private int pbHeader;
    private int pbData;
    private int pbCapacity;
    /** The bound users whose requests are in memory ({@link #variableForHeldUser} and the two after it), or null. */
    private Object heldUserHolder;
    private int heldUser;
    private Object preallocatedUserHolder;
    private Object pbUserHolder;

    private final long lookupNanos;
    private final long configNanos;
    /** The deadline of the export calls under way: {@link #lookupNanos} but while a whole config is worked on. */
    private long deadlineNanos;

    CoreInstance(CoreModule module, Clock clock, CallDeadlines deadlines) {
        this.module = module;
        this.clock = clock;
        this.lookupNanos = deadlines.lookup().toNanos();
        this.configNanos = deadlines.config().toNanos();
        this.deadlineNanos = lookupNanos;
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
        CoreInstance instance = CoreModule.load(engine, build, wasmOrNull, deadlines.enforced())
                .instantiate(clock, deadlines);
        instance.bindExports();
        return instance;
    }

    private void bindExports() {
        fnNew = export("__new");
        fnPin = export("__pin");
        fnUnpin = export("__unpin");
        fnCollect = export("__collect");
        fnSetArgumentsLength = export("__setArgumentsLength");
        fnSetPlatformData = export("setPlatformDataUTF8");
        fnSetConfig = export("setConfigDataUTF8");
        fnSetClientCustomData = export("setClientCustomDataUTF8");
        fnVariableForUser = export("variableForUser");
        fnVariableForUserPreallocated = export("variableForUserPreallocated");
        fnVariableForUserPb = export("variableForUser_PB");
        fnVariableForUserPbPreallocated = export("variableForUser_PB_Preallocated");
        fnBucketedConfig = export("generateBucketedConfigForUser");
        fnMurmurhash = export("murmurhashV3");
    }

    // ---- engine primitives ----

    /** A handle on one exported function: arguments and the result as raw Wasm values (f64 as bits). */
    interface Export {
        /** The first result, or 0 for none. */
        long call(long... args);
    }

    /**
     * Looks up export {@code name} once; {@code type} is its signature. A call of it may run
     * {@link #callDeadlineNanos()}; one stopped there throws {@link DeadlineExceeded}.
     */
    abstract Export lookup(String name, FunctionType type);

    /** How long the export call about to start may run, in nanoseconds. */
    final long callDeadlineNanos() {
        return deadlineNanos;
    }

    /** Thrown by an engine's export call that it stopped at its deadline. */
    static final class DeadlineExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String export;

        DeadlineExceeded(String export, Throwable cause) {
            super(export + " stopped at its deadline", cause);
            this.export = export;
        }
    }

    abstract int readInt(int address);

    abstract void writeInt(int address, int value);

    abstract byte[] readBytes(int address, int length);

    abstract void writeBytes(int address, byte[] bytes, int offset, int length);

    /** Pages (64 KiB) of linear memory. */
    public abstract int memoryPages();

    /** Releases the engine's resources for this instance. */
    abstract void release();

    // ---- host imports (created once per instance by the engine; they call these) ----

    /**
     * The core's {@code abort}. AssemblyScript's shadow-stack check aborts at 1:1 with a message and
     * file name the compiler laid out after the module's data and never wrote ("stack overflow"), so
     * whatever the heap now holds there is not read: a file name past the static data is that check.
     */
    final void hostAbort(int message, int file, int line, int column) {
        CoreAbortException e = line == 1 && column == 1 && (file & 0xFFFFFFFFL) >= module.staticDataEnd()
                ? CoreAbortException.forStackOverflow()
                : new CoreAbortException(liftStringQuietly(message), liftStringQuietly(file), line, column);
        pendingAbort = e;
        throw e;
    }

    final double hostDateNow() {
        return clock.millis();
    }

    final void hostConsoleLog(int message) {
        // FINE: some of the core's warnings fire on every lookup of a badly typed filter.
        if (CORE_LOG.isLoggable(Level.FINE)) {
            CORE_LOG.fine(liftStringQuietly(message));
        }
    }

    /** Seeds the core's Math.random (used only for event ids): from the injected clock, so runs repeat. */
    final double hostSeed() {
        return clock.millis();
    }

    private String liftStringQuietly(int ptr) {
        try {
            return liftString(ptr);
        } catch (RuntimeException e) {
            return "<unreadable string at " + ptr + ">";
        }
    }

    // ---- calls ----

    private Export export(String name) {
        return lookup(name, module.exportType(name));
    }

    private long invoke(Export fn, long... args) {
        if (closed) {
            throw new IllegalStateException("this core instance is closed");
        }
        if (broken) {
            throw new IllegalStateException("this core instance trapped earlier and cannot be used");
        }
        try {
            return fn.call(args);
        } catch (DeadlineExceeded e) {
            broken = true;
            pendingAbort = null;
            throw new CallDeadlineException(e.export, java.time.Duration.ofNanos(deadlineNanos), e.getCause());
        } catch (RuntimeException | StackOverflowError e) {
            broken = true;
            CoreAbortException abort = pendingAbort;
            pendingAbort = null;
            if (abort != null) {
                throw abort;
            }
            if (stackExhausted(e)) {
                throw new EvaluationException("the engine's call stack ran out inside the core (input nested too"
                        + " deeply?): " + e, e);
            }
            throw new EvaluationException("the core trapped: " + e, e);
        }
    }

    /**
     * Whether the engine's own stack ran out before the core's check: the JVM's under Chicory (which
     * reports "call stack exhausted"), the stack wasmtime allows wasm (trap STACK_OVERFLOW).
     */
    private static boolean stackExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof StackOverflowError || message.contains("call stack exhausted")
                    || message.contains("STACK_OVERFLOW")) {
                return true;
            }
        }
        return false;
    }

    /** False once the core aborted or trapped, or the instance was closed. */
    public boolean usable() {
        return !broken && !closed;
    }

    private int newString(String s) {
        int ptr = (int) invoke(fnNew, (long) s.length() << 1, STRING_ID);
        writeChars(ptr, s);
        return ptr;
    }

    private void writeChars(int ptr, String s) {
        int n = s.length();
        byte[] utf16 = new byte[n << 1];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            utf16[i << 1] = (byte) c;
            utf16[(i << 1) + 1] = (byte) (c >>> 8);
        }
        writeBytes(ptr, utf16, 0, utf16.length);
    }

    /** The AssemblyScript string at {@code ptr}, code unit for code unit, or null for 0. */
    private String liftString(int ptr) {
        if (ptr == 0) {
            return null;
        }
        int byteLength = readInt(ptr - 4);
        byte[] utf16 = readBytes(ptr, byteLength);
        char[] chars = new char[byteLength >>> 1];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((utf16[i << 1] & 0xFF) | (utf16[(i << 1) + 1] & 0xFF) << 8);
        }
        return new String(chars);
    }

    /** A new Uint8Array holding {@code data}; unpinned, so it must be the last value lowered before the call. */
    private int newUint8Array(byte[] data) {
        int buffer = (int) invoke(fnNew, data.length, ARRAY_BUFFER_ID);
        invoke(fnPin, buffer);
        int header = (int) invoke(fnNew, 12, UINT8ARRAY_ID);
        writeInt(header, buffer);
        writeInt(header + 4, buffer);
        writeInt(header + 8, data.length);
        writeBytes(buffer, data, 0, data.length);
        invoke(fnUnpin, buffer);
        return header;
    }

    private byte[] liftUint8Array(int ptr) {
        if (ptr == 0) {
            return null;
        }
        return readBytes(readInt(ptr + 4), readInt(ptr + 8));
    }

    /** The SDK key as a string pinned for the life of the instance (it goes into every lookup). */
    private int pinnedKey(String sdkKey) {
        Integer ptr = pinnedKeys.get(sdkKey);
        if (ptr == null) {
            ptr = newString(sdkKey);
            invoke(fnPin, ptr);
            pinnedKeys.put(sdkKey, ptr);
        }
        return ptr;
    }

    // ---- the core's API ----

    public void setPlatformData(String json) {
        int bytes = newUint8Array(json.getBytes(StandardCharsets.UTF_8));
        underConfigDeadline(() -> invoke(fnSetPlatformData, bytes));
    }

    /** {@code setConfigDataUTF8}; aborts (throws {@link CoreAbortException}) on a config the core rejects. */
    public void setConfig(String sdkKey, String json) {
        int key = pinnedKey(sdkKey);
        int bytes = newUint8Array(json.getBytes(StandardCharsets.UTF_8));
        underConfigDeadline(() -> invoke(fnSetConfig, key, bytes));
    }

    /**
     * Runs {@code call} (the export call of a setter) with the config deadline: the setters run when an
     * instance is built, and a cold JVM's first run of them took over 100 ms on the interpreter here.
     */
    private long underConfigDeadline(java.util.function.LongSupplier call) {
        deadlineNanos = configNanos;
        try {
            return call.getAsLong();
        } finally {
            deadlineNanos = lookupNanos;
        }
    }

    /** {@code setClientCustomDataUTF8}; aborts when the JSON is not an object. */
    public void setClientCustomData(String sdkKey, String json) {
        int key = pinnedKey(sdkKey);
        int bytes = newUint8Array(json.getBytes(StandardCharsets.UTF_8));
        underConfigDeadline(() -> invoke(fnSetClientCustomData, key, bytes));
    }

    /** {@code variableForUser} without event tracking: the variable JSON, or {@code null}. */
    public String variableForUser(String sdkKey, String userJson, String key, int typeIndex) {
        int sdk = pinnedKey(sdkKey);
        int user = newString(userJson);
        invoke(fnPin, user);
        try {
            int variableKey = newString(key);
            return liftString((int) invoke(fnVariableForUser, sdk, user, variableKey, typeIndex, 0));
        } finally {
            if (usable()) {
                invoke(fnUnpin, user);
            }
        }
    }

    /**
     * {@code variableForUserPreallocated}: as {@link #variableForUser}, but the user and key are written
     * into strings pinned once per instance, so a lookup is a single export call. The three stages
     * below, composed.
     */
    public String variableForUserPreallocated(String sdkKey, String userJson, String key, int typeIndex) {
        writeJsonRequest(userJson, key);
        return readJsonResult(runJsonPreallocated(sdkKey, userJson.length(), key.length(), typeIndex));
    }

    /**
     * Copy in: writes {@code userJson} and {@code key} as UTF-16 into the strings pinned for
     * {@code variableForUserPreallocated} (regrown when too small). No export runs unless they regrow.
     */
    public void writeJsonRequest(String userJson, String key) {
        writeJsonUser(userJson);
        preallocatedUserHolder = null;
        writeJsonKey(key);
    }

    private void writeJsonUser(String userJson) {
        if (userJson.length() > userBufferChars) {
            int chars = Math.max(Math.max(userJson.length(), userBufferChars * 2), MIN_PREALLOCATED);
            userBuffer = regrowString(userBuffer, chars);
            userBufferChars = chars;
        }
        writeChars(userBuffer, userJson);
    }

    private void writeJsonKey(String key) {
        if (key.length() > keyBufferChars) {
            int chars = Math.max(Math.max(key.length(), keyBufferChars * 2), MIN_PREALLOCATED / 4);
            keyBuffer = regrowString(keyBuffer, chars);
            keyBufferChars = chars;
        }
        writeChars(keyBuffer, key);
    }

    /**
     * The core's own work: {@code variableForUserPreallocated} on the first {@code userChars} and
     * {@code keyChars} code units of the request last written ({@link #writeJsonRequest}). Returns the
     * result string's address unread, 0 for null; the core does not keep it alive, so read it
     * ({@link #readJsonResult}) before the next call into the core.
     */
    public int runJsonPreallocated(String sdkKey, int userChars, int keyChars, int typeIndex) {
        if (userChars < 0 || userChars > userBufferChars || keyChars < 0 || keyChars > keyBufferChars) {
            throw new IllegalArgumentException("the request is " + userChars + " + " + keyChars
                    + " chars but only " + userBufferChars + " + " + keyBufferChars + " were written");
        }
        return (int) invoke(fnVariableForUserPreallocated, pinnedKey(sdkKey), userBuffer, userChars,
                keyBuffer, keyChars, typeIndex, 0);
    }

    /** Copy out: the variable JSON string at {@code ptr} (from {@link #runJsonPreallocated}), null for 0. */
    public String readJsonResult(int ptr) {
        return liftString(ptr);
    }

    private int regrowString(int old, int chars) {
        int ptr = (int) invoke(fnNew, (long) chars << 1, STRING_ID);
        invoke(fnPin, ptr);
        if (old != 0) {
            invoke(fnUnpin, old);
        }
        return ptr;
    }

    /** {@code variableForUser_PB}: {@code VariableForUserParams_PB} bytes in, {@code SDKVariable_PB} bytes or null out. */
    public byte[] variableForUserProtobuf(byte[] params) {
        return liftUint8Array((int) invoke(fnVariableForUserPb, newUint8Array(params)));
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
        ensurePbCapacity(params.length);
        pbUserHolder = null;
        writeBytes(pbData, params, 0, params.length);
        return params.length;
    }

    private void ensurePbCapacity(int length) {
        if (length > pbCapacity) {
            regrowPbBuffer(Math.max(Math.max(length, pbCapacity * 2), MIN_PREALLOCATED));
            pbUserHolder = null;
        }
    }

    /**
     * The core's own work: {@code variableForUser_PB_Preallocated} on the first {@code length} bytes
     * last written ({@link #writeProtobufRequest}). Returns the result Uint8Array's address unread, 0
     * for null; read it ({@link #readProtobufResult}) before the next call into the core.
     */
    public int runProtobufPreallocated(int length) {
        if (length < 0 || length > pbCapacity) {
            throw new IllegalArgumentException("the request is " + length + " bytes but only " + pbCapacity
                    + " were written");
        }
        return (int) invoke(fnVariableForUserPbPreallocated, pbHeader, length);
    }

    /** Copy out: the {@code SDKVariable_PB} bytes at {@code ptr} (from {@link #runProtobufPreallocated}), null for 0. */
    public byte[] readProtobufResult(int ptr) {
        return liftUint8Array(ptr);
    }

    private void regrowPbBuffer(int capacity) {
        int buffer = (int) invoke(fnNew, capacity, ARRAY_BUFFER_ID);
        invoke(fnPin, buffer);
        int header = (int) invoke(fnNew, 12, UINT8ARRAY_ID);
        writeInt(header, buffer);
        writeInt(header + 4, buffer);
        writeInt(header + 8, capacity);
        invoke(fnPin, header);
        invoke(fnUnpin, buffer);
        if (pbHeader != 0) {
            invoke(fnUnpin, pbHeader);
        }
        pbHeader = header;
        pbData = buffer;
        pbCapacity = capacity;
    }

    // ---- a user kept in linear memory across lookups (Evaluator.forUser) ----
    // The holder is the caller's bound user, compared by identity; an instance keeps one at a time
    // per entry point, so another holder (or a plain lookup into the same buffer) writes its own.

    /**
     * {@code variableForUser} with the user JSON made and pinned once per holder: only the key is
     * lowered per lookup while the same holder's lookups follow each other on this instance.
     */
    public String variableForHeldUser(Object holder, String sdkKey, String userJson, String key, int typeIndex) {
        int sdk = pinnedKey(sdkKey);
        if (heldUserHolder != holder) {
            int user = newString(userJson);
            invoke(fnPin, user);
            if (heldUser != 0) {
                invoke(fnUnpin, heldUser);
            }
            heldUser = user;
            heldUserHolder = holder;
        }
        int variableKey = newString(key);
        return liftString((int) invoke(fnVariableForUser, sdk, heldUser, variableKey, typeIndex, 0));
    }

    /**
     * {@code variableForUserPreallocated} with the holder's user JSON left in the pinned user string:
     * only the key is written per lookup while no other request has overwritten it.
     */
    public String variableForHeldUserPreallocated(Object holder, String sdkKey, String userJson, String key,
            int typeIndex) {
        if (preallocatedUserHolder != holder) {
            writeJsonUser(userJson);
            preallocatedUserHolder = holder;
        }
        writeJsonKey(key);
        return readJsonResult(runJsonPreallocated(sdkKey, userJson.length(), key.length(), typeIndex));
    }

    /**
     * {@code variableForUser_PB_Preallocated} on {@code userPart} followed by {@code keyPart} (two halves
     * of one {@code VariableForUserParams_PB}: fields may come in any order), with the holder's
     * {@code userPart} left in the pinned buffer: only {@code keyPart} is written per lookup while no
     * other request has overwritten it.
     */
    public byte[] variableForHeldUserProtobuf(Object holder, byte[] userPart, byte[] keyPart) {
        int length = userPart.length + keyPart.length;
        ensurePbCapacity(length);
        if (pbUserHolder != holder) {
            writeBytes(pbData, userPart, 0, userPart.length);
            pbUserHolder = holder;
        }
        writeBytes(pbData + userPart.length, keyPart, 0, keyPart.length);
        return readProtobufResult(runProtobufPreallocated(length));
    }

    /** {@code generateBucketedConfigForUser}; it walks the whole config, so it has the config deadline. */
    public String generateBucketedConfigForUser(String sdkKey, String userJson) {
        int sdk = pinnedKey(sdkKey);
        int user = newString(userJson);
        return liftString((int) underConfigDeadline(() -> invoke(fnBucketedConfig, sdk, user)));
    }

    /** The core's murmurhash3 (x86, 32-bit) of {@code key}; seed and result are u32 values. */
    public long murmurhashV3(String key, long seed) {
        return invoke(fnMurmurhash, newString(key), (int) seed) & 0xFFFFFFFFL;
    }

    /** Runs a full garbage collection of the core's heap ({@code __collect}). */
    public void collect() {
        invoke(fnCollect);
    }

    // ---- generic calls, for the test-hook exports ----

    /**
     * Calls an export taking strings (or null) and numbers and returning a string (or null). A
     * {@link String} or null goes in as an AssemblyScript string; a {@link Boolean} as 0 or 1; a
     * {@link Number} as the parameter's type (i32, i64, f32, f64). Trailing arguments may be left out:
     * an export with optional parameters (such as {@code evaluateOperatorFromJSON}'s audiences) then
     * uses their defaults, any other gets 0.
     */
    public String callForString(String export, Object... args) {
        return liftString((int) callGeneric(export, args));
    }

    /** Calls an export returning a bool. */
    public boolean callForBoolean(String export, Object... args) {
        return callGeneric(export, args) != 0;
    }

    /** Calls an export returning a number: an f64, or an i32 read as unsigned, or an i64. */
    public double callForDouble(String export, Object... args) {
        FunctionType type = module.exportType(export);
        long raw = callGeneric(export, args);
        ValType result = type.returns().isEmpty() ? null : type.returns().get(0);
        if (ValType.F64.equals(result)) {
            return Double.longBitsToDouble(raw);
        }
        if (ValType.I32.equals(result)) {
            return raw & 0xFFFFFFFFL;
        }
        return raw;
    }

    private long callGeneric(String name, Object[] args) {
        FunctionType type = module.exportType(name);
        List<ValType> params = type.params();
        if (args.length > params.size()) {
            throw new IllegalArgumentException(name + " takes " + params.size() + " arguments, not " + args.length);
        }
        Export fn = genericExports.computeIfAbsent(name, this::export);
        long[] raw = new long[params.size()];
        int[] pinned = new int[args.length];
        int pins = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                ValType p = params.get(i);
                if (a == null) {
                    raw[i] = 0;
                } else if (a instanceof String) {
                    int ptr = newString((String) a);
                    invoke(fnPin, ptr);
                    pinned[pins++] = ptr;
                    raw[i] = ptr;
                } else if (a instanceof Boolean) {
                    raw[i] = (Boolean) a ? 1 : 0;
                } else if (a instanceof Number && ValType.F64.equals(p)) {
                    raw[i] = Double.doubleToRawLongBits(((Number) a).doubleValue());
                } else if (a instanceof Number && ValType.F32.equals(p)) {
                    raw[i] = Float.floatToRawIntBits(((Number) a).floatValue());
                } else if (a instanceof Number) {
                    raw[i] = ValType.I32.equals(p) ? ((Number) a).intValue() : ((Number) a).longValue();
                } else {
                    throw new IllegalArgumentException("cannot pass a " + a.getClass().getSimpleName() + " to " + name);
                }
            }
            // Exports with optional parameters fill those past this count with their defaults.
            invoke(fnSetArgumentsLength, args.length);
            return invoke(fn, raw);
        } finally {
            for (int i = 0; i < pins && usable(); i++) {
                invoke(fnUnpin, pinned[i]);
            }
        }
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }
}

package flagparity.wasm;

import flagparity.reference.api.CoreGarbageCollection;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.Health;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.api.UserEvaluator;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.engine.CallDeadlineException;
import flagparity.wasm.engine.CallDeadlines;
import flagparity.wasm.engine.CoreBuild;
import flagparity.wasm.engine.Engine;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;

/**
 * DevCycle's Wasm core behind {@link Evaluator}, on one engine, codec and concurrency strategy: the
 * codec paths (a lookup's request encoded and its result decoded outside any lock, see
 * {@link Codec}) and bound users here; the instances, their locking, updates and the recovery after
 * an abort or a stopped call in {@link CoreSlots}; the Wasm ABI in {@code flagparity.wasm.engine},
 * the protobuf encodings in {@link ProtobufMessages}.
 *
 * <h2>Memory</h2>
 * The core's incremental GC runs a step whenever it allocates, and every lookup allocates, so a
 * lookup's garbage is reclaimed by the lookups after it: linear memory stayed at its 100-page minimum
 * over 1,000,000 lookups (handwritten test config, three users, ten keys) on wasmtime (json,
 * protobuf-preallocated), chicory-aot (json, protobuf) and chicory-compiler (json-preallocated);
 * {@code MemoryTest} is the short version. So by default {@code __collect} is never called: a full
 * collection would only add an export call (and a pause) to some lookups. To measure what full
 * collections cost and when they are best run, {@link Builder#collectEvery} runs one on an instance
 * after every n-th lookup it answers, and {@link #collectCoreGarbage()} runs one on every idle instance.
 */
public final class WasmEvaluator implements Evaluator, CoreGarbageCollection, Health {
    private static final String SDK_KEY = CoreSlots.SDK_KEY;

    private final Codec codec;
    private final CoreBuild build;
    private final CoreSlots slots;

    private WasmEvaluator(Builder b) {
        this.codec = b.codec;
        this.build = b.core;
        CoreRecipe recipe = new CoreRecipe(b.engine, b.core,
                b.deadlines != null ? b.deadlines : CallDeadlines.defaultFor(b.engine), b.wasmFile, b.clock,
                JsonCodec.writePlatformData(b.platformData != null ? b.platformData : PlatformData.javaSdkDefault()));
        this.slots = new CoreSlots(recipe, b.concurrency == Concurrency.MUTEX ? 1 : b.poolSize, b.collectEvery);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Variable variable(User user, String key, VariableType type) {
        checkLookup(user, key, type);
        Codec route = codec.route(user, build);
        if (route.json()) {
            return CoreVariableJson.parse(lookupJson(route, user, key, type));
        }
        return ProtobufMessages.variable(lookupProtobuf(route, user, key, type));
    }

    /**
     * The variable in the JSON form the core writes, or null. On the JSON codecs this is the core's own
     * text; the protobuf codecs have no JSON, so the decoded variable is written in the same form
     * ({@link JsonCodec#writeVariable}).
     */
    public String variableJson(User user, String key, VariableType type) {
        checkLookup(user, key, type);
        Codec route = codec.route(user, build);
        if (route.json()) {
            return lookupJson(route, user, key, type);
        }
        Variable v = ProtobufMessages.variable(lookupProtobuf(route, user, key, type));
        return v == null ? null : JsonCodec.writeVariable(v);
    }

    private static void checkLookup(User user, String key, VariableType type) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
    }

    private String lookupJson(Codec route, User user, String key, VariableType type) {
        String userJson = JsonCodec.userJson(user);
        int typeIndex = type.index();
        return slots.onSlot(core -> route == Codec.JSON
                ? core.variableForUser(SDK_KEY, userJson, key, typeIndex)
                : core.variableForUserPreallocated(SDK_KEY, userJson, key, typeIndex));
    }

    private byte[] lookupProtobuf(Codec route, User user, String key, VariableType type) {
        byte[] request = ProtobufMessages.request(SDK_KEY, user, key, type);
        return slots.onSlot(core -> route == Codec.PROTOBUF
                ? core.variableForUserProtobuf(request)
                : core.variableForUserProtobufPreallocated(request));
    }

    /**
     * The user encoded once for this evaluator's codec and, per core instance, moved into linear
     * memory once while its lookups follow each other there: on {@code json} a pinned string passed to
     * {@code variableForUser}, on {@code json-preallocated} and {@code protobuf-preallocated} the user
     * left in the pinned request buffer with only the key written per lookup. {@code protobuf} has no
     * entry point that takes a length, so there the request is copied whole per lookup, from the user
     * half encoded once. The core still decodes the user on every lookup: it has no entry point that
     * keeps a decoded one.
     */
    @Override
    public UserEvaluator forUser(User user) {
        Objects.requireNonNull(user, "user");
        Codec route = codec.route(user, build);
        return route.json() ? new JsonBoundUser(route, JsonCodec.userJson(user)) : new ProtobufBoundUser(route, user);
    }

    /** A user bound on a JSON codec: its JSON text, written once. */
    private final class JsonBoundUser implements UserEvaluator {
        private final Codec route;
        private final String userJson;

        JsonBoundUser(Codec route, String userJson) {
            this.route = route;
            this.userJson = userJson;
        }

        @Override
        public Variable variable(String key, VariableType type) {
            Objects.requireNonNull(key, "key");
            int typeIndex = Objects.requireNonNull(type, "type").index();
            return CoreVariableJson.parse(slots.onSlot(core -> route == Codec.JSON
                    ? core.variableForHeldUser(this, SDK_KEY, userJson, key, typeIndex)
                    : core.variableForHeldUserPreallocated(this, SDK_KEY, userJson, key, typeIndex)));
        }
    }

    /** A user bound on a protobuf codec: the user half of its requests, encoded once. */
    private final class ProtobufBoundUser implements UserEvaluator {
        private final Codec route;
        private final byte[] userPart;

        ProtobufBoundUser(Codec route, User user) {
            this.route = route;
            this.userPart = ProtobufMessages.userPart(SDK_KEY, user);
        }

        @Override
        public Variable variable(String key, VariableType type) {
            Objects.requireNonNull(key, "key");
            byte[] keyPart = ProtobufMessages.keyPart(key, Objects.requireNonNull(type, "type"));
            return ProtobufMessages.variable(slots.onSlot(core -> route == Codec.PROTOBUF
                    ? core.variableForUserProtobuf(concat(userPart, keyPart))
                    : core.variableForHeldUserProtobuf(this, userPart, keyPart)));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Runs a full collection of the core's heap ({@code __collect}) on every instance no other thread
     * is using right now; busy ones are skipped, so a caller with time to spare never waits for a
     * lookup. Returns how many instances were collected.
     */
    @Override
    public int collectCoreGarbage() {
        return slots.collectIdle();
    }

    @Override
    public String bucketedConfig(User user) {
        return slots.bucketedConfig(JsonCodec.userJson(Objects.requireNonNull(user, "user")));
    }

    @Override
    public void setConfig(String configJson) {
        slots.setConfig(Objects.requireNonNull(configJson, "configJson"));
    }

    @Override
    public void setClientCustomData(String customDataJson) {
        slots.setClientCustomData(Objects.requireNonNull(customDataJson, "customDataJson"));
    }

    /** The core this evaluator runs. */
    public CoreBuild core() {
        return build;
    }

    /** How many instances were thrown away and rebuilt after a core abort or trap. */
    public long instancesReplaced() {
        return slots.replaced();
    }

    @Override
    public String trouble() {
        long n = slots.replaced();
        return n == 0 ? null : "the core aborted and " + n
                + " instance(s) were rebuilt during the run; the timings include the rebuilds";
    }

    /** How many full collections of a core's heap ran ({@link Builder#collectEvery}, {@link #collectCoreGarbage()}). */
    @Override
    public long coreCollections() {
        return slots.collections();
    }

    /** The largest linear memory, in 64 KiB pages, of this evaluator's instances. */
    public int memoryPages() {
        return slots.memoryPages();
    }

    @Override
    public void close() {
        slots.close();
    }

    /** Builds a {@link WasmEvaluator}; every setting has a default. */
    public static final class Builder {
        private Engine engine = Engine.CHICORY_AOT;
        private CoreBuild core = CoreBuild.newest();
        private Codec codec = Codec.DEFAULT;
        private CallDeadlines deadlines;
        private Concurrency concurrency = Concurrency.MUTEX;
        private int poolSize = Runtime.getRuntime().availableProcessors();
        private Path wasmFile;
        private PlatformData platformData;
        private Clock clock = Clock.systemUTC();
        private int collectEvery;

        private Builder() {}

        public Builder engine(Engine v) { this.engine = Objects.requireNonNull(v); return this; }
        public Builder codec(Codec v) { this.codec = Objects.requireNonNull(v); return this; }
        /** The built-in core to run (default {@link CoreBuild#newest()}). */
        public Builder core(CoreBuild v) { this.core = Objects.requireNonNull(v); return this; }
        /** DevCycle's build of {@code v}. */
        public Builder core(CoreVersion v) { return core(CoreBuild.of(v)); }

        /**
         * How long a call into an instance may run (default {@link CallDeadlines#defaultFor} the engine); one past it
         * throws {@link CallDeadlineException} and its instance is replaced, as after an abort.
         */
        public Builder deadlines(CallDeadlines v) { this.deadlines = Objects.requireNonNull(v); return this; }
        public Builder concurrency(Concurrency v) { this.concurrency = Objects.requireNonNull(v); return this; }

        /** Instances in a {@link Concurrency#POOL} (default: available processors). */
        public Builder poolSize(int v) {
            if (v < 1) throw new IllegalArgumentException("poolSize must be at least 1, not " + v);
            this.poolSize = v;
            return this;
        }

        /** Another core to run instead of the built-in one (not with {@link Engine#CHICORY_AOT}). */
        public Builder wasmFile(Path v) { this.wasmFile = v; return this; }
        /** Default {@link PlatformData#javaSdkDefault()}. */
        public Builder platformData(PlatformData v) { this.platformData = v; return this; }
        /** The clock the core's {@code Date.now} reads (it decides rollouts). */
        public Builder clock(Clock v) { this.clock = Objects.requireNonNull(v); return this; }

        /**
         * A full collection of the core's heap ({@code __collect}) on an instance after every
         * {@code n}-th lookup it answers, inside that lookup's call; 0 (the default) never.
         */
        public Builder collectEvery(int n) {
            if (n < 0) throw new IllegalArgumentException("collectEvery must be >= 0 (0 = never), not " + n);
            this.collectEvery = n;
            return this;
        }

        public WasmEvaluator build() {
            return new WasmEvaluator(this);
        }
    }
}

package flagparity.wasm;

import flagparity.reference.api.ConfigException;
import flagparity.reference.api.CoreGarbageCollection;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.Health;
import flagparity.reference.api.InvalidUserException;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.api.UserEvaluator;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.engine.CallDeadlineException;
import flagparity.wasm.engine.CallDeadlines;
import flagparity.wasm.engine.CoreAbortException;
import flagparity.wasm.engine.CoreBuild;
import flagparity.wasm.engine.CoreInstance;
import flagparity.wasm.engine.Engine;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * DevCycle's Wasm core behind {@link Evaluator}, on one engine, codec and concurrency strategy.
 *
 * <p>Why one long class: the slots, the update fan-out, abort recovery and bound users share one
 * locking protocol (which lock guards which slot field, when an instance may be swapped or rebuilt);
 * split apart, its invariants would have to be read across files. The Wasm ABI itself lives in
 * {@code flagparity.wasm.engine}, the codecs' encodings in {@link ProtobufMessages}.
 *
 * <h2>Instances and locking</h2>
 * A core instance is single-threaded. The evaluator holds one ({@link Concurrency#MUTEX}) or N
 * ({@link Concurrency#POOL}) slots, each an instance behind its own lock; a lookup runs wholly on one
 * slot, so it sees the one whole config that slot holds. Requests are encoded and results decoded
 * outside the lock.
 *
 * <h2>Updates</h2>
 * Updates are serialised. A new config is loaded into a fresh instance off to the side (the core
 * parses it there: hundreds of ms on Chicory) and swapped into a slot under its lock in
 * microseconds, one slot at a time, so lookups never wait for a parse; the first fresh instance
 * also validates the config, and if the core rejects it nothing has been swapped. While an update is
 * fanned out, one thread's consecutive lookups may land on a new slot and then an old one; once
 * {@code setConfig} returns, every lookup sees the new config. Client custom data is cheap to set,
 * so it is set in place, slot by slot, under each slot's lock.
 *
 * <h2>Aborts and deadlines</h2>
 * A core abort leaves an instance unusable (its shadow stack is not unwound), and so does a call
 * stopped at its deadline ({@link CallDeadlines}: a stuck core costs a bounded wait, not a thread).
 * The instance is discarded and rebuilt at once from the platform data, config and client custom
 * data in force, and the caller gets the {@link CoreAbortException} or {@link CallDeadlineException};
 * the other slots keep serving. A config load stopped at its deadline leaves the config in service.
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
    /** The SDK key every instance files its config under (the core keys its state by it). */
    static final String SDK_KEY = "dvc_server_flagparity";

    private static final AtomicInteger NEXT_HOME = new AtomicInteger();
    /** Each thread starts looking for a free slot at its own home slot, spreading threads over the pool. */
    private static final ThreadLocal<Integer> HOME = ThreadLocal.withInitial(NEXT_HOME::getAndIncrement);

    private final Engine engine;
    private final Codec codec;
    private final CoreBuild build;
    private final CallDeadlines deadlines;
    private final Path wasmFile;
    private final Clock clock;
    private final String platformDataJson;
    private final Slot[] slots;
    private final int collectEvery;
    private final Object updates = new Object();
    private final AtomicLong replaced = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private volatile State state = State.EMPTY;
    private volatile boolean closed;

    /** What a core holds besides platform data: the config and client custom data (either may be null). */
    private static final class State {
        static final State EMPTY = new State(null, null);
        final String config;
        final String clientCustomData;

        State(String config, String clientCustomData) {
            this.config = config;
            this.clientCustomData = clientCustomData;
        }
    }

    /** One core instance behind its lock; {@code core} is null while it must be rebuilt. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        CoreInstance core;
        State state;
        /** Lookups answered since the last full collection ({@link Builder#collectEvery}). */
        int sinceCollect;
    }

    private WasmEvaluator(Builder b) {
        this.engine = b.engine;
        this.codec = b.codec;
        this.build = b.core;
        this.deadlines = b.deadlines != null ? b.deadlines : CallDeadlines.defaultFor(b.engine);
        this.wasmFile = b.wasmFile;
        this.clock = b.clock;
        this.collectEvery = b.collectEvery;
        this.platformDataJson = JsonCodec.writePlatformData(
                b.platformData != null ? b.platformData : PlatformData.javaSdkDefault());
        int n = b.concurrency == Concurrency.MUTEX ? 1 : b.poolSize;
        this.slots = new Slot[n];
        try {
            for (int i = 0; i < n; i++) {
                slots[i] = new Slot();
                slots[i].core = build(State.EMPTY);
                slots[i].state = State.EMPTY;
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
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
        return onSlot(core -> route == Codec.JSON
                ? core.variableForUser(SDK_KEY, userJson, key, typeIndex)
                : core.variableForUserPreallocated(SDK_KEY, userJson, key, typeIndex));
    }

    private byte[] lookupProtobuf(Codec route, User user, String key, VariableType type) {
        byte[] request = ProtobufMessages.request(SDK_KEY, user, key, type);
        return onSlot(core -> route == Codec.PROTOBUF
                ? core.variableForUserProtobuf(request)
                : core.variableForUserProtobufPreallocated(request));
    }

    /** One lookup's call into the core, on a locked slot with a config. */
    private interface CoreLookup<T> {
        T run(CoreInstance core);
    }

    /** Runs {@code lookup} on a slot (null when no config is set), recovering the slot if the core fails. */
    private <T> T onSlot(CoreLookup<T> lookup) {
        Slot slot = acquire();
        try {
            CoreInstance core = ready(slot);
            if (slot.state.config == null) {
                return null;
            }
            T result = lookup.run(core);
            countLookup(slot, core);
            return result;
        } catch (EvaluationException e) {
            throw recover(slot, e);
        } finally {
            slot.lock.unlock();
        }
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
            return CoreVariableJson.parse(onSlot(core -> route == Codec.JSON
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
            return ProtobufMessages.variable(onSlot(core -> route == Codec.PROTOBUF
                    ? core.variableForUserProtobuf(concat(userPart, keyPart))
                    : core.variableForHeldUserProtobuf(this, userPart, keyPart)));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** After a lookup answered on a locked slot: a full collection every {@link #collectEvery} of them. */
    private void countLookup(Slot slot, CoreInstance core) {
        if (collectEvery > 0 && ++slot.sinceCollect >= collectEvery) {
            slot.sinceCollect = 0;
            core.collect();
            collections.incrementAndGet();
        }
    }

    /**
     * Runs a full collection of the core's heap ({@code __collect}) on every instance no other thread
     * is using right now; busy ones are skipped, so a caller with time to spare never waits for a
     * lookup. Returns how many instances were collected.
     */
    @Override
    public int collectCoreGarbage() {
        ensureOpen();
        int collected = 0;
        for (Slot slot : slots) {
            if (!slot.lock.tryLock()) {
                continue;
            }
            try {
                if (slot.core != null) {
                    slot.core.collect();
                    slot.sinceCollect = 0;
                    collections.incrementAndGet();
                    collected++;
                }
            } catch (EvaluationException e) {
                throw recover(slot, e);
            } finally {
                slot.lock.unlock();
            }
        }
        return collected;
    }

    @Override
    public String bucketedConfig(User user) {
        String userJson = JsonCodec.userJson(Objects.requireNonNull(user, "user"));
        Slot slot = acquire();
        try {
            CoreInstance core = ready(slot);
            if (slot.state.config == null) {
                throw new EvaluationException("no config has been set");
            }
            return core.generateBucketedConfigForUser(SDK_KEY, userJson);
        } catch (EvaluationException e) {
            throw recover(slot, e);
        } finally {
            slot.lock.unlock();
        }
    }

    @Override
    public void setConfig(String configJson) {
        Objects.requireNonNull(configJson, "configJson");
        synchronized (updates) {
            ensureOpen();
            State next = new State(configJson, state.clientCustomData);
            CoreInstance first;
            try {
                first = build(next);
            } catch (CoreAbortException e) {
                throw new ConfigException(message(e), e);
            } catch (EvaluationException e) {
                throw new ConfigException("the core failed on the config: " + e.getMessage(), e);
            }
            // From here a slot rebuilt after an abort gets the new config too.
            state = next;
            install(slots[0], first, next);
            for (int i = 1; i < slots.length; i++) {
                CoreInstance fresh;
                try {
                    fresh = build(next);
                } catch (EvaluationException e) {
                    fresh = null; // rebuilt on its next use
                }
                install(slots[i], fresh, next);
            }
        }
    }

    private void install(Slot slot, CoreInstance fresh, State st) {
        CoreInstance old;
        slot.lock.lock();
        try {
            if (closed) {
                old = fresh;
            } else {
                old = slot.core;
                slot.core = fresh;
                slot.state = st;
            }
        } finally {
            slot.lock.unlock();
        }
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void setClientCustomData(String customDataJson) {
        Objects.requireNonNull(customDataJson, "customDataJson");
        synchronized (updates) {
            ensureOpen();
            State next = new State(state.config, customDataJson);
            Slot first = slots[0];
            first.lock.lock();
            try {
                CoreInstance core = ready(first);
                try {
                    core.setClientCustomData(SDK_KEY, customDataJson);
                } catch (CoreAbortException e) {
                    throw new InvalidUserException(message(e), recover(first, e));
                } catch (EvaluationException e) {
                    throw recover(first, e);
                }
                state = next;
                first.state = next;
            } finally {
                first.lock.unlock();
            }
            for (int i = 1; i < slots.length; i++) {
                Slot slot = slots[i];
                slot.lock.lock();
                try {
                    CoreInstance core = ready(slot);
                    if (slot.state != next) {
                        core.setClientCustomData(SDK_KEY, customDataJson);
                        slot.state = next;
                    }
                } catch (EvaluationException e) {
                    recover(slot, e); // the rebuilt instance has the new data
                } finally {
                    slot.lock.unlock();
                }
            }
        }
    }

    /** The core's own message when it has one that says something, else the exception's account of the abort. */
    private static String message(CoreAbortException e) {
        String core = e.coreMessage();
        return core != null && !core.isBlank() ? core : e.getMessage();
    }

    /** The core this evaluator runs. */
    public CoreBuild core() {
        return build;
    }

    /** How many instances were thrown away and rebuilt after a core abort or trap. */
    public long instancesReplaced() {
        return replaced.get();
    }

    @Override
    public String trouble() {
        long n = replaced.get();
        return n == 0 ? null : "the core aborted and " + n
                + " instance(s) were rebuilt during the run; the timings include the rebuilds";
    }

    /** How many full collections of a core's heap ran ({@link Builder#collectEvery}, {@link #collectCoreGarbage()}). */
    @Override
    public long coreCollections() {
        return collections.get();
    }

    /** The largest linear memory, in 64 KiB pages, of this evaluator's instances. */
    public int memoryPages() {
        int max = 0;
        for (Slot slot : slots) {
            slot.lock.lock();
            try {
                if (slot.core != null) {
                    max = Math.max(max, slot.core.memoryPages());
                }
            } finally {
                slot.lock.unlock();
            }
        }
        return max;
    }

    @Override
    public void close() {
        closed = true;
        for (Slot slot : slots) {
            if (slot == null) {
                continue;
            }
            slot.lock.lock();
            try {
                if (slot.core != null) {
                    slot.core.close();
                    slot.core = null;
                }
            } finally {
                slot.lock.unlock();
            }
        }
    }

    // ---- slots ----

    /** Locks a slot: a free one if any (starting at the thread's home slot), else waits for the home slot. */
    private Slot acquire() {
        ensureOpen();
        int n = slots.length;
        if (n == 1) {
            slots[0].lock.lock();
            return slots[0];
        }
        int home = Math.floorMod(HOME.get(), n);
        for (int i = 0; i < n; i++) {
            Slot s = slots[(home + i) % n];
            if (s.lock.tryLock()) {
                return s;
            }
        }
        slots[home].lock.lock();
        return slots[home];
    }

    /** The slot's instance, rebuilt from the state in force if it was discarded. Call with the slot locked. */
    private CoreInstance ready(Slot slot) {
        ensureOpen();
        if (slot.core == null) {
            State st = state;
            slot.core = build(st);
            slot.state = st;
        }
        return slot.core;
    }

    /**
     * After a failed call on a locked slot: if the instance is now unusable, discards it and rebuilds
     * it at once (a failed rebuild is retried on the slot's next use). Returns {@code e} to rethrow.
     */
    private EvaluationException recover(Slot slot, EvaluationException e) {
        if (slot.core != null && !slot.core.usable()) {
            slot.core.close();
            slot.core = null;
            replaced.incrementAndGet();
            try {
                ready(slot);
            } catch (RuntimeException rebuild) {
                e.addSuppressed(rebuild);
            }
        }
        return e;
    }

    private CoreInstance build(State st) {
        CoreInstance core = CoreInstance.open(engine, build, wasmFile, clock, deadlines);
        try {
            core.setPlatformData(platformDataJson);
            if (st.config != null) {
                core.setConfig(SDK_KEY, st.config);
            }
            if (st.clientCustomData != null) {
                core.setClientCustomData(SDK_KEY, st.clientCustomData);
            }
            return core;
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this evaluator is closed");
        }
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

package flagparity.wasm;

import flagparity.reference.api.ConfigException;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.InvalidUserException;
import flagparity.wasm.engine.CallDeadlineException;
import flagparity.wasm.engine.CallDeadlines;
import flagparity.wasm.engine.CoreAbortException;
import flagparity.wasm.engine.CoreInstance;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link WasmEvaluator}'s core instances and their locking: one slot ({@link Concurrency#MUTEX})
 * or N ({@link Concurrency#POOL}), the update fan-out and the recovery after an abort, which share
 * one protocol (which lock guards which slot field, when an instance may be swapped or rebuilt), so
 * they live here together and nothing else touches a slot.
 *
 * <h2>Instances and locking</h2>
 * A core instance is single-threaded. Each slot is an instance behind its own lock; a lookup runs
 * wholly on one slot, so it sees the one whole config that slot holds. The evaluator encodes
 * requests and decodes results outside the lock.
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
 */
final class CoreSlots {
    /** The SDK key every instance files its config under (the core keys its state by it). */
    static final String SDK_KEY = "dvc_server_flagparity";

    private static final AtomicInteger NEXT_HOME = new AtomicInteger();
    /** Each thread starts looking for a free slot at its own home slot, spreading threads over the pool. */
    private static final ThreadLocal<Integer> HOME = ThreadLocal.withInitial(NEXT_HOME::getAndIncrement);

    private final CoreRecipe recipe;
    private final Slot[] slots;
    private final int collectEvery;
    private final Object updates = new Object();
    private final AtomicLong replaced = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private volatile State state = State.EMPTY;
    private volatile boolean closed;

    /** What a core holds besides platform data: the config and client custom data (either may be null). */
    private record State(String config, String clientCustomData) {
        static final State EMPTY = new State(null, null);
    }

    /** One core instance behind its lock; {@code core} is null while it must be rebuilt. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        CoreInstance core;
        State state;
        /** Lookups answered since the last full collection ({@code collectEvery}). */
        int sinceCollect;
    }

    /** {@code size} instances made by {@code recipe}, with no config yet. */
    CoreSlots(CoreRecipe recipe, int size, int collectEvery) {
        this.recipe = recipe;
        this.collectEvery = collectEvery;
        this.slots = new Slot[size];
        try {
            for (int i = 0; i < size; i++) {
                slots[i] = new Slot();
                slots[i].core = build(State.EMPTY);
                slots[i].state = State.EMPTY;
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** One lookup's call into the core, on a locked slot with a config. */
    interface CoreLookup<T> {
        T run(CoreInstance core);
    }

    /**
     * Runs {@code lookup} on a slot (null when no config is set), recovering the slot if the core
     * fails; a full collection follows every {@code collectEvery}-th lookup a slot answers.
     */
    <T> T onSlot(CoreLookup<T> lookup) {
        Slot slot = acquire();
        try {
            CoreInstance core = ready(slot);
            if (slot.state.config() == null) {
                return null;
            }
            T result = lookup.run(core);
            if (collectEvery > 0 && ++slot.sinceCollect >= collectEvery) {
                slot.sinceCollect = 0;
                core.collect();
                collections.incrementAndGet();
            }
            return result;
        } catch (EvaluationException e) {
            throw recover(slot, e);
        } finally {
            slot.lock.unlock();
        }
    }

    /** {@code generateBucketedConfigForUser} on a slot; there must be a config. */
    String bucketedConfig(String userJson) {
        Slot slot = acquire();
        try {
            CoreInstance core = ready(slot);
            if (slot.state.config() == null) {
                throw new EvaluationException("no config has been set");
            }
            return core.generateBucketedConfigForUser(SDK_KEY, userJson);
        } catch (EvaluationException e) {
            throw recover(slot, e);
        } finally {
            slot.lock.unlock();
        }
    }

    /** Runs {@code __collect} on every idle instance (busy ones are skipped); returns how many. */
    int collectIdle() {
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

    /** Loads {@code configJson} into fresh instances and swaps them in; {@link ConfigException} if the core rejects it. */
    void setConfig(String configJson) {
        synchronized (updates) {
            ensureOpen();
            State next = new State(configJson, state.clientCustomData());
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

    /** Sets client custom data on every instance in place; {@link InvalidUserException} if the core rejects it. */
    void setClientCustomData(String customDataJson) {
        synchronized (updates) {
            ensureOpen();
            State next = new State(state.config(), customDataJson);
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

    /** How many instances were thrown away and rebuilt after a core abort or trap. */
    long replaced() {
        return replaced.get();
    }

    /** How many full collections of a core's heap ran. */
    long collections() {
        return collections.get();
    }

    /** The largest linear memory, in 64 KiB pages, of the instances. */
    int memoryPages() {
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

    void close() {
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
        return recipe.open(st.config(), st.clientCustomData());
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this evaluator is closed");
        }
    }
}

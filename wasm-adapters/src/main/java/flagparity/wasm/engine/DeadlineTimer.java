package flagparity.wasm.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread per JVM that enforces call deadlines: every {@link #TICK_NANOS} it advances the
 * epoch of each wasmtime engine (a store traps once the epoch passes its deadline) and interrupts
 * each Chicory call past its deadline (Chicory stops at a thread interrupt). On Chicory and GraalWasm
 * a call only writes a few fields; on wasmtime the epoch checks compiled into the core's code are the
 * cost (JMH: a 1.42.8 JSON lookup 109 µs without, 186 µs with, results/DECISIONS.md). The thread
 * starts with the first instance and is a daemon.
 */
final class DeadlineTimer {
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final Set<io.github.kawamuray.wasmtime.Engine> EPOCH_ENGINES = ConcurrentHashMap.newKeySet();
    private static final Set<Watch> WATCHES = ConcurrentHashMap.newKeySet();
    /** Ticks since the thread started: the epoch every ticked wasmtime engine has at least reached. */
    private static final AtomicLong EPOCH = new AtomicLong();
    private static Thread thread;

    private DeadlineTimer() {}

    /** Ticks {@code engine}'s epoch from now on (engines live as long as the JVM here). */
    static void tickEpochs(io.github.kawamuray.wasmtime.Engine engine) {
        EPOCH_ENGINES.add(engine);
        start();
    }

    /** The epoch the ticked engines have reached; each may be one tick ahead while a tick is under way. */
    static long epoch() {
        return EPOCH.get();
    }

    private static synchronized void start() {
        if (thread == null) {
            thread = new Thread(DeadlineTimer::run, "flagparity-call-deadlines");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void run() {
        for (;;) {
            LockSupport.parkNanos(TICK_NANOS);
            for (io.github.kawamuray.wasmtime.Engine e : EPOCH_ENGINES) {
                e.incrementEpoch();
            }
            EPOCH.incrementAndGet();
            long now = System.nanoTime();
            for (Watch w : WATCHES) {
                w.check(now);
            }
        }
    }

    /**
     * One instance's watch: {@link #arm} before a call, {@link #stopped} after. Once the armed deadline
     * passes the timer interrupts the calling thread (Chicory), or runs the instance's own stop
     * (GraalWasm cancels its context); {@link #stopped} leaves no stray interrupt behind, and restores
     * one the caller had before the call.
     */
    static final class Watch implements WasmInstance.CallWatch, AutoCloseable {
        private static final int IDLE = 0;
        private static final int ARMED = 1;
        private static final int FIRING = 2;
        private static final int FIRED = 3;

        private final AtomicInteger state = new AtomicInteger(IDLE);
        /** Null: interrupt the caller. Runs on the timer thread, so it must not block. */
        private final Runnable stop;
        private Thread caller;
        private long deadlineAt;
        private boolean callerWasInterrupted;

        Watch() {
            this(null);
        }

        Watch(Runnable stop) {
            this.stop = stop;
            WATCHES.add(this);
            start();
        }

        /** Before a call on this thread: it may run {@code nanos}. */
        @Override
        public void arm(long nanos) {
            callerWasInterrupted = Thread.interrupted(); // else Chicory would stop the call at once
            caller = Thread.currentThread();
            deadlineAt = System.nanoTime() + nanos;
            state.set(ARMED); // publishes caller and deadlineAt to the timer
        }

        /**
         * After the call ({@code failure}: what it threw, null when it returned): whether the timer
         * stopped it. A call that returned as the timer fired keeps its result when the stop was an
         * interrupt (cleared here), not when it was the instance's own stop (a cancelled context).
         */
        @Override
        public boolean stopped(Throwable failure) {
            return disarm() && (failure != null || stop != null);
        }

        /** Whether the timer fired (its interrupt is cleared here). */
        private boolean disarm() {
            boolean fired = !state.compareAndSet(ARMED, IDLE);
            if (fired) {
                while (state.get() != FIRED) {
                    Thread.onSpinWait();
                }
                Thread.interrupted();
                state.set(IDLE);
            }
            if (callerWasInterrupted) {
                Thread.currentThread().interrupt();
            }
            return fired;
        }

        private void check(long now) {
            if (state.get() == ARMED && now - deadlineAt > 0 && state.compareAndSet(ARMED, FIRING)) {
                if (stop == null) {
                    caller.interrupt();
                } else {
                    stop.run();
                }
                state.set(FIRED);
            }
        }

        @Override
        public void close() {
            WATCHES.remove(this);
        }
    }
}

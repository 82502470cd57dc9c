package flagparity.wasm.engine;

import flagparity.reference.api.EvaluationException;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The life cycle of one core instance and its faults: every export call goes through
 * {@link #invoke}, the one place a call into the core is made and so the one place its deadline is
 * armed and its faults are told apart; the core's host imports land here. A call that makes the core
 * abort throws {@link CoreAbortException}, one that runs past its deadline
 * {@link CallDeadlineException}; after that, or after any other trap, the instance is unusable
 * ({@link #usable()} is false): the core's shadow stack is left unwound.
 */
final class CoreCalls {
    private static final Logger CORE_LOG = Logger.getLogger("flagparity.wasm.core");

    /**
     * An export bound once per instance, with the deadline of its calls: the config deadline for the
     * calls that work on a whole config (the setters, which run when an instance is built, and
     * {@code generateBucketedConfigForUser}), the lookup deadline for all others.
     */
    record Export(String name, WasmInstance.ExportCall call, long deadlineNanos) {}

    private final CoreModule module;
    private final Clock clock;
    private final long lookupNanos;
    private final long configNanos;
    private final WasmInstance runtime;
    private final WasmInstance.CallWatch watch;
    private CoreAbortException pendingAbort;
    private boolean broken;
    private boolean closed;

    /** Makes the runtime's instance of {@code module}, whose host imports call this. */
    CoreCalls(CoreModule module, Clock clock, CallDeadlines deadlines) {
        this.module = module;
        this.clock = clock;
        this.lookupNanos = deadlines.lookup().toNanos();
        this.configNanos = deadlines.config().toNanos();
        this.runtime = module.instantiate(this, deadlines);
        this.watch = runtime.watch();
    }

    WasmInstance runtime() {
        return runtime;
    }

    /** Export {@code name}, looked up once, with the lookup deadline. */
    Export export(String name) {
        return new Export(name, runtime.lookup(name, module.exportType(name)), lookupNanos);
    }

    /** Export {@code name}, looked up once, with the config deadline. */
    Export configExport(String name) {
        return new Export(name, runtime.lookup(name, module.exportType(name)), configNanos);
    }

    // ---- host imports (made once per instance by the runtime; they call these) ----

    /**
     * The core's {@code abort}. AssemblyScript's shadow-stack check aborts at 1:1 with a message and
     * file name the compiler laid out after the module's data and never wrote ("stack overflow"), so
     * whatever the heap now holds there is not read: a file name past the static data is that check.
     */
    void hostAbort(int message, int file, int line, int column) {
        CoreAbortException e = line == 1 && column == 1 && (file & 0xFFFFFFFFL) >= module.staticDataEnd()
                ? CoreAbortException.forStackOverflow()
                : new CoreAbortException(liftStringQuietly(message), liftStringQuietly(file), line, column);
        pendingAbort = e;
        throw e;
    }

    double hostDateNow() {
        return clock.millis();
    }

    void hostConsoleLog(int message) {
        // FINE: some of the core's warnings fire on every lookup of a badly typed filter.
        if (CORE_LOG.isLoggable(Level.FINE)) {
            CORE_LOG.fine(liftStringQuietly(message));
        }
    }

    /** Seeds the core's Math.random (used only for event ids): from the injected clock, so runs repeat. */
    double hostSeed() {
        return clock.millis();
    }

    private String liftStringQuietly(int ptr) {
        try {
            return LinearMemory.liftString(runtime, ptr);
        } catch (RuntimeException e) {
            return "<unreadable string at " + ptr + ">";
        }
    }

    // ---- calls ----

    /** Calls {@code fn} within its deadline: the one place any export of the core is called. */
    long invoke(Export fn, long... args) {
        if (closed) {
            throw new IllegalStateException("this core instance is closed");
        }
        if (broken) {
            throw new IllegalStateException("this core instance trapped earlier and cannot be used");
        }
        watch.arm(fn.deadlineNanos);
        long result;
        try {
            result = fn.call.call(args);
        } catch (RuntimeException | Error e) {
            if (watch.stopped(e)) {
                throw stoppedAtDeadline(fn, e);
            }
            if (e instanceof Error && !(e instanceof StackOverflowError)) {
                throw e;
            }
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
        if (watch.stopped(null)) {
            throw stoppedAtDeadline(fn, null);
        }
        return result;
    }

    private CallDeadlineException stoppedAtDeadline(Export fn, Throwable cause) {
        broken = true;
        pendingAbort = null;
        return new CallDeadlineException(fn.name, Duration.ofNanos(fn.deadlineNanos), cause);
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
    boolean usable() {
        return !broken && !closed;
    }

    void close() {
        if (!closed) {
            closed = true;
            runtime.release();
        }
    }
}

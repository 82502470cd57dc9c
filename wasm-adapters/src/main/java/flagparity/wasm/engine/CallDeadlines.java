package flagparity.wasm.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one call into a core instance may run before it is stopped ({@link CallDeadlineException}):
 * a stuck core (D7 once kept a lookup inside it for 12 minutes) then costs its caller a bounded wait
 * and its instance, not a thread for ever. Wasmtime enforces it with epoch interruption, Chicory by
 * interrupting the calling thread, GraalWasm by cancelling the instance's context; all are checked by
 * one timer thread ticking every millisecond,
 * so a stopped call returns within its deadline plus about an eighth of it plus two ticks.
 *
 * @param lookup every call but a config load: a lookup takes ~25-70 µs on the compiled engines and
 *     milliseconds on the interpreter
 * @param config the setters ({@code setConfigDataUTF8}, platform and client custom data), which run
 *     when an instance is built, and {@code generateBucketedConfigForUser}, which walks a whole config:
 *     tens of ms compiled, seconds on the interpreter for a large config
 */
public record CallDeadlines(Duration lookup, Duration config) {
    /**
     * The compiled engines': 1 s per lookup. A warm compiled lookup takes ~40 µs, but a sound one must
     * never be cut: 100 ms cut lookups of a JVM still compiling the engine's code on a machine shared
     * by many builds here. A stuck call (D7 once held one for 12 minutes) still frees its thread
     * within a second. 30 s per config load: ten times the slowest load seen (the interpreter on a
     * large config). What a deadline costs a lookup does not depend on its length ({@link DeadlineTimer}).
     */
    public static final CallDeadlines DEFAULT = new CallDeadlines(Duration.ofSeconds(1), Duration.ofSeconds(30));
    /**
     * The interpreter's: 5 s per lookup. Its warm lookups take milliseconds, a hundred times a compiled
     * one, and a cold JVM's first calls are slower still (a platform-data call took over 100 ms here).
     */
    public static final CallDeadlines INTERPRETER = new CallDeadlines(Duration.ofSeconds(5), DEFAULT.config());
    /** No deadline at all (both zero): only to measure what the deadlines cost. */
    public static final CallDeadlines OFF = new CallDeadlines(Duration.ZERO, Duration.ZERO);

    public CallDeadlines {
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(config, "config");
        boolean off = lookup.isZero() && config.isZero();
        if (!off && (lookup.compareTo(Duration.ofMillis(1)) < 0 || config.compareTo(Duration.ofMillis(1)) < 0)) {
            throw new IllegalArgumentException("a call deadline is at least 1 ms (the timer's tick), not "
                    + format(lookup) + " / " + format(config));
        }
    }

    /** The default deadlines of {@code engine}: longer on the interpreter, which is slow at everything. */
    public static CallDeadlines defaultFor(Engine engine) {
        return engine == Engine.CHICORY_INTERPRETER ? INTERPRETER : DEFAULT;
    }

    /** False for {@link #OFF}. */
    public boolean enforced() {
        return !lookup.isZero();
    }

    /** {@code 100 ms}, {@code 30 s}. */
    static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 && ms > 0 ? ms / 1000 + " s" : ms + " ms";
    }
}

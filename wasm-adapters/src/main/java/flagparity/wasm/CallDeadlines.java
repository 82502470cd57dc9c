package flagparity.wasm;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one call into a core instance may run before it is stopped ({@link CallDeadlineException}):
 * a stuck core (D7 once kept a lookup inside it for 12 minutes) then costs its caller a bounded wait
 * and its instance, not a thread for ever. Wasmtime enforces it with epoch interruption, Chicory by
 * interrupting the calling thread; both are checked by one timer thread ticking every millisecond,
 * so a stopped call returns within its deadline plus about an eighth of it plus two ticks.
 *
 * @param lookup every call but a config load: a lookup takes ~25-70 µs on the compiled engines and
 *     milliseconds on the interpreter
 * @param config {@code setConfigDataUTF8} and {@code generateBucketedConfigForUser}, which parse or
 *     walk a whole config: tens of ms compiled, seconds on the interpreter for a large config
 */
public record CallDeadlines(Duration lookup, Duration config) {
    /** {@link #DEFAULT}'s lookup deadline in ms (a constant, for option defaults). */
    public static final long DEFAULT_LOOKUP_MS = 100;
    /** {@link #DEFAULT}'s config deadline in ms. */
    public static final long DEFAULT_CONFIG_MS = 30_000;
    /**
     * 100 ms per lookup: over a thousand times a compiled lookup and ten times the interpreter's, so a
     * GC pause or a busy machine does not cut a sound call, yet a stuck one frees its thread at once;
     * 30 s per config load: ten times the slowest load seen (the interpreter on a large config).
     */
    public static final CallDeadlines DEFAULT =
            new CallDeadlines(Duration.ofMillis(DEFAULT_LOOKUP_MS), Duration.ofMillis(DEFAULT_CONFIG_MS));
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

package flagparity.bench.load;

import java.util.Locale;

/**
 * When the {@code latency} command has a Wasm core run a full collection of its own heap
 * ({@code __collect}), besides the incremental steps the core takes as it allocates:
 * {@code never} (as the adapters do by default), {@code every:N} (after every N-th lookup on an
 * instance, inside that lookup) or {@code idle} (by a calling thread in the slack before its next
 * planned call, on every instance not in use; see {@link LatencyHarness}).
 */
public final class CoreGc {
    /** The three policies. */
    public enum Kind { NEVER, EVERY, IDLE }

    public static final CoreGc NEVER = new CoreGc(Kind.NEVER, 0);
    public static final CoreGc IDLE = new CoreGc(Kind.IDLE, 0);

    private final Kind kind;
    private final int every;

    private CoreGc(Kind kind, int every) {
        this.kind = kind;
        this.every = every;
    }

    /** {@code never}, {@code every:N} with N >= 1, or {@code idle}. */
    public static CoreGc parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if ("never".equals(t)) {
            return NEVER;
        }
        if ("idle".equals(t)) {
            return IDLE;
        }
        if (t.startsWith("every:")) {
            try {
                int n = Integer.parseInt(t.substring("every:".length()));
                if (n >= 1) {
                    return new CoreGc(Kind.EVERY, n);
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("core GC policy \"" + text + "\" is not never, every:N (N >= 1) or idle");
    }

    public Kind kind() {
        return kind;
    }

    /** N of {@code every:N}; 0 for the other policies. */
    public int every() {
        return every;
    }

    /** The form {@link #parse} reads. */
    @Override
    public String toString() {
        return kind == Kind.EVERY ? "every:" + every : kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoreGc && ((CoreGc) o).kind == kind && ((CoreGc) o).every == every;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + every;
    }
}

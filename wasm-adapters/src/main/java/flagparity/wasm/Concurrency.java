package flagparity.wasm;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How concurrent callers share core instances (an instance is single-threaded). */
public enum Concurrency {
    /** One instance behind a lock, as DevCycle's Java SDK does. */
    MUTEX("mutex"),
    /** N instances; each lookup borrows one; configs are fanned out to all of them. */
    POOL("pool");

    private final String id;

    Concurrency(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Concurrency parse(String id) {
        for (Concurrency c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown concurrency \"" + id + "\" (expected one of "
                + Arrays.stream(values()).map(Concurrency::id).collect(Collectors.joining(", ")) + ")");
    }
}

package flagparity.reference.api;

import java.util.Objects;

/** Whether an engine can run on this JVM, and why not when it cannot. Immutable. */
public final class Availability {
    private static final Availability AVAILABLE = new Availability(null);

    private final String reason;

    private Availability(String reason) {
        this.reason = reason;
    }

    public static Availability available() {
        return AVAILABLE;
    }

    /** @param why one sentence a user can act on, e.g. "needs JDK 21 or newer (running 17.0.12)" */
    public static Availability unavailable(String why) {
        return new Availability(Objects.requireNonNull(why, "why"));
    }

    public boolean isAvailable() {
        return reason == null;
    }

    /** Why the engine cannot run here; empty when it can. */
    public String reason() {
        return reason == null ? "" : reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Availability && Objects.equals(reason, ((Availability) o).reason);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(reason);
    }

    @Override
    public String toString() {
        return reason == null ? "available" : "unavailable: " + reason;
    }
}

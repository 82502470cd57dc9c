package flagparity.reference.api;

import java.util.Objects;

/**
 * Why a variable was served, as core 1.42.8 writes it in a served variable's {@code eval}
 * ({@code {"reason","details","target_id"}}) and per feature of the bucketed config. Immutable;
 * the reference builds one per target and audience path at config load.
 *
 * <p>{@code reason} is {@link #TARGETING_MATCH}, or {@link #SPLIT} when the target has a rollout or
 * more than one distribution entry (the core also names DEFAULT, DISABLED, ERROR, OVERRIDE and
 * OPT_IN, which no lookup writes). {@code details} names what matched, e.g. {@code All Users},
 * {@code Email AND Custom Data -> plan}, prefixed by {@code Random Distribution} and/or
 * {@code Rollout} for a split. {@code targetId} is the target's {@code _id}.
 */
public final class EvalReason {
    public static final String TARGETING_MATCH = "TARGETING_MATCH";
    public static final String SPLIT = "SPLIT";

    private final String reason;
    private final String details;
    private final String targetId;

    public EvalReason(String reason, String details, String targetId) {
        this.reason = Objects.requireNonNull(reason, "reason");
        this.details = Objects.requireNonNull(details, "details");
        this.targetId = Objects.requireNonNull(targetId, "targetId");
    }

    public String reason() { return reason; }
    public String details() { return details; }
    /** The {@code target_id} the core writes. */
    public String targetId() { return targetId; }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof EvalReason)) return false;
        EvalReason r = (EvalReason) o;
        return reason.equals(r.reason) && details.equals(r.details) && targetId.equals(r.targetId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, details, targetId);
    }

    @Override
    public String toString() {
        return reason + " (" + details + ", target " + targetId + ")";
    }
}

package flagparity.reference.explain;

/** Why an evaluation ended as it did. */
public enum Reason {
    /** The user is served the variable. */
    SERVED,
    /** No config has been set. */
    NO_CONFIG,
    /** The config has no variable with the key. */
    UNKNOWN_KEY,
    /** The variable exists but no feature's variation uses it. */
    NO_FEATURE,
    /** No target of the feature took the user (the audiences did not match). */
    NOT_TARGETED,
    /**
     * A rollout kept the user out: with passthrough rollouts, no target took the user and at least
     * one was skipped because of its rollout; without, the target the user matched rolled them out.
     */
    ROLLED_OUT,
    /** The user would get the variable, but it has another type than asked for (the core answers null). */
    TYPE_MISMATCH,
    /** The core aborts on this evaluation (e.g. no distribution entry wins); {@code variable()} throws. */
    ERROR
}

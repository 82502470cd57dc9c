package flagparity.reference.config;

import flagparity.reference.api.CoreVersion;
import flagparity.reference.internal.CoreStack;

/**
 * The rules in which DevCycle's core versions answer differently, one named rule each, fixed per
 * {@link CoreVersion}: the reference compiles a config under one version's rules and evaluates it
 * with the same code for every version. Everything not named here is the same in every version
 * (results/DIVERGENCES.md, "Core 1.32.0 vs 1.42.8", lists what changed and which inputs show it).
 */
public final class CoreRules {
    private final CoreVersion version;
    private final boolean orStopsAtNestedOperator;
    private final boolean sumOfOneTakesHashOne;
    private final boolean writesEvalReason;
    private final CoreStack.Eval evalStack;

    private CoreRules(CoreVersion version, boolean orStopsAtNestedOperator, boolean sumOfOneTakesHashOne,
            boolean writesEvalReason, CoreStack.Eval evalStack) {
        this.version = version;
        this.orStopsAtNestedOperator = orStopsAtNestedOperator;
        this.sumOfOneTakesHashOne = sumOfOneTakesHashOne;
        this.writesEvalReason = writesEvalReason;
        this.evalStack = evalStack;
    }

    private static final CoreRules V1_32_0 = new CoreRules(CoreVersion.V1_32_0, true, false, false,
            CoreStack.EVAL_1_32_0);
    private static final CoreRules V1_42_8 = new CoreRules(CoreVersion.V1_42_8, false, true, true,
            CoreStack.EVAL_1_42_8);

    /** The rules of {@code version}. */
    public static CoreRules of(CoreVersion version) {
        // exhaustive: a version added to CoreVersion does not compile until its rules are here
        return switch (version) {
            case V1_32_0 -> V1_32_0;
            case V1_42_8 -> V1_42_8;
        };
    }

    public CoreVersion version() {
        return version;
    }

    /**
     * Whether a nested operator inside an {@code or} decides it at once, even when it fails (1.32.0:
     * a user failing a first nested operator is not targeted whatever follows). From 1.42.8 a failing
     * nested operator is skipped and the {@code or} goes on. (In an {@code and} a nested operator
     * decides at once in every version.)
     */
    public boolean orStopsAtNestedOperator() {
        return orStopsAtNestedOperator;
    }

    /**
     * Whether a distribution entry whose running sum of percentages is exactly 1 also takes a
     * bucketing hash of exactly 1 (a bucketing value whose murmur3 is 0xFFFFFFFF). From 1.42.8;
     * 1.32.0 finds no entry for such a user and aborts ("Failed to decide target variation").
     */
    public boolean sumOfOneTakesHashOne() {
        return sumOfOneTakesHashOne;
    }

    /**
     * Whether a served variable carries {@code eval} (reason, details, target id) and
     * {@code _feature}, and each bucketed-config feature its {@code eval}. From 1.42.8; the reference
     * computes the reason under 1.32.0 too, by 1.42.8's rule, but 1.32.0's answers do not carry it.
     */
    public boolean writesEvalReason() {
        return writesEvalReason;
    }

    /**
     * What evaluating an audience takes of the core's shadow stack, and how much it may take before
     * the core aborts: 1.42.8's evaluation frames are larger (it returns reasons), so it aborts on
     * shallower audience chains and nested operators than 1.32.0.
     */
    public CoreStack.Eval evalStack() {
        return evalStack;
    }

    @Override
    public String toString() {
        return "core " + version.id() + " rules";
    }
}

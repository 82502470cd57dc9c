package flagparity.reference.explain;

import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.eval.Tracer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Collects one evaluation's steps for an {@link Explanation}: the evaluator reports the variable,
 * feature, targets and bucketing, and the audience filters report through {@link Tracer}. Used by
 * one thread for one evaluation.
 */
public final class ExplanationBuilder implements Tracer {
    private final CoreVersion core;
    private final String key;
    private final VariableType requestedType;
    private String variableId;
    private VariableType variableType;
    private String featureId;
    private String featureKey;
    private Boolean passthroughRollouts;
    private final List<TargetTrace> targets = new ArrayList<>();
    private Double bucketingHash;
    private String variationId;
    private String variationKey;
    private boolean rolledOut;

    private int targetIndex = -1;
    private String targetId;
    private String bucketingKey;
    private String bucketingValue;
    private RolloutTrace rollout;
    private final Deque<Step> open = new ArrayDeque<>();
    private FilterTrace audience;

    /** An entered step whose children are still being collected. */
    private static final class Step {
        final String kind;
        final String description;
        final List<FilterTrace> children = new ArrayList<>();

        Step(String kind, String description) {
            this.kind = kind;
            this.description = description;
        }
    }

    public ExplanationBuilder(CoreVersion core, String key, VariableType requestedType) {
        this.core = core;
        this.key = key;
        this.requestedType = requestedType;
    }

    public void variable(String id, VariableType type) {
        this.variableId = id;
        this.variableType = type;
    }

    public void feature(String id, String key, boolean passthrough) {
        this.featureId = id;
        this.featureKey = key;
        this.passthroughRollouts = passthrough;
    }

    /** A target is being tried. */
    public void startTarget(int index, String id, String bucketingKey, String bucketingValue) {
        this.targetIndex = index;
        this.targetId = id;
        this.bucketingKey = bucketingKey == null ? "user_id" : bucketingKey;
        this.bucketingValue = bucketingValue;
        this.rollout = null;
        this.audience = null;
        this.open.clear();
    }

    /** The current target's rollout was checked. */
    public void rollout(String type, long now, double percentage, double rolloutHash, boolean passed) {
        this.rollout = new RolloutTrace(type, now, percentage, rolloutHash, passed);
        if (!passed) rolledOut = true;
    }

    /** The current target is done: it took the user or not. */
    public void endTarget(boolean taken) {
        closeOpenSteps();
        targets.add(new TargetTrace(targetIndex, targetId, bucketingKey, bucketingValue, rollout, audience, taken));
        targetIndex = -1;
    }

    /** The taken target's distribution picked {@code variationId} for {@code hash}. */
    public void bucketed(double hash, String variationId, String variationKey) {
        this.bucketingHash = hash;
        this.variationId = variationId;
        this.variationKey = variationKey;
    }

    /** Whether a rollout kept the user out of a target. */
    public boolean rolledOut() {
        return rolledOut;
    }

    public Explanation build(Reason reason, Variable variable, String error) {
        if (targetIndex >= 0) endTarget(false);
        return new Explanation(core, key, requestedType, reason, variable, variableId, variableType, featureId, featureKey,
                passthroughRollouts, targets, bucketingHash, variationId, variationKey, error);
    }

    @Override
    public void enter(String kind, String description) {
        open.push(new Step(kind, description));
    }

    @Override
    public void leaf(String kind, String description, String actual, boolean passed, String note) {
        add(new FilterTrace(kind, description, actual, passed, note, List.of()));
    }

    @Override
    public void exit(boolean passed, String note) {
        Step s = open.pop();
        add(new FilterTrace(s.kind, s.description, null, passed, note, s.children));
    }

    private void add(FilterTrace t) {
        if (open.isEmpty()) {
            audience = t;
        } else {
            open.peek().children.add(t);
        }
    }

    /** Steps left open by an abort end as not passed. */
    private void closeOpenSteps() {
        while (!open.isEmpty()) exit(false, "evaluation aborted");
    }
}

package flagparity.reference.config;

import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.User;
import flagparity.reference.eval.BucketingKey;
import flagparity.reference.eval.Environment;
import flagparity.reference.internal.Interned;

/**
 * What serving one variable key needs: the config variable with that key (the last, if several),
 * the feature that serves it (the first feature with a variation that uses its id, as in the core)
 * and, per variation of that feature, the value's {@link Variable} (null where the variation lacks it)
 * and whether the core can write its value. The variable served carries the reason of the target
 * and audience path that served it; it is made on the first lookup through that path.
 */
public final class VariableBinding {
    /** {@link #quickServe}'s answer where only the full evaluation answers. */
    public static final Variable FULL = new Variable("", "", VariableType.Boolean, Boolean.FALSE);

    private final String id;
    private final String key;
    private final String typeName;
    private final VariableType type;
    private final CompiledFeature feature;
    private final Variable[] servedByVariation;
    private final boolean[] tooDeepByVariation;
    private final boolean writesEvalReason;
    private final Interned<CompiledTarget.Taken, Variable>[] servedByTaken;
    /** Per target of the feature whose audience has a single path, the variables it serves by variation (made at compile time); else null. */
    private final Variable[][] servedByFixedTarget;
    /**
     * Per target, what {@link #quickServe} answers by distribution entry: null for a target the quick
     * path leaves to the full one (a rollout, an audience with several paths), and a null entry where
     * serving takes the full path (the core aborts or cannot write the value).
     */
    private final Variable[][] quickServed;
    /** How many targets, from the first, the quick path covers. */
    private int quickCount;

    @SuppressWarnings("unchecked")
    VariableBinding(String id, String key, String typeName, CompiledFeature feature, Variable[] servedByVariation,
            boolean[] tooDeepByVariation, CoreRules rules) {
        this.id = id;
        this.key = key;
        this.typeName = typeName;
        this.type = VariableType.parse(typeName);
        this.feature = feature;
        this.servedByVariation = servedByVariation.clone();
        this.tooDeepByVariation = tooDeepByVariation.clone();
        this.writesEvalReason = rules.writesEvalReason();
        this.servedByTaken = new Interned[servedByVariation.length];
        for (int i = 0; i < servedByTaken.length; i++) servedByTaken[i] = new Interned<>();
        this.servedByFixedTarget = new Variable[feature == null ? 0 : feature.targetCount()][];
        this.quickServed = new Variable[servedByFixedTarget.length][];
    }

    public String id() { return id; }
    public String key() { return key; }
    public VariableType type() { return type; }
    /** The feature serving this variable, or null when no feature uses it. */
    public CompiledFeature feature() { return feature; }

    /**
     * Makes, at compile time, the variables its feature's targets serve where a target's audience has
     * one path only (most do), and the quick path's answers for the targets without a rollout.
     */
    void prepareSinglePathTargets() {
        if (feature == null) return;
        for (int t = 0; t < feature.targetCount(); t++) {
            CompiledTarget target = feature.target(t);
            if (target.fixedTaken() == null) continue;
            Variable[] byVariation = new Variable[servedByVariation.length];
            for (int i = 0; i < byVariation.length; i++) byVariation[i] = served(i, target.fixedTaken());
            servedByFixedTarget[t] = byVariation;
            if (target.rollout() != null) continue;
            Variable[] byEntry = new Variable[target.distributionSize()];
            for (int e = 0; e < byEntry.length; e++) {
                CompiledVariation v = target.distribution(e).variation();
                byEntry[e] = v == null || tooDeepByVariation[v.index()] ? null : byVariation[v.index()];
            }
            quickServed[t] = byEntry;
        }
        while (quickCount < quickServed.length && quickServed[quickCount] != null) quickCount++;
    }

    /**
     * The index of the first target whose audience takes the user among the leading targets the
     * quick path covers (no rollout, an audience with one path), or {@code -1 - n} when none of those
     * n does: the full evaluation goes on from target n. Call only when the binding has a feature.
     */
    public int quickTarget(User user, Environment env) {
        int n = quickCount;
        for (int i = 0; i < n; i++) {
            if (feature.target(i).audienceMatch(user, env, null) != null) return i;
        }
        return -1 - n;
    }

    /**
     * The variable quick target {@code index}, which takes the user, serves it ({@code prepared}: the
     * user's user_id prepared for hashing, or null): its distribution entry's, made at compile time; {@link #FULL} where only the full evaluation answers (the core
     * aborts or cannot write the value).
     */
    public Variable quickServe(int index, User user, BucketingKey.PreparedUserId prepared) {
        CompiledTarget t = feature.target(index);
        int e = t.everyHashIndex();
        if (e < 0) e = t.pickIndex(BucketingKey.hash(user, prepared, t.bucketingKey(), t.seed(), false));
        Variable v = e < 0 ? null : quickServed[index][e];
        return v == null ? FULL : v;
    }

    /**
     * The variable served by the feature's variation {@code index} when {@code taken} took the user,
     * with its reason and feature id; null when that variation lacks it.
     */
    public Variable served(int variationIndex, CompiledTarget.Taken taken) {
        CompiledTarget target = taken.target();
        Variable[] fixed = servedByFixedTarget.length == 0 ? null : servedByFixedTarget[target.index()];
        if (fixed != null && taken == target.fixedTaken()) return fixed[variationIndex];
        Variable value = servedByVariation[variationIndex];
        if (value == null) return null;
        Interned<CompiledTarget.Taken, Variable> byTaken = servedByTaken[variationIndex];
        Variable v = byTaken.get(taken);
        return v != null ? v : byTaken.putIfAbsent(taken, new Variable(value.id(), value.key(), value.type(), value.value(),
                taken.reason(), feature.id(), writesEvalReason));
    }

    /**
     * Whether the value variation {@code variationIndex} serves is nested too deeply for the core to
     * write ({@link flagparity.reference.internal.CoreStack#VARIABLE_WRITE_LIMIT}): it aborts serving it.
     */
    public boolean tooDeepToWrite(int variationIndex) {
        return tooDeepByVariation[variationIndex];
    }

    @Override
    public String toString() {
        return key + " (" + typeName + ", " + id + ")";
    }
}

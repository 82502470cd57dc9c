package flagparity.reference.config;

import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.eval.Match;
import flagparity.reference.internal.Interned;

/**
 * What serving one variable key needs: the config variable with that key (the last, if several),
 * the feature that serves it (the first feature with a variation that uses its id, as in the core)
 * and, per variation of that feature, the value's {@link Variable} (null where the variation lacks it)
 * and whether the core can write its value. The variable served carries the reason of the target
 * and audience path that served it; it is made on the first lookup through that path.
 */
public final class VariableBinding {
    private final String id;
    private final String key;
    private final String typeName;
    private final VariableType type;
    private final CompiledFeature feature;
    private final Variable[] servedByVariation;
    private final boolean[] tooDeepByVariation;
    private final boolean writesEvalReason;
    private final Interned<CompiledTarget.Taken, Variable>[] servedByTaken;

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
    }

    public String id() { return id; }
    public String key() { return key; }
    public VariableType type() { return type; }
    /** The feature serving this variable, or null when no feature uses it. */
    public CompiledFeature feature() { return feature; }

    /** Makes the variables its feature's targets serve where a target's audience has one path only (most do). */
    void prepareSinglePathTargets() {
        if (feature == null) return;
        for (int t = 0; t < feature.targetCount(); t++) {
            CompiledTarget target = feature.target(t);
            Match fixed = target.audience().fixedMatch();
            if (fixed == null) continue;
            for (int i = 0; i < servedByVariation.length; i++) served(i, target.taken(fixed));
        }
    }

    /**
     * The variable served by the feature's variation {@code index} when {@code taken} took the user,
     * with its reason and feature id; null when that variation lacks it.
     */
    public Variable served(int variationIndex, CompiledTarget.Taken taken) {
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

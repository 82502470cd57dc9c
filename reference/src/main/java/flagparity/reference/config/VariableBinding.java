package flagparity.reference.config;

import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;

/**
 * What serving one variable key needs: the config variable with that key (the last, if several),
 * the feature that serves it (the first feature with a variation that uses its id, as in the core)
 * and, per variation of that feature, the ready {@link Variable} (null where the variation lacks it)
 * and whether the core can write its value.
 */
public final class VariableBinding {
    private final String id;
    private final String key;
    private final String typeName;
    private final VariableType type;
    private final CompiledFeature feature;
    private final Variable[] servedByVariation;
    private final boolean[] tooDeepByVariation;

    VariableBinding(String id, String key, String typeName, CompiledFeature feature, Variable[] servedByVariation,
            boolean[] tooDeepByVariation) {
        this.id = id;
        this.key = key;
        this.typeName = typeName;
        this.type = VariableType.parse(typeName);
        this.feature = feature;
        this.servedByVariation = servedByVariation.clone();
        this.tooDeepByVariation = tooDeepByVariation.clone();
    }

    public String id() { return id; }
    public String key() { return key; }
    public VariableType type() { return type; }
    /** The feature serving this variable, or null when no feature uses it. */
    public CompiledFeature feature() { return feature; }

    /** The variable served by the feature's variation {@code index}, or null when that variation lacks it. */
    public Variable served(int variationIndex) {
        return servedByVariation[variationIndex];
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

package flagparity.reference.config;

import java.util.List;

/**
 * A feature's variation, with the fragments of the bucketed config it contributes written ahead of
 * time (the core's JSON text of its SDKFeature, its featureVariationMap value and, per variation
 * variable, the variableVariationMap and variables entries).
 */
public final class CompiledVariation {
    /** One {@code variables} entry of the variation, as the bucketed config writes it. */
    public static final class BucketedVariable {
        private final String key;
        private final String variableVariationJson;
        private final String variableJson;
        private final boolean tooDeepToWrite;

        BucketedVariable(String key, String variableVariationJson, String variableJson, boolean tooDeepToWrite) {
            this.key = key;
            this.variableVariationJson = variableVariationJson;
            this.variableJson = variableJson;
            this.tooDeepToWrite = tooDeepToWrite;
        }

        public String key() { return key; }
        public String variableVariationJson() { return variableVariationJson; }
        public String variableJson() { return variableJson; }
        /** Whether its value is nested too deeply for the core to write in a bucketed config (it aborts). */
        public boolean tooDeepToWrite() { return tooDeepToWrite; }
    }

    private final int index;
    private final String id;
    private final String key;
    private final String name;
    private final String featureJson;
    private final String featureVariationJson;
    private final List<BucketedVariable> bucketedVariables;
    private final String missingVariableId;

    CompiledVariation(int index, String id, String key, String name, String featureJson, String featureVariationJson,
            List<BucketedVariable> bucketedVariables, String missingVariableId) {
        this.index = index;
        this.id = id;
        this.key = key;
        this.name = name;
        this.featureJson = featureJson;
        this.featureVariationJson = featureVariationJson;
        this.bucketedVariables = List.copyOf(bucketedVariables);
        this.missingVariableId = missingVariableId;
    }

    /** The position in the feature's variations array. */
    public int index() { return index; }
    public String id() { return id; }
    public String key() { return key; }
    public String name() { return name; }
    /** The SDKFeature JSON for the bucketed config's {@code features}. */
    public String featureJson() { return featureJson; }
    /** The JSON string for the bucketed config's {@code featureVariationMap}. */
    public String featureVariationJson() { return featureVariationJson; }
    /** Entries in the variation's order; a key may repeat (the last wins, at the first one's place). */
    public List<BucketedVariable> bucketedVariables() { return bucketedVariables; }
    /** The first {@code _var} the config has no variable for (the core aborts when bucketing into it), or null. */
    public String missingVariableId() { return missingVariableId; }
}

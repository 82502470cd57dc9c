package flagparity.reference.config;

import flagparity.reference.api.EvalReason;
import flagparity.reference.api.JsonCodec;
import java.util.List;

/**
 * A feature's variation, with the fragments of the bucketed config it contributes written ahead of
 * time (the core's JSON text of its SDKFeature, its featureVariationMap value and, per variation
 * variable, the variableVariationMap and variables entries), all but the evaluation reason, which
 * core 1.42.8 adds to the feature and its variables.
 */
public final class CompiledVariation {
    /** One {@code variables} entry of the variation, as the bucketed config writes it. */
    public static final class BucketedVariable {
        private final String key;
        private final String variableVariationJson;
        private final String variableJson;
        private final String featureThenEnd;
        private final boolean tooDeepToWrite;

        /**
         * @param variableJson the entry up to its value, unclosed
         * @param featureThenEnd the rest after its {@code eval}: {@code _feature} and the end
         */
        BucketedVariable(String key, String variableVariationJson, String variableJson, String featureThenEnd,
                boolean tooDeepToWrite) {
            this.key = key;
            this.variableVariationJson = variableVariationJson;
            this.variableJson = variableJson;
            this.featureThenEnd = featureThenEnd;
            this.tooDeepToWrite = tooDeepToWrite;
        }

        public String key() { return key; }
        public String variableVariationJson() { return variableVariationJson; }
        /** The {@code variables} entry; with {@code eval} and {@code _feature} unless {@code eval} is null. */
        public String variableJson(EvalReason eval) {
            if (eval == null) return variableJson + "}";
            StringBuilder sb = new StringBuilder(variableJson.length() + featureThenEnd.length() + 96).append(variableJson);
            JsonCodec.appendEval(sb, eval);
            return sb.append(featureThenEnd).toString();
        }
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
    /** The SDKFeature JSON for the bucketed config's {@code features}; with {@code eval} unless it is null. */
    public String featureJson(EvalReason eval) {
        if (eval == null) return featureJson + "}";
        StringBuilder sb = new StringBuilder(featureJson.length() + 96).append(featureJson);
        JsonCodec.appendEval(sb, eval);
        return sb.append('}').toString();
    }
    /** The JSON string for the bucketed config's {@code featureVariationMap}. */
    public String featureVariationJson() { return featureVariationJson; }
    /** Entries in the variation's order; a key may repeat (the last wins, at the first one's place). */
    public List<BucketedVariable> bucketedVariables() { return bucketedVariables; }
    /** The first {@code _var} the config has no variable for (the core aborts when bucketing into it), or null. */
    public String missingVariableId() { return missingVariableId; }
}

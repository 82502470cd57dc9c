package flagparity.reference.explain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EvalReason;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import java.util.List;

/**
 * The path an evaluation took to its answer: the variable and feature found, each target tried
 * (rollout and audience checks with the user's values), the bucketing hash, the distribution entry
 * picked and the final {@link Reason}, and beside it the core's own reason for a served variable
 * ({@code eval}: reason, details, target id, by core 1.42.8's rule; 1.32.0 computes but does not
 * write it). Immutable; {@link #toJson()} is what the {@code explain} command prints. Fields that
 * were not reached are null.
 *
 * @param core the core version the evaluation answered as
 * @param key the variable key asked for
 * @param requestedType the type asked for
 * @param reason why the evaluation ended as it did
 * @param variable what {@code variable()} returns: the served variable, or null
 * @param variableId the config variable's id
 * @param variableType the config variable's type
 * @param featureId the feature serving the variable (the first that uses it)
 * @param featureKey that feature's key
 * @param passthroughRollouts whether rollouts are checked while looking for a target
 * @param targets the targets tried, in order
 * @param bucketingHash murmur3 of the bucketing value with the taken target's seed, bounded to [0,1]
 * @param variationId the variation the distribution picked
 * @param variationKey its key
 * @param error the core's abort message when {@code reason} is ERROR
 */
public record Explanation(CoreVersion core, String key, VariableType requestedType, Reason reason, Variable variable,
        String variableId, VariableType variableType, String featureId, String featureKey,
        Boolean passthroughRollouts, List<TargetTrace> targets, Double bucketingHash, String variationId,
        String variationKey, String error) {

    public Explanation {
        targets = List.copyOf(targets);
    }

    /** The explanation as one JSON object. */
    public String toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("core", core.id());
        o.put("key", key);
        o.put("type", requestedType.name());
        o.put("reason", reason.name());
        if (variable != null) {
            o.set("variable", readTree(JsonCodec.writeVariable(variable)));
            EvalReason eval = variable.eval();
            ObjectNode e = o.putObject("eval");
            e.put("reason", eval.reason());
            e.put("details", eval.details());
            e.put("target_id", eval.targetId());
            e.put("inCoreAnswer", variable.writesEval());
        } else {
            o.putNull("variable");
        }
        if (variableId != null) {
            ObjectNode v = o.putObject("configVariable");
            v.put("_id", variableId);
            v.put("type", variableType.name());
        }
        if (featureId != null) {
            ObjectNode f = o.putObject("feature");
            f.put("_id", featureId);
            f.put("key", featureKey);
        }
        if (passthroughRollouts != null) o.put("passthroughRollouts", passthroughRollouts);
        if (!targets.isEmpty()) {
            ArrayNode a = o.putArray("targets");
            for (TargetTrace t : targets) t.writeTo(a.addObject());
        }
        if (bucketingHash != null) o.put("bucketingHash", bucketingHash);
        if (variationId != null) {
            ObjectNode v = o.putObject("variation");
            v.put("_id", variationId);
            if (variationKey != null) v.put("key", variationKey);
        }
        if (error != null) o.put("error", error);
        return o.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JsonCodec.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JsonNodeFactory.instance.textNode(json);
        }
    }
}

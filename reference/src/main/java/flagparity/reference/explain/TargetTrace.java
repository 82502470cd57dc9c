package flagparity.reference.explain;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One target tried for the user, in config order.
 *
 * @param bucketingKey user_id or the custom-data key
 * @param bucketingValue the value hashed for bucketing and rollout
 * @param rollout the rollout check, null when the target has none or it was not checked here
 * @param audience the audience evaluation, null when not evaluated (a rollout skipped the target)
 * @param taken whether this target took the user
 */
public record TargetTrace(int index, String targetId, String bucketingKey, String bucketingValue,
        RolloutTrace rollout, FilterTrace audience, boolean taken) {

    void writeTo(ObjectNode o) {
        o.put("index", index);
        o.put("_id", targetId);
        o.put("bucketingKey", bucketingKey);
        o.put("bucketingValue", bucketingValue);
        if (rollout != null) rollout.writeTo(o.putObject("rollout"));
        if (audience != null) audience.writeTo(o.putObject("audience"));
        o.put("taken", taken);
    }
}

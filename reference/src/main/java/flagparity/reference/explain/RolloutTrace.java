package flagparity.reference.explain;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A rollout check of a target: its type, the percentage at {@code now}, the user's rollout hash
 * (murmur3 of the bucketing value + "_rollout", bounded to [0,1]) and whether the user passed.
 */
public record RolloutTrace(String type, long now, double percentage, double rolloutHash, boolean passed) {

    void writeTo(ObjectNode o) {
        o.put("type", type);
        o.put("now", now);
        o.put("percentage", percentage);
        o.put("rolloutHash", rolloutHash);
        o.put("passed", passed);
    }
}

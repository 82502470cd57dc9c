package flagparity.openfeature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flagparity.reference.api.ConfigException;
import flagparity.reference.api.VariableType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the provider needs to know of a config beyond what an evaluator answers: each variable's
 * type (to tell an unknown key and a wrong type from a value not served), the feature keys behind
 * feature ids, and, per variable, the parts of the config its served value depends on (to name the
 * flags a new config may change). Read leniently: the evaluator is the judge of a config.
 */
final class ConfigIndex {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, VariableType> types;
    private final Map<String, String> featureKeys;
    /** Per variable key: the variable's node and the nodes of the features that serve it, in order. */
    private final Map<String, List<JsonNode>> dependencies;
    /** Project, environment and audiences: a change there may change any served value. */
    private final List<JsonNode> shared;

    private ConfigIndex(Map<String, VariableType> types, Map<String, String> featureKeys,
            Map<String, List<JsonNode>> dependencies, List<JsonNode> shared) {
        this.types = types;
        this.featureKeys = featureKeys;
        this.dependencies = dependencies;
        this.shared = shared;
    }

    /** @throws ConfigException when {@code json} is not a JSON object */
    static ConfigIndex of(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException("the config is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("the config is not a JSON object");
        }
        Map<String, VariableType> types = new HashMap<>();
        Map<String, String> variableKeysById = new HashMap<>();
        Map<String, List<JsonNode>> dependencies = new HashMap<>();
        for (JsonNode variable : root.path("variables")) {
            String key = variable.path("key").asText(null);
            if (key == null) {
                continue;
            }
            try {
                types.put(key, VariableType.parse(variable.path("type").asText()));
            } catch (IllegalArgumentException e) {
                // an unknown type serves nothing: the evaluator decides; the key is still known
            }
            variableKeysById.put(variable.path("_id").asText(), key);
            List<JsonNode> deps = new ArrayList<>();
            deps.add(variable);
            dependencies.put(key, deps);
        }
        Map<String, String> featureKeys = new HashMap<>();
        for (JsonNode feature : root.path("features")) {
            featureKeys.put(feature.path("_id").asText(), feature.path("key").asText());
            TreeSet<String> served = new TreeSet<>();
            for (JsonNode variation : feature.path("variations")) {
                for (JsonNode v : variation.path("variables")) {
                    String key = variableKeysById.get(v.path("_var").asText());
                    if (key != null) {
                        served.add(key);
                    }
                }
            }
            for (String key : served) {
                dependencies.get(key).add(feature);
            }
        }
        List<JsonNode> shared = List.of(root.path("project"), root.path("environment"), root.path("audiences"));
        return new ConfigIndex(Collections.unmodifiableMap(types), Collections.unmodifiableMap(featureKeys),
                dependencies, shared);
    }

    /** The variable's type, or {@code null} when the config has no variable {@code key} of a known type. */
    VariableType type(String key) {
        return types.get(key);
    }

    boolean knows(String key) {
        return dependencies.containsKey(key);
    }

    /** The key of the feature with id {@code featureId}, or {@code null}. */
    String featureKey(String featureId) {
        return featureKeys.get(featureId);
    }

    /**
     * The variable keys whose served values may differ between {@code before} and {@code after},
     * sorted: every key of either config when project, environment or audiences differ; otherwise
     * the keys added, removed, or whose variable or serving features (in order) differ.
     */
    static List<String> changedKeys(ConfigIndex before, ConfigIndex after) {
        TreeSet<String> changed = new TreeSet<>();
        boolean all = !before.shared.equals(after.shared);
        for (Map.Entry<String, List<JsonNode>> e : before.dependencies.entrySet()) {
            if (all || !Objects.equals(e.getValue(), after.dependencies.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        for (Map.Entry<String, List<JsonNode>> e : after.dependencies.entrySet()) {
            if (all || !before.dependencies.containsKey(e.getKey())) {
                changed.add(e.getKey());
            }
        }
        return List.copyOf(changed);
    }
}

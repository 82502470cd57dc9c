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
    private final Map<String, Feature> features;
    /** Per variable key: the ids of the features that can serve it, in config order. */
    private final Map<String, List<String>> servedBy;
    /** Per variable key: the variable's node and the nodes of the features that serve it, in order. */
    private final Map<String, List<JsonNode>> dependencies;
    /** Project, environment and audiences: a change there may change any served value. */
    private final List<JsonNode> shared;

    private ConfigIndex(Map<String, VariableType> types, Map<String, Feature> features,
            Map<String, List<String>> servedBy, Map<String, List<JsonNode>> dependencies, List<JsonNode> shared) {
        this.types = types;
        this.features = features;
        this.servedBy = servedBy;
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
        Map<String, Feature> features = new HashMap<>();
        Map<String, List<String>> servedBy = new HashMap<>();
        for (JsonNode featureNode : root.path("features")) {
            Feature feature = Feature.of(featureNode, variableKeysById);
            features.putIfAbsent(feature.id, feature);
            for (String key : new TreeSet<>(feature.all.keySet())) {
                dependencies.get(key).add(featureNode);
                servedBy.computeIfAbsent(key, k -> new ArrayList<>()).add(feature.id);
            }
        }
        List<JsonNode> shared = List.of(root.path("project"), root.path("environment"), root.path("audiences"));
        return new ConfigIndex(Collections.unmodifiableMap(types), features, servedBy, dependencies, shared);
    }

    /** The variable's type, or {@code null} when the config has no variable {@code key} of a known type. */
    VariableType type(String key) {
        return types.get(key);
    }

    boolean knows(String key) {
        return dependencies.containsKey(key);
    }

    /** The feature with id {@code featureId}, or {@code null}. */
    Feature feature(String featureId) {
        return featureId == null ? null : features.get(featureId);
    }

    /** The ids of the features that can serve variable {@code key}, in config order (empty when none). */
    List<String> servedBy(String key) {
        return servedBy.getOrDefault(key, List.of());
    }

    /** A variation as one variable sees it: which variation, and the value it gives that variable. */
    static final class Choice {
        final String variationId;
        final String variationKey;
        final JsonNode value;
        /** The flag metadata last built for this choice, and the reason it was built with. */
        volatile Object[] cachedMetadata;

        Choice(String variationId, String variationKey, JsonNode value) {
            this.variationId = variationId;
            this.variationKey = variationKey;
            this.value = value;
        }
    }

    /**
     * The variations that can give one variable its value (in one target, or anywhere in a feature),
     * and what lookups learned about answers their value alone does not tell apart.
     */
    static final class Choices {
        /** How many answers {@link #learn} keeps; an engine that makes a new answer per lookup fills it once. */
        private static final int LEARNED = 16;
        final Choice[] items;
        /** Pairs of (answer instance, its choice), compared by identity; copied on write. */
        private volatile Object[] learned = new Object[0];

        Choices(Choice[] items) {
            this.items = items;
        }

        /** The choice learned for this very answer instance, or null. */
        Choice learned(Object answer) {
            Object[] pairs = learned;
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i] == answer) {
                    return (Choice) pairs[i + 1];
                }
            }
            return null;
        }

        /**
         * Remembers which choice {@code answer} stands for. Sound for evaluators that reuse an answer
         * instance only for one variation, as the reference does (it makes one per variation and
         * audience path at config load).
         */
        synchronized void learn(Object answer, Choice choice) {
            Object[] pairs = learned;
            if (pairs.length < 2 * LEARNED) {
                Object[] next = java.util.Arrays.copyOf(pairs, pairs.length + 2);
                next[pairs.length] = answer;
                next[pairs.length + 1] = choice;
                learned = next;
            }
        }
    }

    /** A feature: its key, and per variable key the variations that give it a value, overall and per target. */
    static final class Feature {
        final String id;
        final String key;
        final Map<String, Choices> all;
        final Map<String, Map<String, Choices>> byTarget;

        private Feature(String id, String key, Map<String, Choices> all, Map<String, Map<String, Choices>> byTarget) {
            this.id = id;
            this.key = key;
            this.all = all;
            this.byTarget = byTarget;
        }

        /** The variations that can give variable {@code key} its value under target {@code targetId} (any target when null). */
        Choices choices(String targetId, String key) {
            Map<String, Choices> scope = targetId == null ? all : byTarget.get(targetId);
            Choices c = scope == null ? null : scope.get(key);
            return c == null ? NONE : c;
        }

        private static final Choices NONE = new Choices(new Choice[0]);

        static Feature of(JsonNode node, Map<String, String> variableKeysById) {
            Map<String, Map<String, Choice>> byVariation = new HashMap<>();
            Map<String, List<Choice>> all = new HashMap<>();
            for (JsonNode variation : node.path("variations")) {
                String variationId = variation.path("_id").asText();
                Map<String, Choice> choices = new HashMap<>();
                for (JsonNode v : variation.path("variables")) {
                    String key = variableKeysById.get(v.path("_var").asText());
                    if (key != null && !choices.containsKey(key)) {
                        Choice c = new Choice(variationId, variation.path("key").asText(), v.path("value"));
                        choices.put(key, c);
                        all.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
                    }
                }
                byVariation.putIfAbsent(variationId, choices);
            }
            Map<String, Map<String, Choices>> byTarget = new HashMap<>();
            for (JsonNode target : node.path("configuration").path("targets")) {
                Map<String, List<Choice>> perKey = new HashMap<>();
                for (JsonNode share : target.path("distribution")) {
                    Map<String, Choice> choices = byVariation.getOrDefault(share.path("_variation").asText(), Map.of());
                    for (Map.Entry<String, Choice> e : choices.entrySet()) {
                        List<Choice> list = perKey.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                        if (!list.contains(e.getValue())) {
                            list.add(e.getValue());
                        }
                    }
                }
                byTarget.putIfAbsent(target.path("_id").asText(), arrays(perKey));
            }
            return new Feature(node.path("_id").asText(), node.path("key").asText(), arrays(all), byTarget);
        }

        private static Map<String, Choices> arrays(Map<String, List<Choice>> lists) {
            Map<String, Choices> out = new HashMap<>();
            for (Map.Entry<String, List<Choice>> e : lists.entrySet()) {
                out.put(e.getKey(), new Choices(e.getValue().toArray(new Choice[0])));
            }
            return out;
        }
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

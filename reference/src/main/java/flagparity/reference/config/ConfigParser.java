package flagparity.reference.config;

import static flagparity.reference.config.CoreFields.array;
import static flagparity.reference.config.CoreFields.asMap;
import static flagparity.reference.config.CoreFields.date;
import static flagparity.reference.config.CoreFields.element;
import static flagparity.reference.config.CoreFields.fail;
import static flagparity.reference.config.CoreFields.number;
import static flagparity.reference.config.CoreFields.object;
import static flagparity.reference.config.CoreFields.oneOf;
import static flagparity.reference.config.CoreFields.optionalNumber;
import static flagparity.reference.config.CoreFields.quoted;
import static flagparity.reference.config.CoreFields.string;

import flagparity.reference.api.ConfigException;
import flagparity.reference.api.JsonCodec;
import flagparity.reference.api.Variable;
import flagparity.reference.eval.Audience;
import flagparity.reference.eval.Murmur3;
import flagparity.reference.eval.Operator;
import flagparity.reference.eval.Rollout;
import flagparity.reference.internal.AsDate;
import flagparity.reference.internal.CoreJson;
import flagparity.reference.internal.CoreJsonWriter;
import flagparity.reference.internal.CoreStack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and validates a DevCycle server config as the core's {@code setConfigDataUTF8} does
 * ({@code ConfigBodyV2}) and compiles it once into a {@link CompiledConfig}.
 *
 * <p>It accepts exactly what the core accepts: the core's lenient JSON ({@link CoreJson}), required
 * strings, objects and arrays, the enums the core checks strictly (feature, variable, rollout and
 * stage types, prerequisite comparators, custom-data types), numbers that must not be NaN, dates
 * its {@code Date.fromString} takes, filter values whose first element is a boolean, string or
 * number. What the core only warns about (an unknown filter type, subType or comparator, an operator
 * other than and/or) is accepted and compiles to a filter that never matches, as in the core. A
 * rejected config gets a {@link ConfigException} naming the JSON path and the problem.
 */
public final class ConfigParser {
    private static final List<String> FEATURE_TYPES = List.of("release", "experiment", "permission", "ops");
    private static final List<String> VARIABLE_TYPES = List.of("String", "Boolean", "Number", "JSON");
    private static final List<String> ROLLOUT_TYPES = List.of("schedule", "gradual", "stepped");
    private static final List<String> STAGE_TYPES = List.of("linear", "discrete");
    private static final List<String> PREREQUISITE_COMPARATORS = List.of("=", "!=");

    private final Map<String, Audience> audiences = new LinkedHashMap<>();
    private final CoreRules rules;
    private final FilterCompiler filters;

    private ConfigParser(CoreRules rules) {
        this.rules = rules;
        this.filters = new FilterCompiler(audiences, rules);
    }

    /**
     * Parses {@code json} into a config compiled to answer under {@code rules} (every version
     * accepts and rejects the same configs).
     *
     * @throws ConfigException when the core would reject the config
     */
    public static CompiledConfig parse(String json, CoreRules rules) {
        java.util.Objects.requireNonNull(rules, "rules");
        if (json == null) throw new ConfigException("config is null");
        Object root;
        try {
            root = CoreJson.parse(json);
        } catch (CoreJson.ParseException e) {
            throw new ConfigException("config is not JSON the core can read: " + e.getMessage(), e);
        }
        if (!(root instanceof Map)) {
            throw new ConfigException("config is not a JSON object");
        }
        try {
            return new ConfigParser(rules).compile(asMap(root));
        } catch (AsDate.InvalidDateException e) {
            throw new ConfigException("invalid date: " + e.getMessage(), e);
        }
    }

    private CompiledConfig compile(Map<String, Object> root) {
        Map<String, Object> project = object(root, "project", "");
        String projectId = string(project, "_id", "project");
        String projectKey = string(project, "key", "project");
        String organization = string(project, "a0_organization", "project");
        Map<String, Object> settings = object(project, "settings", "project");
        boolean disablePassthrough = false;
        if (settings.containsKey("disablePassthroughRollouts")) {
            Object v = settings.get("disablePassthroughRollouts");
            if (!(v instanceof Boolean)) {
                throw fail("project.settings", "missing bool value for key \"disablePassthroughRollouts\"");
            }
            disablePassthrough = (Boolean) v;
        }
        Map<String, Object> environment = object(root, "environment", "");
        String environmentId = string(environment, "_id", "environment");
        String environmentKey = string(environment, "key", "environment");

        // Audiences are read after features in the core; audienceMatch filters only name them, so
        // the ids are known first here and the definitions compiled last.
        Object audiencesJson = root.get("audiences");
        Map<String, Object> audienceDefinitions = audiencesJson instanceof Map ? asMap(audiencesJson) : Map.of();
        for (String id : audienceDefinitions.keySet()) {
            audiences.put(id, new Audience(id));
        }

        List<Map<String, Object>> featureJsons = new ArrayList<>();
        List<Object> featureList = array(root, "features", "");
        for (int i = 0; i < featureList.size(); i++) {
            featureJsons.add(element(featureList.get(i), "features[" + i + "]"));
        }
        for (Map.Entry<String, Object> e : audienceDefinitions.entrySet()) {
            String path = "audiences." + e.getKey();
            Map<String, Object> audience = element(e.getValue(), path);
            audiences.get(e.getKey()).define(filters.operator(object(audience, "filters", path), path + ".filters", 0,
                    CoreStack.BUILD_AUDIENCE_LIMIT));
        }

        // Variables: by key and by id the last one wins, as in the core's maps.
        Map<String, String[]> variablesByKey = new LinkedHashMap<>();
        Map<String, String[]> variablesById = new HashMap<>();
        List<Object> variableList = array(root, "variables", "");
        for (int i = 0; i < variableList.size(); i++) {
            String path = "variables[" + i + "]";
            Map<String, Object> v = element(variableList.get(i), path);
            String id = string(v, "_id", path);
            String type = oneOf(v, "type", VARIABLE_TYPES, path);
            String key = string(v, "key", path);
            String[] variable = {id, type, key};
            variablesByKey.put(key, variable);
            variablesById.put(id, variable);
        }

        List<CompiledFeature> features = new ArrayList<>();
        List<FeatureSource> sources = new ArrayList<>();
        for (int i = 0; i < featureJsons.size(); i++) {
            FeatureSource source = feature(featureJsons.get(i), "features[" + i + "]", variablesById);
            sources.add(source);
            features.add(source.compiled);
        }

        // The feature serving a variable id: the first one with a variation that uses it.
        Map<String, FeatureSource> servingFeature = new HashMap<>();
        for (FeatureSource source : sources) {
            for (Map<String, Object> values : source.valuesByVariation) {
                for (String variableId : values.keySet()) servingFeature.putIfAbsent(variableId, source);
            }
        }
        Map<String, VariableBinding> bindings = new HashMap<>();
        for (String[] v : variablesByKey.values()) {
            bindings.put(v[2], binding(v, servingFeature.get(v[0]), rules));
        }
        for (VariableBinding b : bindings.values()) b.prepareSinglePathTargets();

        String projectJson = "{\"_id\":" + quoted(projectId) + ",\"key\":" + quoted(projectKey)
                + ",\"a0_organization\":" + quoted(organization)
                + ",\"settings\":{\"disablePassthroughRollouts\":" + disablePassthrough + "}}";
        String environmentJson = "{\"_id\":" + quoted(environmentId) + ",\"key\":" + quoted(environmentKey) + "}";
        return new CompiledConfig(rules, projectJson, environmentJson, !disablePassthrough,
                features.toArray(new CompiledFeature[0]), bindings);
    }

    /** A compiled feature with the variation variable values the bindings need. */
    private static final class FeatureSource {
        final CompiledFeature compiled;
        /** Per variation, its variables by id (the last entry wins). */
        final List<Map<String, Object>> valuesByVariation;

        FeatureSource(CompiledFeature compiled, List<Map<String, Object>> valuesByVariation) {
            this.compiled = compiled;
            this.valuesByVariation = valuesByVariation;
        }
    }

    private static VariableBinding binding(String[] variable, FeatureSource source, CoreRules rules) {
        String id = variable[0];
        if (source == null) {
            return new VariableBinding(id, variable[2], variable[1], null, new Variable[0], new boolean[0], rules);
        }
        Variable[] served = new Variable[source.valuesByVariation.size()];
        boolean[] tooDeep = new boolean[served.length];
        for (int i = 0; i < served.length; i++) {
            Map<String, Object> values = source.valuesByVariation.get(i);
            if (values.containsKey(id)) {
                Object value = values.get(id);
                served[i] = JsonCodec.variableFromCore(id, variable[2], variable[1], value);
                tooDeep[i] = CoreStack.writeCost(value) > CoreStack.VARIABLE_WRITE_LIMIT;
            }
        }
        return new VariableBinding(id, variable[2], variable[1], source.compiled, served, tooDeep, rules);
    }

    private FeatureSource feature(Map<String, Object> f, String path, Map<String, String[]> variablesById) {
        String id = string(f, "_id", path);
        String type = oneOf(f, "type", FEATURE_TYPES, path);
        String key = string(f, "key", path);
        List<Object> variationList = array(f, "variations", path);
        List<Map<String, Object>> valuesByVariation = new ArrayList<>();
        Map<String, CompiledVariation> variationsById = new HashMap<>();
        for (int i = 0; i < variationList.size(); i++) {
            String vPath = path + ".variations[" + i + "]";
            Map<String, Object> v = element(variationList.get(i), vPath);
            String vId = string(v, "_id", vPath);
            String name = string(v, "name", vPath);
            String vKey = string(v, "key", vPath);
            List<Object> variableList = array(v, "variables", vPath);
            Map<String, Object> values = new HashMap<>();
            List<CompiledVariation.BucketedVariable> bucketed = new ArrayList<>();
            String missing = null;
            for (int j = 0; j < variableList.size(); j++) {
                String varPath = vPath + ".variables[" + j + "]";
                Map<String, Object> entry = element(variableList.get(j), varPath);
                String varId = string(entry, "_var", varPath);
                if (!entry.containsKey("value")) throw fail(varPath, "value missing for key \"value\"");
                Object value = entry.get("value");
                values.put(varId, value);
                String[] variable = variablesById.get(varId);
                if (variable == null) {
                    if (missing == null) missing = varId;
                } else {
                    bucketed.add(new CompiledVariation.BucketedVariable(variable[2],
                            "{\"_feature\":" + quoted(id) + ",\"_variation\":" + quoted(vId) + "}",
                            "{\"_id\":" + quoted(variable[0]) + ",\"type\":" + quoted(variable[1]) + ",\"key\":"
                                    + quoted(variable[2]) + ",\"value\":" + CoreJsonWriter.write(value),
                            ",\"_feature\":" + quoted(id) + "}",
                            CoreStack.writeCost(value) > CoreStack.BUCKETED_WRITE_LIMIT));
                }
            }
            String featureJson = "{\"_id\":" + quoted(id) + ",\"type\":" + quoted(type) + ",\"key\":" + quoted(key)
                    + ",\"_variation\":" + quoted(vId) + ",\"variationName\":" + quoted(name)
                    + ",\"variationKey\":" + quoted(vKey);
            CompiledVariation variation = new CompiledVariation(i, vId, vKey, name, featureJson, quoted(vId), bucketed, missing);
            valuesByVariation.add(values);
            variationsById.put(vId, variation);
        }

        String cPath = path + ".configuration";
        Map<String, Object> configuration = object(f, "configuration", path);
        string(configuration, "_id", cPath);
        Object prerequisites = configuration.get("prerequisites");
        if (prerequisites instanceof List) {
            List<?> list = (List<?>) prerequisites;
            for (int i = 0; i < list.size(); i++) {
                String pPath = cPath + ".prerequisites[" + i + "]";
                Map<String, Object> p = element(list.get(i), pPath);
                string(p, "_feature", pPath);
                oneOf(p, "comparator", PREREQUISITE_COMPARATORS, pPath);
            }
        }
        Object winning = configuration.get("winningVariation");
        if (winning instanceof Map) {
            Map<String, Object> w = asMap(winning);
            string(w, "_variation", cPath + ".winningVariation");
            date(w, "updatedAt", cPath + ".winningVariation");
        }
        List<Object> targetList = array(configuration, "targets", cPath);
        CompiledTarget[] targets = new CompiledTarget[targetList.size()];
        for (int i = 0; i < targets.length; i++) {
            String tPath = cPath + ".targets[" + i + "]";
            targets[i] = target(i, element(targetList.get(i), tPath), tPath, variationsById);
        }
        CompiledFeature compiled = new CompiledFeature(id, key, type, targets);
        return new FeatureSource(compiled, valuesByVariation);
    }

    private CompiledTarget target(int index, Map<String, Object> t, String path, Map<String, CompiledVariation> variationsById) {
        String id = string(t, "_id", path);
        Map<String, Object> audience = object(t, "_audience", path);
        Operator operator = filters.operator(object(audience, "filters", path + "._audience"), path + "._audience.filters", 0,
                CoreStack.BUILD_TARGET_LIMIT);
        Object rolloutJson = t.get("rollout");
        Rollout rollout = rolloutJson instanceof Map ? rollout(asMap(rolloutJson), path + ".rollout") : null;
        List<Object> distributionList = array(t, "distribution", path);
        List<CompiledTarget.Distribution> distribution = new ArrayList<>();
        for (int i = 0; i < distributionList.size(); i++) {
            String dPath = path + ".distribution[" + i + "]";
            Map<String, Object> d = element(distributionList.get(i), dPath);
            String variation = string(d, "_variation", dPath);
            double percentage = number(d, "percentage", dPath);
            distribution.add(new CompiledTarget.Distribution(variation, percentage, variationsById.get(variation)));
        }
        // The core sorts by variation id (UTF-16 order, stable) and reverses the result.
        distribution.sort((a, b) -> a.variationId().compareTo(b.variationId()));
        CompiledTarget.Distribution[] sorted = new CompiledTarget.Distribution[distribution.size()];
        for (int i = 0; i < sorted.length; i++) sorted[i] = distribution.get(sorted.length - 1 - i);
        // An empty bucketingKey is a custom-data key like any other: the core tests it for null only.
        Object bucketingKey = t.get("bucketingKey");
        String key = bucketingKey instanceof String && !"user_id".equals(bucketingKey) ? (String) bucketingKey : null;
        return new CompiledTarget(index, id, Murmur3.hash(id, 1), operator, rollout, key, sorted, rules);
    }

    private static Rollout rollout(Map<String, Object> r, String path) {
        String type = oneOf(r, "type", ROLLOUT_TYPES, path);
        double startPercentage = optionalNumber(r, "startPercentage", 1, path);
        long startDate = date(r, "startDate", path);
        List<Rollout.Stage> stages = new ArrayList<>();
        Object stagesJson = r.get("stages");
        if (stagesJson instanceof List) {
            List<?> list = (List<?>) stagesJson;
            for (int i = 0; i < list.size(); i++) {
                String sPath = path + ".stages[" + i + "]";
                Map<String, Object> s = element(list.get(i), sPath);
                String stageType = oneOf(s, "type", STAGE_TYPES, sPath);
                long date = date(s, "date", sPath);
                double percentage = number(s, "percentage", sPath);
                stages.add(new Rollout.Stage("linear".equals(stageType), date, percentage));
            }
        }
        long syntheticStageDate = AsDate.parse(AsDate.toIsoString(startDate));
        return new Rollout(type, startDate, startPercentage, stages.toArray(new Rollout.Stage[0]), syntheticStageDate);
    }
}

package flagparity.parity.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flagparity.reference.api.VariableType;
import flagparity.parity.oracle.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * DevCycle server configs (the schema of the core's {@code ConfigBodyV2}) that the core accepts:
 * features of every type with several targets, filters of every kind, config-level audiences,
 * rollouts, distributions, variables of every type, shared variables and unknown keys.
 *
 * <p>A config is generated as a {@link ConfigSpec} whose cross references (variables of a
 * feature, variations of a distribution, audiences of a filter) are indexes resolved when the
 * JSON is built, so every part shrinks on its own.
 */
public final class ConfigArbitraries {
    private ConfigArbitraries() {}

    static final List<String> VARIABLE_KEYS = List.of("bool-var", "num-var", "str-var", "json-var", "shared",
            "flag", "ü-key", "a b", "v.1", "KEY");
    public static final List<String> VARIATION_IDS = List.of("v1", "v10", "v2", "v1a", "V3", "ü", "v0", "61a2b3", "v");
    static final List<String> FEATURE_TYPES = List.of("release", "experiment", "permission", "ops");
    static final List<String> JSON_KEYS = List.of("a", "b", "nested", "list", "ü", "", "a b");
    /** Number spellings Jackson never writes, and integers the core reads through a double (2^53 and beyond). */
    static final List<String> RAW_VALUE_NUMBERS = List.of("1e2", "-0", "12345678901234567890", "1.50", "0.1e1",
            "9007199254740993", "123456789012345678", "9223372036854775807", "-9223372036854775808", "18014398509481985");

    public record VariableSpec(String key, VariableType type, boolean duplicateKey) {}

    /** One value per type; the one matching the variable's type is used, or {@code wrong} when {@code useWrong}. */
    public record ValueSpec(boolean bool, JsonNode number, String string, JsonNode json, JsonNode wrong, boolean useWrong) {
        JsonNode forType(VariableType t) {
            if (useWrong) {
                return wrong;
            }
            switch (t) {
                case Boolean: return Json.F.booleanNode(bool);
                case Number: return number;
                case String: return Json.text(string);
                default: return json;
            }
        }
    }

    public record VariationSpec(List<ValueSpec> values, boolean dropFirstVariable) {}

    public record StageSpec(String type, Dates.DateSpec date, JsonNode percentage) {}

    public record RolloutSpec(String type, JsonNode startPercentage, Dates.DateSpec start, List<StageSpec> stages) {}

    /** {@code variation} indexes a feature's variations; -1 names a variation the feature does not have. */
    public record Slice(int variation, int weight) {}

    public record TargetSpec(Filters.Node audience, RolloutSpec rollout, List<Slice> distribution, boolean halfDistribution,
            String bucketingKey) {}

    public record FeatureSpec(String type, List<Integer> variables, List<VariationSpec> variations, List<TargetSpec> targets,
            boolean extras, boolean duplicateKey) {}

    public record ConfigSpec(int salt, JsonNode disablePassthrough, List<VariableSpec> variables, List<FeatureSpec> features,
            List<Filters.Node> audiences, boolean extras, boolean dropAVariable) {
        public String toJson() {
            return ConfigArbitraries.build(this).toString();
        }
    }

    /** Configs of every size, tiny to large. */
    public static Arbitrary<ConfigSpec> configs() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, configs(4, 3)),
                Tuple.of(3, configs(10, 5)),
                Tuple.of(1, configs(40, 5)));
    }

    public static Arbitrary<ConfigSpec> configs(int maxFeatures, int maxTargets) {
        return Builders.withBuilder(() -> new ConfigSpec(0, null, List.of(), List.of(), List.of(), false, false))
                .use(Arbitraries.integers().between(0, 100_000))
                .in((c, v) -> new ConfigSpec(v, c.disablePassthrough, c.variables, c.features, c.audiences, c.extras, c.dropAVariable))
                .use(Arbitraries.of(Json.F.booleanNode(true), Json.F.booleanNode(false))).withProbability(0.6)
                .in((c, v) -> new ConfigSpec(c.salt, v, c.variables, c.features, c.audiences, c.extras, c.dropAVariable))
                .use(variable().list().ofMinSize(1).ofMaxSize(maxFeatures + 3))
                .in((c, v) -> new ConfigSpec(c.salt, c.disablePassthrough, v, c.features, c.audiences, c.extras, c.dropAVariable))
                .use(Arbitraries.frequencyOf(Tuple.of(20, feature(maxTargets).list().ofMinSize(1).ofMaxSize(maxFeatures)),
                        Tuple.of(1, Arbitraries.just(List.<FeatureSpec>of()))))
                .in((c, v) -> new ConfigSpec(c.salt, c.disablePassthrough, c.variables, v, c.audiences, c.extras, c.dropAVariable))
                .use(Filters.topLevel(true).list().ofMaxSize(4)).withProbability(0.6)
                .in((c, v) -> new ConfigSpec(c.salt, c.disablePassthrough, c.variables, c.features, v, c.extras, c.dropAVariable))
                .use(Arbitraries.of(true, false))
                .in((c, v) -> new ConfigSpec(c.salt, c.disablePassthrough, c.variables, c.features, c.audiences, v, c.dropAVariable))
                .use(Arbitraries.frequency(Tuple.of(30, false), Tuple.of(1, true)))
                .in((c, v) -> new ConfigSpec(c.salt, c.disablePassthrough, c.variables, c.features, c.audiences, c.extras, v))
                .build();
    }

    static Arbitrary<VariableSpec> variable() {
        return Combinators.combine(
                        Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.of(VARIABLE_KEYS)), Tuple.of(1, OddStrings.strings())),
                        Arbitraries.frequency(Tuple.of(3, VariableType.Boolean), Tuple.of(2, VariableType.Number),
                                Tuple.of(2, VariableType.String), Tuple.of(2, VariableType.JSON)),
                        Arbitraries.frequency(Tuple.of(40, false), Tuple.of(1, true)))
                .as(VariableSpec::new);
    }

    static Arbitrary<FeatureSpec> feature(int maxTargets) {
        return Combinators.combine(
                        Arbitraries.of(FEATURE_TYPES),
                        Arbitraries.integers().between(0, 80).list().ofMaxSize(2),
                        variation().list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.frequencyOf(Tuple.of(12, target().list().ofMinSize(1).ofMaxSize(maxTargets)),
                                Tuple.of(1, Arbitraries.just(List.<TargetSpec>of()))),
                        Arbitraries.of(true, false),
                        Arbitraries.frequency(Tuple.of(30, false), Tuple.of(1, true)))
                .as(FeatureSpec::new);
    }

    static Arbitrary<VariationSpec> variation() {
        return Combinators.combine(value().list().ofMinSize(3).ofMaxSize(3),
                        Arbitraries.frequency(Tuple.of(120, false), Tuple.of(1, true)))
                .as(VariationSpec::new);
    }

    static Arbitrary<ValueSpec> value() {
        Arbitrary<JsonNode> numbers = Arbitraries.frequencyOf(
                Tuple.of(8, Pools.numbers().map(Json::number)),
                Tuple.of(1, Arbitraries.of(RAW_VALUE_NUMBERS).map(Json::raw)));
        Arbitrary<JsonNode> wrong = Arbitraries.oneOf(Pools.strings().map(Json::text), numbers,
                Arbitraries.just(Json.F.booleanNode(true)), Arbitraries.just(Json.F.nullNode()),
                jsonValue(1).map(j -> (JsonNode) Json.array(List.of(j))));
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        numbers,
                        Pools.strings(),
                        Arbitraries.frequencyOf(Tuple.of(12, jsonObject(2)), Tuple.of(1, jsonValue(1))),
                        wrong,
                        Arbitraries.frequency(Tuple.of(40, false), Tuple.of(1, true)))
                .as(ValueSpec::new);
    }

    static Arbitrary<JsonNode> jsonObject(int depth) {
        return Arbitraries.maps(Arbitraries.of(JSON_KEYS), jsonValue(depth)).ofMaxSize(3).map(m -> {
            ObjectNode o = Json.object();
            m.forEach(o::set);
            return o;
        });
    }

    static Arbitrary<JsonNode> jsonValue(int depth) {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Pools.strings().map(Json::text),
                Pools.numbers().map(Json::number),
                Arbitraries.of(true, false).map(Json.F::booleanNode),
                Arbitraries.just(Json.F.nullNode()));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalar),
                Tuple.of(1, Arbitraries.lazy(() -> jsonObject(depth - 1))),
                Tuple.of(1, Arbitraries.lazy(() -> jsonValue(depth - 1)).list().ofMaxSize(3).map(Json::array)));
    }

    static Arbitrary<TargetSpec> target() {
        Arbitrary<String> bucketingKeys = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just((String) null)),
                Tuple.of(2, Arbitraries.just("user_id")),
                Tuple.of(5, Pools.customKeys()),
                Tuple.of(1, Arbitraries.just("nonexistent")));
        return Combinators.combine(
                        Filters.topLevel(true),
                        rollout().injectNull(0.6),
                        slice().list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.frequency(Tuple.of(80, false), Tuple.of(1, true)),
                        bucketingKeys)
                .as(TargetSpec::new);
    }

    static Arbitrary<Slice> slice() {
        return Combinators.combine(
                        Arbitraries.frequency(Tuple.of(120, 0), Tuple.of(1, -1)).flatMap(m -> m < 0
                                ? Arbitraries.just(-1) : Arbitraries.integers().between(0, 8)),
                        Arbitraries.of(1, 1, 2, 3, 5, 10, 0))
                .as(Slice::new);
    }

    static Arbitrary<Dates.DateSpec> date() {
        return Combinators.combine(Arbitraries.of(Pools.HOUR_OFFSETS),
                        Arbitraries.frequency(Tuple.of(12, 0), Tuple.of(1, 1), Tuple.of(1, 2), Tuple.of(1, 3),
                                Tuple.of(1, 4), Tuple.of(1, 5), Tuple.of(1, 6)))
                .as(Dates.DateSpec::new);
    }

    static Arbitrary<RolloutSpec> rollout() {
        Arbitrary<JsonNode> percentages = Arbitraries.of(0L, 1L, 0.0, 0.1, 0.25, 0.5, 0.75, 1.0, 0.3333).map(Json::number);
        Arbitrary<StageSpec> stage = Combinators.combine(
                        Arbitraries.frequency(Tuple.of(3, "linear"), Tuple.of(3, "discrete")), date(), percentages)
                .as(StageSpec::new);
        return Combinators.combine(
                        Arbitraries.of("schedule", "gradual", "stepped"),
                        percentages.injectNull(0.3),
                        date(),
                        stage.list().ofMaxSize(3).injectNull(0.2))
                .as(RolloutSpec::new);
    }

    /** The comparators the core knows. */
    public static final List<String> COMPARATORS = Filters.COMPARATORS;

    /** Single filters (not operators) of every kind but audienceMatch. */
    public static Arbitrary<JsonNode> filterLeaves() {
        return Filters.leaf(false).map(n -> n.toJson(List.of()));
    }

    /**
     * A top-level operator and the config-level audiences it may match (JSON texts); an audience only
     * matches audiences before it.
     */
    public static Arbitrary<Tuple.Tuple2<String, String>> operatorsWithAudiences() {
        return Combinators.combine(Filters.topLevel(true), Filters.topLevel(true).list().ofMaxSize(3)).as((op, auds) -> {
            ObjectNode audiences = Json.object();
            List<String> ids = new ArrayList<>();
            for (Filters.Node a : auds) {
                String id = "aud" + ids.size();
                audiences.putObject(id).set("filters", a.toJson(List.copyOf(ids)));
                ids.add(id);
            }
            return Tuple.of(Texts.printable(op.toJson(ids).toString()), Texts.printable(audiences.toString()));
        });
    }

    /** Rollouts (JSON texts) of every type, dated near {@link Pools#T0}. */
    public static Arbitrary<String> rollouts() {
        return rollout().map(r -> rollout(r).toString());
    }

    /** Builds the config JSON a spec describes. */
    static ObjectNode build(ConfigSpec c) {
        ObjectNode root = Json.object();
        ObjectNode project = root.putObject("project");
        project.put("_id", "61f97628ff4afcb6d057dbf0");
        project.put("key", "flagparity");
        project.put("a0_organization", "org_flagparity");
        ObjectNode settings = project.putObject("settings");
        if (c.disablePassthrough() != null) {
            settings.set("disablePassthroughRollouts", c.disablePassthrough());
        }
        if (c.extras()) {
            settings.putObject("edgeDB").put("enabled", false);
            settings.putObject("optIn").put("enabled", true);
            root.put("clientSDKKey", "dvc_client_key");
            root.putObject("sse").put("hostname", "https://sse.example");
        }
        ObjectNode env = root.putObject("environment");
        env.put("_id", "6153553b8cf4e45e0464268d");
        env.put("key", "development");

        List<String> audienceIds = new ArrayList<>();
        ObjectNode audiences = Json.object();
        for (int i = 0; i < c.audiences().size(); i++) {
            String id = "aud" + (c.salt() % 97) + "_" + i;
            // an audience may only match audiences before it: no cycles
            audiences.putObject(id).set("filters", c.audiences().get(i).toJson(List.copyOf(audienceIds)));
            audienceIds.add(id);
        }
        if (!c.audiences().isEmpty() || c.extras()) {
            root.set("audiences", audiences);
        }

        List<String> variableIds = new ArrayList<>();
        ArrayNode variables = root.putArray("variables");
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < c.variables().size(); i++) {
            VariableSpec v = c.variables().get(i);
            String key = v.key();
            if (!keys.add(key) && !v.duplicateKey()) {
                key = key + "-" + i;
                keys.add(key);
            }
            String id = "var" + c.salt() + "-" + i;
            variableIds.add(id);
            ObjectNode vn = Json.object();
            vn.put("_id", id);
            vn.put("type", v.type().name());
            vn.put("key", key);
            if (c.extras()) {
                vn.put("_feature", "unknown");
            }
            if (!(c.dropAVariable() && i == 0)) {
                variables.add(vn);
            }
        }

        ArrayNode features = Json.F.arrayNode();
        Set<String> featureKeys = new HashSet<>();
        String lastFeatureKey = null;
        for (int i = 0; i < c.features().size(); i++) {
            FeatureSpec f = c.features().get(i);
            String key = f.duplicateKey() && lastFeatureKey != null ? lastFeatureKey : "feature-" + i;
            featureKeys.add(key);
            lastFeatureKey = key;
            features.add(feature(c, f, i, key, variableIds, audienceIds));
        }
        root.set("features", features);
        return root;
    }

    private static ObjectNode feature(ConfigSpec c, FeatureSpec f, int index, String key, List<String> variableIds,
            List<String> audienceIds) {
        ObjectNode fn = Json.object();
        fn.put("_id", "f" + c.salt() + "-" + index);
        fn.put("type", f.type());
        fn.put("key", key);
        // the feature's variables, by index, without repeats: every variable belongs to some feature,
        // and a drawn one may belong to several (a shared variable)
        List<Integer> vars = new ArrayList<>();
        for (int v = index; v < variableIds.size(); v += c.features().size()) {
            vars.add(v);
        }
        for (int ref : f.variables()) {
            int v = ref % variableIds.size();
            if (!vars.contains(v)) {
                vars.add(v);
            }
        }
        List<String> variationIds = new ArrayList<>();
        ArrayNode variations = fn.putArray("variations");
        for (int j = 0; j < f.variations().size() && j < VARIATION_IDS.size(); j++) {
            VariationSpec vs = f.variations().get(j);
            String id = VARIATION_IDS.get((c.salt() + index + j) % VARIATION_IDS.size());
            variationIds.add(id);
            ObjectNode vn = variations.addObject();
            vn.put("_id", id);
            vn.put("name", "Variation " + id);
            vn.put("key", "variation-" + id);
            ArrayNode vv = vn.putArray("variables");
            for (int k = 0; k < vars.size(); k++) {
                if (vs.dropFirstVariable() && k == 0) {
                    continue;
                }
                int var = vars.get(k);
                ObjectNode entry = vv.addObject();
                entry.put("_var", variableIds.get(var));
                entry.set("value", vs.values().get(k % vs.values().size()).forType(c.variables().get(var).type()));
            }
        }
        ObjectNode conf = fn.putObject("configuration");
        conf.put("_id", "fc" + c.salt() + "-" + index);
        ArrayNode targets = conf.putArray("targets");
        for (int t = 0; t < f.targets().size(); t++) {
            targets.add(target(c, f.targets().get(t), "t" + c.salt() + "-" + index + "-" + t, variationIds, audienceIds));
        }
        if (f.extras()) {
            conf.putArray("prerequisites").addObject().put("_feature", "f0").put("comparator", "=");
            ObjectNode win = conf.putObject("winningVariation");
            win.put("_variation", variationIds.get(0));
            win.put("updatedAt", "2024-03-01T00:00:00.000Z");
            fn.putObject("settings").put("publicName", "Feature " + index).putArray("optInVariations");
            fn.putArray("tags").add("t");
        }
        return fn;
    }

    private static ObjectNode target(ConfigSpec c, TargetSpec t, String id, List<String> variationIds, List<String> audienceIds) {
        ObjectNode tn = Json.object();
        tn.put("_id", id);
        tn.putObject("_audience").set("filters", t.audience().toJson(audienceIds));
        if (t.rollout() != null) {
            tn.set("rollout", rollout(t.rollout()));
        }
        if (t.bucketingKey() != null) {
            tn.put("bucketingKey", t.bucketingKey());
        }
        int total = 0;
        for (Slice s : t.distribution()) {
            total += s.weight();
        }
        ArrayNode dist = tn.putArray("distribution");
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < t.distribution().size(); i++) {
            Slice s = t.distribution().get(i);
            BigDecimal p;
            if (total == 0) {
                p = i == 0 ? BigDecimal.ONE : BigDecimal.ZERO;
            } else if (i == t.distribution().size() - 1) {
                p = BigDecimal.ONE.subtract(sum);
            } else {
                p = BigDecimal.valueOf(s.weight()).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_EVEN);
            }
            sum = sum.add(p);
            if (t.halfDistribution()) {
                p = p.divide(BigDecimal.valueOf(2));
            }
            ObjectNode d = dist.addObject();
            d.put("_variation", s.variation() < 0 ? "missing-variation" : variationIds.get(s.variation() % variationIds.size()));
            d.put("percentage", p.doubleValue());
        }
        return tn;
    }

    private static ObjectNode rollout(RolloutSpec r) {
        ObjectNode o = Json.object();
        o.put("type", r.type());
        if (r.startPercentage() != null) {
            o.set("startPercentage", r.startPercentage());
        }
        o.put("startDate", r.start().text());
        if (r.stages() != null) {
            ArrayNode stages = o.putArray("stages");
            for (StageSpec s : r.stages()) {
                ObjectNode sn = stages.addObject();
                sn.put("type", s.type());
                sn.put("date", s.date().text());
                sn.set("percentage", s.percentage());
            }
        }
        return o;
    }
}

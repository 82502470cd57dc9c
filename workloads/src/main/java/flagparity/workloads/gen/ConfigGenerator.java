package flagparity.workloads.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one generator of DevCycle server configs (the JSON its CDN serves, {@code configBodyV2}): the
 * benchmarks' named workloads are its realistic profile at fixed seeds, the parity properties draw
 * its odd profile from jqwik (see {@link Profile}). Every config holds config-level audiences (some
 * matching earlier ones), features of every type with variations serving Boolean, Number, String and
 * JSON variables, targets ({@link Targets}) whose audiences filter on user fields, custom data and
 * audiences ({@link Filters}), rollouts and distributions.
 *
 * <p>Realistic configs have DevCycle's ids and names, and a feature serving {@link #DEFAULT_KEY} to
 * the benchmarks' default user only after two targets that do not match it (an {@code audienceMatch}
 * on the internal audience, a country/app version target under a gradual rollout), then an "all
 * users" target. Odd configs add variables shared by features or by none, duplicate keys, a variable
 * missing from the list, variations that leave a variable out, members the core ignores.
 *
 * <p>Determinism: all choices come from one {@link Choices}, in a fixed order, and nothing depends
 * on the clock, locale or hash ordering; the bytes of the named workloads are pinned by tests.
 */
public final class ConfigGenerator {
    /** The realistic profile's Boolean variable the benchmarks' default user is served true. */
    public static final String DEFAULT_KEY = "checkout-redesign-enabled";
    static final List<String> VARIABLE_KEYS = List.of("bool-var", "num-var", "str-var", "json-var", "shared",
            "flag", "ü-key", "a b", "v.1", "KEY");
    /** The odd profile's variation ids (a feature uses up to four, in a rotation). */
    public static final List<String> VARIATION_IDS = List.of("v1", "v10", "v2", "v1a", "V3", "ü", "v0", "61a2b3", "v");
    private static final List<String> FEATURE_TYPES = List.of("release", "release", "release", "experiment",
            "experiment", "permission", "ops", "ops");
    private static final List<String> VARIABLE_TYPES = List.of("Boolean", "Boolean", "Boolean", "Boolean", "String",
            "String", "Number", "Number", "JSON", "JSON");

    private final Choices c;
    private final Profile p;
    private final Ids ids;
    private final Targets targets;
    private final List<String> audienceIds = new ArrayList<>();
    private final Set<String> featureKeys = new HashSet<>();
    private final Set<String> variableKeys = new HashSet<>();
    /** Each variable: id, key, type. */
    private final List<String[]> variables = new ArrayList<>();
    private final int salt;
    /** Odd: members the core ignores (project settings, a client SDK key, variables naming a feature, ...). */
    private boolean extras;

    private ConfigGenerator(Profile p, Choices c) {
        this.c = c;
        this.p = p;
        this.ids = new Ids(c);
        this.targets = new Targets(c, p.odd(), ids);
        this.salt = c.below(VARIATION_IDS.size());
    }

    /** A config of the profile, drawn from {@code c}. */
    public static ObjectNode generate(Profile profile, Choices c) {
        return new ConfigGenerator(profile, c).config();
    }

    private ObjectNode config() {
        ObjectNode root = Json.object();
        extras = p.odd() && c.bool();
        project(root.putObject("project"));
        if (extras) {
            root.put("clientSDKKey", "dvc_client_key");
            root.putObject("sse").put("hostname", "https://sse.example");
        }
        root.putObject("environment").put("_id", ids.next()).put("key", "production");
        ObjectNode audiences = audiences();
        if (audiences.size() > 0 || extras || !p.odd()) {
            root.set("audiences", audiences);
        }
        ArrayNode features = root.putArray("features");
        int count = !p.odd() ? p.minFeatures() : c.oneIn(21) ? 0 : c.between(p.minFeatures(), p.maxFeatures());
        String lastKey = null;
        for (int i = 0; i < count; i++) {
            ObjectNode f = !p.odd() && i == count / 3 ? defaultFeature() : feature(i, lastKey);
            lastKey = f.path("key").asText();
            features.add(f);
        }
        for (int i = p.odd() ? c.below(3) : 0; i > 0; i--) {
            variable(oddVariableKey(), variableType());
        }
        ArrayNode list = root.putArray("variables");
        boolean dropOne = p.odd() && c.oneIn(31);
        for (int i = dropOne ? 1 : 0; i < variables.size(); i++) {
            String[] v = variables.get(i);
            ObjectNode vn = list.addObject().put("_id", v[0]).put("key", v[1]).put("type", v[2]);
            if (v.length > 3) {
                vn.put("_feature", "unknown");
            }
        }
        return root;
    }

    private void project(ObjectNode project) {
        project.put("_id", ids.next()).put("key", "flagparity-demo").put("a0_organization", "org_" + c.hex(16));
        ObjectNode settings = project.putObject("settings");
        if (p.odd()) {
            if (c.weighted(3, 2) == 0) {
                settings.put("disablePassthroughRollouts", c.bool());
            }
            if (extras) {
                settings.putObject("edgeDB").put("enabled", false);
                settings.putObject("optIn").put("enabled", true);
            }
            return;
        }
        settings.putObject("edgeDB").put("enabled", false);
        ObjectNode optIn = settings.putObject("optIn").put("enabled", false).put("title", "Beta Feature Access")
                .put("description", "Get early access to new features below").put("imageURL", "");
        optIn.putObject("colors").put("primary", "#531cd9").put("secondary", "#16dec0");
        settings.put("disablePassthroughRollouts", false);
    }

    /** Config-level audiences; each may match only earlier ones, so references never cycle. */
    private ObjectNode audiences() {
        ObjectNode out = Json.object();
        if (p.odd()) {
            int count = c.weighted(3, 2) == 0 ? c.below(p.audiences() + 1) : 0;
            for (int i = 0; i < count; i++) {
                ObjectNode filters = Filters.topLevel(c, true, List.copyOf(audienceIds), true);
                audienceIds.add(ids.next());
                out.putObject(audienceIds.get(i)).set("filters", filters);
            }
            return out;
        }
        // The first: internal users (by email domain or a list of QA user ids).
        String internal = ids.next();
        List<JsonNode> qa = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            qa.add(Json.text("qa-" + c.hex(8)));
        }
        ObjectNode filters = Json.object().put("operator", "or");
        filters.putArray("filters")
                .add(Filters.userFilter("email", "endWith", List.of(Json.text("@flagparity.dev"))))
                .add(Filters.userFilter("user_id", "=", qa));
        out.putObject(internal).set("filters", filters);
        audienceIds.add(internal);
        for (int i = 1; i < p.audiences(); i++) {
            String id = ids.next();
            out.putObject(id).set("filters", new Filters(c, false, audienceIds).topLevel(3, true));
            audienceIds.add(id);
        }
        return out;
    }

    private String[] variable(String key, String type) {
        if (!variableKeys.add(key) && !(p.odd() && c.oneIn(41))) {
            key = key + "-" + variables.size();
            variableKeys.add(key);
        }
        String[] v = extras ? new String[] {ids.next(), key, type, "extras"} : new String[] {ids.next(), key, type};
        variables.add(v);
        return v;
    }

    private String variableType() {
        return c.pick(VARIABLE_TYPES);
    }

    private String oddVariableKey() {
        return c.weighted(20, 1) == 0 ? c.pick(VARIABLE_KEYS) : OddStrings.string(c);
    }

    private String featureKey(int index, String lastKey) {
        if (p.odd()) {
            return lastKey != null && c.oneIn(31) ? lastKey : "feature-" + index;
        }
        while (true) {
            String key = c.pick(Pools.AREAS) + "-" + c.pick(Pools.CHANGES);
            if (featureKeys.add(key)) {
                return key;
            }
            String numbered = key + "-" + (featureKeys.size() + 1);
            if (featureKeys.add(numbered)) {
                return numbered;
            }
        }
    }

    private ObjectNode feature(int index, String lastKey) {
        String key = featureKey(index, lastKey);
        String type = c.pick(FEATURE_TYPES);
        boolean featureExtras = p.odd() && c.bool();
        List<String[]> vars = new ArrayList<>();
        if (p.odd()) {
            for (int v = c.between(1, 2); v > 0; v--) {
                vars.add(variable(oddVariableKey(), variableType()));
            }
            for (int r = c.below(3); r > 0; r--) {
                String[] shared = variables.get(c.below(variables.size()));
                if (!vars.contains(shared)) {
                    vars.add(shared);
                }
            }
        } else {
            // about one feature in sixteen carries two variables (80 features -> 85 variables)
            String varType = variableType();
            vars.add(variable(key + variableSuffix(varType), varType));
            if (index % 16 == 7) {
                vars.add(variable(key + "-config", "JSON"));
            }
        }
        int variationCount = p.odd() ? c.between(1, 4) : type.equals("experiment") ? c.between(2, 4) : c.between(2, 3);
        ObjectNode f = Json.object().put("_id", ids.next()).put("key", key).put("type", type);
        ArrayNode variations = f.putArray("variations");
        List<String> variationIds = new ArrayList<>();
        for (int i = 0; i < variationCount; i++) {
            String id = p.odd() ? VARIATION_IDS.get((salt + index + i) % VARIATION_IDS.size()) : ids.next();
            variationIds.add(id);
            String name = p.odd() ? "Variation " + id : i == 0 ? "Control" : "Variation " + (char) ('A' + i - 1);
            ObjectNode vn = variations.addObject().put("_id", id)
                    .put("key", name.toLowerCase(Locale.ROOT).replace(' ', '-')).put("name", name);
            ArrayNode values = vn.putArray("variables");
            boolean dropFirst = p.odd() && c.oneIn(121);
            for (int k = dropFirst ? 1 : 0; k < vars.size(); k++) {
                String[] v = vars.get(k);
                values.addObject().put("_var", v[0])
                        .set("value", p.odd() ? VariableValues.odd(c, v[2]) : VariableValues.realistic(c, v[2], i));
            }
        }
        ObjectNode conf = f.putObject("configuration").put("_id", ids.next());
        ArrayNode list = conf.putArray("targets");
        int count = p.odd() ? (c.oneIn(13) ? 0 : c.between(1, p.maxTargets())) : 1 + (c.percent(55) ? 1 : 0) + (c.percent(35) ? 1 : 0);
        for (int t = 0; t < count; t++) {
            boolean everyone = !p.odd() && t == count - 1 && c.bool();
            ObjectNode audience = everyone ? all() : new Filters(c, p.odd(), audienceIds).topLevel(4, true);
            list.add(targets.target(audience, variationIds));
        }
        if (featureExtras) {
            conf.putArray("prerequisites").addObject().put("_feature", "f0").put("comparator", "=");
            conf.putObject("winningVariation").put("_variation", variationIds.get(0)).put("updatedAt", "2024-03-01T00:00:00.000Z");
            f.putObject("settings").put("publicName", "Feature " + index).putArray("optInVariations");
            f.putArray("tags").add("t");
        } else if (!p.odd() && c.oneIn(3)) {
            f.putObject("settings").put("publicName", key.replace('-', ' '))
                    .put("publicDescription", "Generated feature " + index).put("optInEnabled", false);
        }
        return f;
    }

    private static String variableSuffix(String type) {
        switch (type) {
            case "Boolean": return "-enabled";
            case "Number": return "-limit";
            case "String": return "-variant";
            default: return "-settings";
        }
    }

    private static ObjectNode all() {
        ObjectNode o = Json.object().put("operator", "and");
        o.putArray("filters").addObject().put("type", "all");
        return o;
    }

    private ObjectNode defaultFeature() {
        String[] variable = variable(DEFAULT_KEY, "Boolean");
        ObjectNode f = Json.object().put("_id", ids.next()).put("key", "checkout-redesign").put("type", "release");
        String on = ids.next();
        String off = ids.next();
        ArrayNode variations = f.putArray("variations");
        for (String id : List.of(on, off)) {
            boolean isOn = id.equals(on);
            ObjectNode vn = variations.addObject().put("_id", id).put("key", isOn ? "variation-on" : "variation-off")
                    .put("name", isOn ? "Variation On" : "Variation Off");
            vn.putArray("variables").addObject().put("_var", variable[0]).put("value", isOn);
        }
        ObjectNode conf = f.putObject("configuration").put("_id", ids.next());
        ArrayNode list = conf.putArray("targets");
        // 1: internal users first; the default user is not one of them.
        ObjectNode internal = Json.object().put("operator", "and");
        internal.putArray("filters").add(new Filters(c, false, audienceIds).audienceMatch("=", List.of(audienceIds.get(0))));
        list.add(targets.finish(targets.start(internal), List.of(on), new double[] {1}));
        // 2: a gradual rollout to some countries on recent app versions; the default user has no country.
        ObjectNode countries = Json.object().put("operator", "and");
        countries.putArray("filters")
                .add(Filters.userFilter("country", "=", List.of(Json.text("CA"), Json.text("GB"), Json.text("DE"))))
                .add(Filters.userFilter("appVersion", ">=", List.of(Json.text("5.0.0"))));
        ObjectNode gradual = targets.start(countries);
        gradual.set("rollout", targets.gradual());
        list.add(targets.finish(gradual, List.of(on, off), new double[] {0.5, 0.5}));
        // 3: everyone else, all on.
        list.add(targets.finish(targets.start(all()), List.of(on, off), new double[] {1, 0}));
        return f;
    }
}

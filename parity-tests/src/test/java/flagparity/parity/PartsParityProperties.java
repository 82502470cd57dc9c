package flagparity.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flagparity.parity.gen.Generated;
import flagparity.workloads.gen.Pools;
import flagparity.parity.gen.ScenarioArbitraries;
import flagparity.parity.oracle.CoreOracle;
import flagparity.parity.oracle.MutableClock;
import flagparity.parity.oracle.Outcome;
import flagparity.workloads.gen.ConfigGenerator;
import flagparity.workloads.gen.Filters;
import flagparity.workloads.gen.Texts;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.config.CompiledConfig;
import flagparity.reference.config.CompiledTarget;
import flagparity.reference.config.ConfigParser;
import flagparity.reference.config.CoreRules;
import flagparity.reference.eval.BucketingKey;
import flagparity.reference.eval.Comparator;
import flagparity.reference.eval.Environment;
import flagparity.reference.eval.Match;
import flagparity.reference.eval.Murmur3;
import flagparity.reference.eval.Rollout;
import flagparity.reference.eval.UserField;
import flagparity.reference.eval.VersionFilter;
import flagparity.reference.internal.CoreJson;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property 3: the reference's parts against the core's test-hook exports, one part at a time
 * (hashes, number, version and custom data filters, operators, variation choice, rollouts), each
 * try on one core version (the reference's parts compiled under that version's rules). Where
 * the reference keeps a part package-private, the part is reached through a one-target config
 * compiled by {@link ConfigParser} (the public road into the reference's filters, targets and
 * rollouts). Each try checks a batch of inputs on one long-lived core instance.
 */
class PartsParityProperties {
    private static final PlatformData PLATFORM = JsonCodec.parsePlatformData(ScenarioArbitraries.FIXED_PLATFORM_DATA);
    private static MutableClock clock;
    private static Map<CoreVersion, CoreOracle> cores;

    @BeforeContainer
    static void open() {
        clock = new MutableClock(Pools.T0);
        cores = CoreOracle.perVersion(Engine.CHICORY_AOT, clock);
        cores.values().forEach(c -> c.setPlatformData(ScenarioArbitraries.FIXED_PLATFORM_DATA));
    }

    @AfterContainer
    static void close() {
        cores.values().forEach(CoreOracle::close);
    }

    private static void same(Object expected, Object actual, String what) {
        if (!expected.equals(actual)) {
            throw new AssertionError(Texts.printable(what + "\n  core:      " + expected + "\n  reference: " + actual));
        }
    }

    // ---- hashes ----

    @Provide
    Arbitrary<String> hashKeys() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().ofMaxLength(40)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(12)),
                Tuple.of(3, Generated.userIds()),
                Tuple.of(1, Arbitraries.strings().withChars("ab😀").ofMinLength(1990).ofMaxLength(2010)));
    }

    @Property(tries = 200)
    void murmurhashMatches(@ForAll CoreVersion version, @ForAll @Size(min = 1, max = 20) List<@From("hashKeys") String> keys,
            @ForAll @Size(max = 5) List<@LongRange(max = 0xFFFF_FFFFL) Long> seeds) {
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            long seed = seeds.isEmpty() ? 1 : seeds.get(i % seeds.size());
            same(cores.get(version).murmurhash(key, seed), Integer.toUnsignedLong(Murmur3.hash(key, (int) seed)),
                    "murmurhashV3(" + JsonCodec.mapper().valueToTree(key) + ", " + seed + ")");
        }
    }

    @Property(tries = 200)
    void boundedHashesMatch(@ForAll CoreVersion version, @ForAll @Size(min = 1, max = 20) List<@From("hashKeys") String> userIds,
            @ForAll("hashKeys") String targetId) {
        int seed = target("{\"_id\":" + quote(targetId) + ",\"_audience\":{\"filters\":{\"operator\":\"and\",\"filters\":[]}},"
                + "\"distribution\":[{\"_variation\":\"a\",\"percentage\":1}]}", version).seed();
        for (String userId : userIds) {
            JsonNode hashes = cores.get(version).hookString("generateBoundedHashesFromJSON", userId, targetId).tree();
            JsonNode parsed = read(hashes.textValue());
            User user = User.builder(userId).build();
            String what = "generateBoundedHashesFromJSON(" + quote(userId) + ", " + quote(targetId) + ")";
            same(parsed.get("rolloutHash").doubleValue(), Murmur3.bounded(BucketingKey.hash(user, null, seed, true)),
                    what + ".rolloutHash");
            same(parsed.get("bucketingHash").doubleValue(), Murmur3.bounded(BucketingKey.hash(user, null, seed, false)),
                    what + ".bucketingHash");
        }
    }

    // ---- filters ----

    static final List<String> NUMBER_TEXTS = List.of("0", "-0", "7", "7.0", "7.5", "1e2", "-1", "0.1", "1e21", "1e-7",
            "9007199254740993", "12345678901234567890", "\"7\"", "true", "null", "\"\"", "1.7976931348623157e308");

    @Provide
    Arbitrary<String> numberTexts() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(NUMBER_TEXTS)),
                Tuple.of(2, Generated.numbers().map(n -> n.toString())));
    }

    @Provide
    Arbitrary<String> comparators() {
        return Arbitraries.of("=", "!=", ">", ">=", "<", "<=", "exist", "!exist", "contain", "!contain", "startWith", "!startWith",
                "endWith", "!endWith");
    }

    @Property(tries = 300)
    void numberFilterMatches(@ForAll CoreVersion version, @ForAll @Size(min = 1, max = 20) List<@From("numberTexts") String> numbers,
            @ForAll("comparators") String comparator, @ForAll @Size(min = 1, max = 20) List<@From("numberTexts") String> filterValues) {
        List<String> values = new ArrayList<>();
        for (String v : filterValues) {
            if (!v.startsWith("\"") && !v.equals("true") && !v.equals("null")) {
                values.add(v);
            }
        }
        String filter = "{\"type\":\"user\",\"subType\":\"customData\",\"comparator\":\"" + comparator + "\",\"values\":" + values + "}";
        double[] parsed = new double[values.size()];
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = ((Number) CoreJson.parse(values.get(i))).doubleValue();
        }
        for (String n : numbers) {
            Object value = CoreJson.parse(n);
            double number = value instanceof Number ? ((Number) value).doubleValue() : Double.NaN;
            same(cores.get(version).hookBoolean("checkNumbersFilterFromJSON", n, filter).text(),
                    Boolean.toString(Comparator.parse(comparator).checkNumber(number, parsed)),
                    "checkNumbersFilterFromJSON(" + n + ", " + filter + ")");
        }
    }

    @Provide
    Arbitrary<String> versionsOrNull() {
        return Generated.versions().injectNull(0.1);
    }

    @Property(tries = 400)
    void versionFilterMatches(@ForAll CoreVersion version, @ForAll @Size(min = 1, max = 20) List<@From("versionsOrNull") String> versions,
            @ForAll("comparators") String comparator, @ForAll @Size(min = 1, max = 20) List<@From("versions") String> filterValues) {
        String filter = "{\"type\":\"user\",\"subType\":\"appVersion\",\"comparator\":\"" + comparator + "\",\"values\":"
                + Texts.printable(JsonCodec.mapper().valueToTree(filterValues).toString()) + "}";
        VersionFilter reference = new VersionFilter(UserField.APP_VERSION, Comparator.parse(comparator), filterValues.toArray(new String[0]));
        Environment env = new Environment(PLATFORM, Map.of(), clock);
        for (String v : versions) {
            User user = User.builder("u").appVersion(v).build();
            same(cores.get(version).hookBoolean("checkVersionFiltersFromJSON", v, filter).text(),
                    Boolean.toString(reference.matches(user, env, 0, null)),
                    "checkVersionFiltersFromJSON(" + quote(v) + ", " + filter + ")");
        }
    }

    @Provide
    Arbitrary<String> versions() {
        return Generated.versions();
    }

    @Provide
    Arbitrary<JsonNode> customDataFilters() {
        // the hook skips the comparator check a config's filter gets, so only comparators the core knows
        return Generated.filterLeaves().filter(f -> "customData".equals(f.path("subType").asText())
                && Filters.COMPARATORS.contains(f.path("comparator").asText()));
    }

    @Provide
    Arbitrary<String> customDataOrNull() {
        return Generated.customData(true).map(o -> Texts.printable(o.toString())).injectNull(0.1);
    }

    @Property(tries = 400)
    void customDataFilterMatches(@ForAll CoreVersion version, @ForAll("customDataFilters") JsonNode filter,
            @ForAll @Size(min = 1, max = 20) List<@From("customDataOrNull") String> data) {
        CompiledTarget target = targetWith("{\"operator\":\"and\",\"filters\":[" + Texts.printable(filter.toString()) + "]}", "{}", version);
        Environment env = new Environment(PLATFORM, Map.of(), clock);
        for (String d : data) {
            User user = JsonCodec.parseUser(d == null ? "{\"user_id\":\"u\"}" : "{\"user_id\":\"u\",\"customData\":" + d + "}");
            same(cores.get(version).hookBoolean("checkCustomDataFromJSON", d, Texts.printable(filter.toString())).text(),
                    Boolean.toString(target.audience().matches(user, env, 0, null)),
                    "checkCustomDataFromJSON(" + d + ", " + filter + ")");
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, String>> operators() {
        return Generated.operatorsWithAudiences();
    }

    @Provide
    Arbitrary<String> users() {
        return Generated.userTexts(false);
    }

    @Property(tries = 300)
    void operatorMatches(@ForAll CoreVersion version, @ForAll("operators") Tuple.Tuple2<String, String> operatorAndAudiences,
            @ForAll @Size(min = 1, max = 20) List<@From("users") String> users) {
        checkOperator(version, operatorAndAudiences.get1(), operatorAndAudiences.get2(), users);
    }

    /**
     * 1.42.8 writes a data key's control characters raw into {@code reasonDetails} (CI found a NUL):
     * the hook's text is not strict JSON, so both sides are read the lenient way the core's output
     * is read everywhere else.
     */
    @Example
    void operatorDetailsKeepRawControlCharacters() {
        String operator = "{\"operator\":\"and\",\"filters\":[{\"type\":\"user\",\"subType\":\"customData\","
                + "\"dataKey\":\"a\\u0000b\",\"dataKeyType\":\"String\",\"comparator\":\"exist\",\"values\":[]}]}";
        for (CoreVersion version : CoreVersion.values()) {
            checkOperator(version, operator, "{}", List.of("{\"user_id\":\"u\",\"customData\":{\"a\\u0000b\":\"x\"}}",
                    "{\"user_id\":\"u\"}"));
        }
    }

    private void checkOperator(CoreVersion version, String operator, String audiences, List<String> users) {
        CompiledTarget target = targetWith(operator, audiences, version);
        Environment env = new Environment(PLATFORM, Map.of(), clock);
        // 1.32.0's hook answers a bool; from 1.42.8 (the cores that write evaluation reasons) the
        // SegmentationResult as JSON text: {"result":bool} and, when it passed, its "reasonDetails"
        boolean reasons = CoreRules.of(version).writesEvalReason();
        for (String u : users) {
            CoreOracle core = cores.get(version);
            Outcome byCore = reasons ? core.hookString("evaluateOperatorFromJSON", operator, u, audiences)
                    : core.hookBoolean("evaluateOperatorFromJSON", operator, u, audiences);
            // a user text the core cannot read (Jackson writes a form feed as \f, an escape it lacks)
            // must be one the reference rejects too, and the reverse
            Outcome byReference = Outcome.of(() -> {
                Match m = target.audience().match(JsonCodec.parseUser(u), env, 0, null);
                return reasons ? segmentationResult(m).toString() : Boolean.toString(m != null);
            });
            String what = "evaluateOperatorFromJSON(" + operator + ", " + u + ", " + audiences + ") on " + version;
            if (byCore.kind() == Outcome.Kind.ERROR || byReference.kind() == Outcome.Kind.ERROR) {
                same(byCore.kind(), byReference.kind(), what);
            } else {
                same(reasons ? Outcome.json(byCore.tree().textValue()).tree() : byCore.text(),
                        reasons ? Outcome.json(byReference.text()).tree() : byReference.text(), what);
            }
        }
    }

    /** 1.42.8's {@code SegmentationResult.stringify()} of the reference's match (null: not passed). */
    private static JsonNode segmentationResult(Match m) {
        ObjectNode o = JsonCodec.mapper().createObjectNode().put("result", m != null);
        return m == null ? o : o.put("reasonDetails", m.details());
    }

    // ---- targets and rollouts ----

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, Double>>> distributions() {
        return Combinators.combine(Arbitraries.of(ConfigGenerator.VARIATION_IDS), Arbitraries.of(0.0, 0.1, 0.25, 0.3333, 0.5, 1.0, 0.6667))
                .as(Tuple::of).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Double> hashes() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.doubles().between(0, 1)),
                Tuple.of(2, Arbitraries.of(0.0, 1.0, 0.25, 0.5, 0.3333, 0.6667, 0.9999999999999999, 4.9e-324, 0.1, 0.35, 0.75)));
    }

    @Property(tries = 300)
    void targetVariationMatches(@ForAll CoreVersion version, @ForAll("distributions") List<Tuple.Tuple2<String, Double>> distribution,
            @ForAll @Size(min = 1, max = 20) List<@From("hashes") Double> hashes) {
        StringBuilder d = new StringBuilder("[");
        for (Tuple.Tuple2<String, Double> slice : distribution) {
            d.append(d.length() > 1 ? "," : "").append("{\"_variation\":").append(quote(slice.get1())).append(",\"percentage\":")
                    .append(slice.get2()).append('}');
        }
        String targetJson = "{\"_id\":\"t\",\"_audience\":{\"filters\":{\"operator\":\"and\",\"filters\":[]}},\"distribution\":" + d + "]}";
        CompiledTarget target = target(targetJson, version);
        for (double h : hashes) {
            Outcome core = cores.get(version).hookString("decideTargetVariationFromJSON", targetJson, h);
            CompiledTarget.Distribution picked = target.pick(h);
            same(core.kind() == Outcome.Kind.ERROR ? "abort" : core.tree().textValue(), picked == null ? "abort" : picked.variationId(),
                    "decideTargetVariationFromJSON(" + targetJson + ", " + h + ")");
        }
    }

    @Property(tries = 400)
    void rolloutMatches(@ForAll CoreVersion version, @ForAll("rollouts") String rollout, @ForAll @Size(min = 1, max = 20) List<@From("nows") Long> nows,
            @ForAll("hashes") double hash) {
        Rollout reference = target("{\"_id\":\"t\",\"_audience\":{\"filters\":{\"operator\":\"and\",\"filters\":[]}},\"rollout\":" + rollout
                + ",\"distribution\":[{\"_variation\":\"a\",\"percentage\":1}]}", version).rollout();
        for (long now : nows) {
            clock.set(now);
            same(cores.get(version).hookBoolean("doesUserPassRolloutFromJSON", rollout, hash).text(),
                    Boolean.toString(Rollout.passes(hash, reference.percentage(now))),
                    "doesUserPassRolloutFromJSON(" + rollout + ", " + hash + ") at " + now);
        }
    }

    @Provide
    Arbitrary<String> rollouts() {
        return Generated.rollouts();
    }

    @Provide
    Arbitrary<Long> nows() {
        return ScenarioArbitraries.nows();
    }

    // ---- the public road into the reference: a one-feature config ----

    /** A target whose audience is {@code operatorJson}, compiled with the given config-level audiences. */
    private static CompiledTarget targetWith(String operatorJson, String audiencesJson, CoreVersion version) {
        return compile("{\"_id\":\"t\",\"_audience\":{\"filters\":" + operatorJson + "},"
                + "\"distribution\":[{\"_variation\":\"a\",\"percentage\":1}]}", audiencesJson, version);
    }

    private static CompiledTarget target(String targetJson, CoreVersion version) {
        return compile(targetJson, "{}", version);
    }

    /** Compiles a config of one feature with the given target (and a variation for each it distributes to). */
    private static CompiledTarget compile(String targetJson, String audiencesJson, CoreVersion version) {
        JsonNode t = read(targetJson);
        StringBuilder variations = new StringBuilder();
        for (JsonNode slice : t.path("distribution")) {
            String id = slice.path("_variation").asText();
            if (variations.indexOf("\"_id\":" + quote(id) + ",") < 0) {
                variations.append(variations.length() > 0 ? "," : "").append("{\"_id\":").append(quote(id))
                        .append(",\"name\":\"n\",\"key\":\"k\",\"variables\":[]}");
            }
        }
        String config = "{\"project\":{\"_id\":\"p\",\"key\":\"p\",\"a0_organization\":\"o\",\"settings\":{}},"
                + "\"environment\":{\"_id\":\"e\",\"key\":\"e\"},\"audiences\":" + audiencesJson + ",\"variables\":[],"
                + "\"features\":[{\"_id\":\"f\",\"type\":\"release\",\"key\":\"f\",\"variations\":[" + variations + "],"
                + "\"configuration\":{\"_id\":\"c\",\"targets\":[" + targetJson + "]}}]}";
        try {
            CompiledConfig compiled = ConfigParser.parse(config, CoreRules.of(version));
            return compiled.feature(0).target(0);
        } catch (EvaluationException e) {
            throw new AssertionError("the reference rejects a part the core accepts: " + config, e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JsonCodec.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON string the core can read: its parser knows no {@code \\f} escape, so control characters go as {@code \\u00XX}. */
    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}

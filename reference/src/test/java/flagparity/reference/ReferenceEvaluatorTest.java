package flagparity.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import flagparity.reference.api.CoreVersion;

import flagparity.reference.api.ConfigException;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.InvalidUserException;
import flagparity.reference.api.User;
import flagparity.reference.api.UserEvaluator;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Evaluator behaviour on {@code configs/features.json} and small configs. Values marked "core" are
 * the core's answers (core 1.32.0 via node, variableForUser / generateBucketedConfigForUser with the
 * same config, user and client custom data; see also RecordedAnswersTest).
 */
class ReferenceEvaluatorTest {
    private static final String FEATURES = TestConfigs.resource("configs/features.json");

    private static User user(String json) {
        return JsonCodec.parseUser(json);
    }

    private static Object value(ReferenceEvaluator e, String userJson, String key, VariableType type) {
        Variable v = e.variable(user(userJson), key, type);
        return v == null ? null : v.value();
    }

    /**
     * A bound user (its user_id prepared for hashing once) answers every key of the config as
     * {@code variable} does, the same instance or the same exception, for users split by 50/50
     * distributions and custom-data bucketing keys; and it answers on the config in force, after a swap.
     */
    @Test
    void aBoundUserAnswersAsVariableForEveryKeyAndAcrossAConfigSwap() throws Exception {
        ReferenceEvaluator e = TestConfigs.evaluator(FEATURES);
        List<UserEvaluator> bound = new ArrayList<>();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            User u = user("{\"user_id\":\"user-" + i + "-\u00e9\",\"customData\":{\"plan\":" + (i % 4) + "}}");
            users.add(u);
            bound.add(e.forUser(u));
        }
        assertBoundAnswersAsVariable(e, FEATURES, users, bound);
        String swapped = TestConfigs.singleTarget("{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}", "{}");
        e.setConfig(swapped);
        assertBoundAnswersAsVariable(e, swapped, users, bound);
    }

    private static void assertBoundAnswersAsVariable(ReferenceEvaluator e, String config, List<User> users,
            List<UserEvaluator> bound) throws Exception {
        int served = 0;
        for (JsonNode v : JsonCodec.mapper().readTree(config).path("variables")) {
            String key = v.path("key").asText();
            VariableType type = VariableType.parse(v.path("type").asText());
            for (int i = 0; i < users.size(); i++) {
                Object want;
                try {
                    want = e.variable(users.get(i), key, type);
                } catch (EvaluationException ex) {
                    want = ex.getMessage();
                }
                Object got;
                try {
                    got = bound.get(i).variable(key, type);
                } catch (EvaluationException ex) {
                    got = ex.getMessage();
                }
                if (want instanceof Variable) {
                    served++;
                    assertSame(want, got, key + " for user " + i);
                } else {
                    assertEquals(want, got, key + " for user " + i);
                }
            }
        }
        assertTrue(served >= users.size(), "too few served lookups to compare: " + served);
    }

    @Test
    void aServedLookupReturnsTheSameInstance() {
        ReferenceEvaluator e = TestConfigs.evaluator(FEATURES);
        User u = user("{\"user_id\":\"12345\"}");
        assertSame(e.variable(u, "num", VariableType.Number), e.variable(u, "num", VariableType.Number));
    }

    @Test
    void theFirstFeatureUsingAVariableServesIt() {
        // core: "num" comes from feature-a (1 for this user), not feature-b's 42; the bucketed
        // config takes the last feature's value instead (42).
        ReferenceEvaluator e = TestConfigs.evaluator(FEATURES);
        assertEquals(1.0, value(e, "{\"user_id\":\"12345\"}", "num", VariableType.Number));
        assertTrue(e.bucketedConfig(user("{\"user_id\":\"12345\"}"))
                .contains("\"num\":{\"_id\":\"v-num\",\"type\":\"Number\",\"key\":\"num\",\"value\":42}"));
    }

    @Test
    void customDataBucketingKeysHashAsTheCoreStringifiesThem() {
        // core: by-plan is bucketed by customData.plan; 7 hashes as "7", 7.0 as "7.0"
        ReferenceEvaluator e = TestConfigs.evaluator(FEATURES);
        assertEquals("x", value(e, "{\"user_id\":\"u-7\",\"customData\":{\"plan\":7}}", "by-plan", VariableType.String));
        assertEquals("x", value(e, "{\"user_id\":\"u-7\",\"customData\":{\"plan\":\"7\"}}", "by-plan", VariableType.String));
        assertEquals("y", value(e, "{\"user_id\":\"u-7\",\"customData\":{\"plan\":7.0}}", "by-plan", VariableType.String));
        assertEquals("y", value(e, "{\"user_id\":\"u-7\",\"customData\":{\"plan\":\"7.0\"}}", "by-plan", VariableType.String));
    }

    @Test
    void clientCustomDataIsNotABucketingKey() {
        // core, client custom data {"plan":7.0}: a user without plan is bucketed by "null" (x), not 7.0 (y)
        ReferenceEvaluator e = TestConfigs.evaluator(FEATURES);
        e.setClientCustomData("{\"plan\":7.0}");
        assertEquals("x", value(e, "{\"user_id\":\"u-7\"}", "by-plan", VariableType.String));
    }

    @Test
    void clientCustomDataIsTheFallbackOfCustomDataFilters() {
        // core, audience customData.plan = "pro", client custom data {"plan":"pro","nested":{"a":1}}:
        // served without plan and with only other private data; not with plan "free" or plan null
        String audience = "{\"operator\":\"and\",\"filters\":[{\"type\":\"user\",\"subType\":\"customData\","
                + "\"dataKey\":\"plan\",\"dataKeyType\":\"String\",\"comparator\":\"=\",\"values\":[\"pro\"]}]}";
        ReferenceEvaluator e = TestConfigs.evaluator(TestConfigs.singleTarget(audience, "{}"));
        assertNull(value(e, "{\"user_id\":\"u1\"}", "flag", VariableType.Boolean));
        e.setClientCustomData("{\"plan\":\"pro\",\"nested\":{\"a\":1}}");
        assertEquals(true, value(e, "{\"user_id\":\"u1\"}", "flag", VariableType.Boolean));
        assertEquals(true, value(e, "{\"user_id\":\"u1\",\"privateCustomData\":{\"other\":1}}", "flag", VariableType.Boolean));
        assertNull(value(e, "{\"user_id\":\"u1\",\"customData\":{\"plan\":\"free\"}}", "flag", VariableType.Boolean));
        assertNull(value(e, "{\"user_id\":\"u1\",\"customData\":{\"plan\":null}}", "flag", VariableType.Boolean));
    }

    @Test
    void answersNullWhereTheCoreDoes() {
        ReferenceEvaluator e = TestConfigs.evaluator(FEATURES);
        String u = "{\"user_id\":\"12345\"}";
        assertNull(value(e, u, "nokey", VariableType.Boolean), "unknown key");
        assertNull(value(e, u, "num", VariableType.Boolean), "type mismatch");
        assertNull(value(e, u, "orphan", VariableType.Boolean), "no feature uses it");
        // core: "str" is also the key of a later Boolean variable no feature uses; the last one wins
        assertNull(value(e, u, "str", VariableType.String), "shadowed by a later variable with the key");
        assertNull(TestConfigs.evaluator(null).variable(user(u), "num", VariableType.Number), "no config");
    }

    @Test
    void throwsWhereTheCoreAborts() {
        // core: "Config missing variation: missing-variation", "Internal error processing configuration",
        // "Failed to decide target variation: td-short"; the type asked for does not matter
        ReferenceEvaluator e = TestConfigs.evaluator(FEATURES);
        assertEquals("Config missing variation: missing-variation", assertThrows(EvaluationException.class,
                () -> e.variable(user("{\"user_id\":\"broken\"}"), "d", VariableType.Boolean)).getMessage());
        assertEquals("Internal error processing configuration", assertThrows(EvaluationException.class,
                () -> e.variable(user("{\"user_id\":\"lacking\"}"), "d", VariableType.Number)).getMessage());
        assertEquals("Failed to decide target variation: td-short", assertThrows(EvaluationException.class,
                () -> e.variable(user("{\"user_id\":\"short\"}"), "d", VariableType.Number)).getMessage());
        assertThrows(EvaluationException.class, () -> TestConfigs.evaluator(null).bucketedConfig(user("{\"user_id\":\"u\"}")));
    }

    @Test
    void anAudienceThatContainsItselfIsAnError() {
        // core: served for user "exit" (the cycle is not entered); for "loop" the core recurses until it aborts
        String audience = "{\"operator\":\"and\",\"filters\":[{\"type\":\"audienceMatch\",\"comparator\":\"=\",\"_audiences\":[\"a1\"]}]}";
        String audiences = "{\"a1\":{\"filters\":{\"operator\":\"and\",\"filters\":[{\"type\":\"audienceMatch\",\"comparator\":\"=\",\"_audiences\":[\"a2\"]}]}},"
                + "\"a2\":{\"filters\":{\"operator\":\"or\",\"filters\":[{\"type\":\"user\",\"subType\":\"user_id\",\"comparator\":\"=\",\"values\":[\"exit\"]},"
                + "{\"type\":\"audienceMatch\",\"comparator\":\"!=\",\"_audiences\":[\"a1\"]}]}}}";
        ReferenceEvaluator e = TestConfigs.evaluator(TestConfigs.singleTarget(audience, audiences));
        assertEquals(true, value(e, "{\"user_id\":\"exit\"}", "flag", VariableType.Boolean));
        assertThrows(EvaluationException.class, () -> e.variable(user("{\"user_id\":\"loop\"}"), "flag", VariableType.Boolean));
    }

    @Test
    void nullArgumentsAreRefusedByNameAndServingGoesOn() {
        // as every Wasm adapter: a null argument is the caller's bug, never an answer
        ReferenceEvaluator e = TestConfigs.evaluator(FEATURES);
        User u = user("{\"user_id\":\"12345\"}");
        Object before = value(e, "{\"user_id\":\"12345\"}", "num", VariableType.Number);
        assertNullRefused("user", () -> e.variable(null, "num", VariableType.Number));
        assertNullRefused("key", () -> e.variable(u, null, VariableType.Number));
        assertNullRefused("type", () -> e.variable(u, "num", null));
        assertNullRefused("user", () -> e.bucketedConfig(null));
        assertNullRefused("user", () -> e.explain(null, "num", VariableType.Number));
        assertNullRefused("key", () -> e.explain(u, null, VariableType.Number));
        assertNullRefused("type", () -> e.explain(u, "num", null));
        assertNullRefused("configJson", () -> e.setConfig(null));
        assertNullRefused("customDataJson", () -> e.setClientCustomData(null));
        assertEquals(before, value(e, "{\"user_id\":\"12345\"}", "num", VariableType.Number));
        // no config yet: the arguments are still checked first
        assertNullRefused("key", () -> TestConfigs.evaluator(null).variable(u, null, VariableType.Number));
    }

    private static void assertNullRefused(String parameter, org.junit.jupiter.api.function.Executable call) {
        assertEquals(parameter, assertThrows(NullPointerException.class, call).getMessage());
    }

    // Depths below: core 1.32.0 (node and wasmtime); one step further its shadow-stack check aborts.

    @Test
    void aServedValueNestedTooDeeplyForTheCoreToWriteIsAnError() {
        User u = user("{\"user_id\":\"u1\"}");
        ReferenceEvaluator e = TestConfigs.evaluator(servingValue(arrays(583), "JSON"));
        assertEquals(arrays(583), e.variable(u, "flag", VariableType.JSON).value());
        e.setConfig(servingValue(arrays(584), "JSON"));
        assertThrows(EvaluationException.class, () -> e.variable(u, "flag", VariableType.JSON));
        assertEquals(flagparity.reference.explain.Reason.ERROR, e.explain(u, "flag", VariableType.JSON).reason());
        // written whatever the variable's type, but only when the type asked for matches
        e.setConfig(servingValue(arrays(584), "Boolean"));
        assertThrows(EvaluationException.class, () -> e.variable(u, "flag", VariableType.Boolean));
        assertNull(e.variable(u, "flag", VariableType.Number));
        // the bucketed config writes from a shallower depth
        e.setConfig(servingValue(arrays(580), "JSON"));
        assertTrue(e.bucketedConfig(u).contains(arrays(580)));
        e.setConfig(servingValue(arrays(581), "JSON"));
        assertThrows(EvaluationException.class, () -> e.bucketedConfig(u));
    }

    @Test
    void theVariableIsWrittenFromTheFirstFeatureTheBucketedConfigFromTheLast() {
        // core: two features serve v1; variableForUser writes the first one's value, the bucketed
        // config keeps the last one's
        User u = user("{\"user_id\":\"u1\"}");
        ReferenceEvaluator deepFirst = TestConfigs.evaluator(twoFeatures(arrays(600), "{\"x\":1}"));
        assertThrows(EvaluationException.class, () -> deepFirst.variable(u, "flag", VariableType.JSON));
        assertTrue(deepFirst.bucketedConfig(u).contains("\"value\":{\"x\":1}"));
        ReferenceEvaluator deepLast = TestConfigs.evaluator(twoFeatures("{\"x\":1}", arrays(600)));
        assertEquals("{\"x\":1}", deepLast.variable(u, "flag", VariableType.JSON).value());
        assertThrows(EvaluationException.class, () -> deepLast.bucketedConfig(u));
    }

    @Test
    void aChainOfAudiencesLongerThanTheCoreCanFollowIsAnError() {
        // core: each audience one operator over an audienceMatch of the next, the last over "all"
        String audience = "{\"operator\":\"and\",\"filters\":[" + audienceMatch(0) + "]}";
        ReferenceEvaluator e = TestConfigs.evaluator(TestConfigs.singleTarget(audience, chain(270)));
        assertEquals(true, value(e, "{\"user_id\":\"u1\"}", "flag", VariableType.Boolean));
        e.setConfig(TestConfigs.singleTarget(audience, chain(271)));
        assertThrows(EvaluationException.class, () -> e.variable(user("{\"user_id\":\"u1\"}"), "flag", VariableType.Boolean));
        assertThrows(EvaluationException.class, () -> e.bucketedConfig(user("{\"user_id\":\"u1\"}")));
    }

    private static String chain(int length) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < length; i++) {
            if (i > 0) sb.append(',');
            sb.append("\"a").append(i).append("\":{\"filters\":{\"operator\":\"and\",\"filters\":[")
                    .append(i + 1 < length ? audienceMatch(i + 1) : "{\"type\":\"all\"}").append("]}}");
        }
        return sb.append('}').toString();
    }

    private static String audienceMatch(int i) {
        return "{\"type\":\"audienceMatch\",\"comparator\":\"=\",\"_audiences\":[\"a" + i + "\"]}";
    }

    private static String arrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** configs/single-target.json for everyone, its variable "flag" of {@code type} holding {@code value}. */
    private static String servingValue(String value, String type) {
        return TestConfigs.singleTarget("{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}", "{}")
                .replace("\"value\": true", "\"value\": " + value)
                .replace("\"type\": \"Boolean\"", "\"type\": \"" + type + "\"");
    }

    private static String twoFeatures(String first, String last) {
        String feature = "{\"_id\":\"F\",\"key\":\"F\",\"type\":\"release\",\"variations\":[{\"_id\":\"vF\",\"key\":\"on\",\"name\":\"On\","
                + "\"variables\":[{\"_var\":\"v1\",\"value\":VALUE}]}],\"configuration\":{\"_id\":\"cF\",\"targets\":[{\"_id\":\"tF\","
                + "\"_audience\":{\"filters\":{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}},\"distribution\":[{\"_variation\":\"vF\",\"percentage\":1}]}]}}";
        return "{\"project\":{\"_id\":\"p1\",\"key\":\"proj\",\"a0_organization\":\"org\",\"settings\":{}},\"environment\":{\"_id\":\"e1\",\"key\":\"dev\"},"
                + "\"audiences\":{},\"features\":[" + feature.replace("F", "f1").replace("VALUE", first) + ","
                + feature.replace("F", "f2").replace("VALUE", last) + "],\"variables\":[{\"_id\":\"v1\",\"key\":\"flag\",\"type\":\"JSON\"}]}";
    }

    @Test
    void aRejectedConfigLeavesThePreviousOneInService() {
        ReferenceEvaluator e = TestConfigs.evaluator(FEATURES);
        String u = "{\"user_id\":\"12345\"}";
        Object before = value(e, u, "num", VariableType.Number);
        assertThrows(ConfigException.class, () -> e.setConfig(FEATURES.replace("\"type\": \"release\"", "\"type\": \"beta\"")));
        assertThrows(ConfigException.class, () -> e.setConfig("{"));
        assertEquals(before, value(e, u, "num", VariableType.Number));
        e.setConfig(TestConfigs.singleTarget("{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}", "{}"));
        assertNull(value(e, u, "num", VariableType.Number));
        assertEquals(true, value(e, u, "flag", VariableType.Boolean));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arrays", "objects", "in an unknown field", "in a JSON value", "never closed"})
    void configsTenThousandLevelsDeepAreRejectedAndThePreviousOneServes(String where) {
        // core: each aborts in its shadow-stack check (the reliability suite's deeply nested configs)
        String arrays = "[".repeat(10_000) + "]".repeat(10_000);
        String config;
        switch (where) {
            case "arrays": config = arrays; break;
            case "objects": config = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000); break;
            case "in an unknown field": config = FEATURES.replaceFirst("\\{", "{\"zz_deep\":" + arrays + ","); break;
            case "in a JSON value": config = FEATURES.replaceFirst("\"value\": \\{", "\"value\": {\"deep\":" + arrays + ","); break;
            default: config = "[".repeat(10_000);
        }
        assertTrue(config.length() >= 10_000 && !config.equals(FEATURES), "the shape is in the config");
        ReferenceEvaluator e = TestConfigs.evaluator(FEATURES);
        String u = "{\"user_id\":\"12345\"}";
        Object before = value(e, u, "num", VariableType.Number);
        String message = assertThrows(ConfigException.class, () -> e.setConfig(config)).getMessage();
        assertTrue(message.contains("Nested deeper than"), message);
        assertEquals(before, value(e, u, "num", VariableType.Number));
    }

    @Test
    void rejectedClientCustomDataLeavesThePreviousOneInService() {
        String audience = "{\"operator\":\"and\",\"filters\":[{\"type\":\"user\",\"subType\":\"customData\","
                + "\"dataKey\":\"plan\",\"dataKeyType\":\"String\",\"comparator\":\"=\",\"values\":[\"pro\"]}]}";
        ReferenceEvaluator e = TestConfigs.evaluator(TestConfigs.singleTarget(audience, "{}"));
        e.setClientCustomData("{\"plan\":\"pro\"}");
        assertThrows(InvalidUserException.class, () -> e.setClientCustomData("[1]"));
        assertThrows(InvalidUserException.class, () -> e.setClientCustomData("{\"a\":\"\\f\"}"));
        assertEquals(true, value(e, "{\"user_id\":\"u1\"}", "flag", VariableType.Boolean));
    }

    @Test
    void platformFiltersReadTheEvaluatorsPlatformData() {
        String audience = "{\"operator\":\"and\",\"filters\":[{\"type\":\"user\",\"subType\":\"platform\",\"comparator\":\"=\",\"values\":[\"Java\"]}]}";
        ReferenceEvaluator onJava = TestConfigs.evaluator(TestConfigs.singleTarget(audience, "{}"));
        ReferenceEvaluator other = new ReferenceEvaluator(CoreVersion.V1_32_0, new flagparity.reference.api.PlatformData("Go", "1.22", "server", "1", null, null),
                java.time.Clock.systemUTC());
        other.setConfig(TestConfigs.singleTarget(audience, "{}"));
        assertEquals(true, value(onJava, "{\"user_id\":\"u1\"}", "flag", VariableType.Boolean));
        assertNull(value(other, "{\"user_id\":\"u1\"}", "flag", VariableType.Boolean));
    }
}

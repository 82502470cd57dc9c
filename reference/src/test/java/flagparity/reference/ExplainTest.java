package flagparity.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EvalReason;
import flagparity.reference.api.User;
import flagparity.reference.api.VariableType;
import flagparity.reference.explain.Explanation;
import flagparity.reference.explain.FilterTrace;
import flagparity.reference.explain.Reason;
import flagparity.reference.explain.TargetTrace;
import flagparity.reference.api.JsonCodec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Explain on {@code configs/features.json}. Hashes: core 1.32.0 via node, generateBoundedHashesFromJSON
 * (user_id, target_id); answers as in RecordedAnswersTest.
 */
class ExplainTest {
    private static final ReferenceEvaluator EVALUATOR = TestConfigs.evaluator(TestConfigs.resource("configs/features.json"));

    private static Explanation explain(String userJson, String key, VariableType type) {
        return EVALUATOR.explain(JsonCodec.parseUser(userJson), key, type);
    }

    @Test
    void showsEachTargetTriedAndTheBucketing() throws Exception {
        Explanation x = explain("{\"user_id\":\"12345\"}", "bool-flag", VariableType.Boolean);
        assertEquals(Reason.SERVED, x.reason());
        assertSame(EVALUATOR.variable(User.builder("12345").build(), "bool-flag", VariableType.Boolean), x.variable());
        assertEquals("fa", x.featureId());
        assertEquals(2, x.targets().size());
        TargetTrace canada = x.targets().get(0);
        assertFalse(canada.taken());
        FilterTrace audienceMatch = canada.audience().children().get(0);
        assertEquals("audienceMatch", audienceMatch.kind());
        FilterTrace country = audienceMatch.children().get(0).children().get(0).children().get(0);
        assertEquals("country = [\"CA\"]", country.description());
        assertEquals("(absent)", country.actual());
        assertTrue(x.targets().get(1).taken());
        assertEquals("12345", x.targets().get(1).bucketingValue());
        // core: bucketingHash of 12345 for target ta-everyone
        assertEquals(0.007809475066095934, x.bucketingHash());
        assertEquals("a-on", x.variationId());
        JsonNode json = JsonCodec.mapper().readTree(x.toJson());
        assertEquals("SERVED", json.get("reason").asText());
        assertEquals(true, json.get("variable").get("value").asBoolean());
        assertEquals("ta-everyone", json.get("targets").get(1).get("_id").asText());
    }

    @Test
    void showsTheCoresReasonBesideItsPath() throws Exception {
        // core 1.42.8 via node: variableForUser of bool-flag for canada-user writes this eval; 1.32.0 writes none
        for (CoreVersion v : CoreVersion.values()) {
            ReferenceEvaluator e = new ReferenceEvaluator(v, TestConfigs.PLATFORM,
                    Clock.fixed(Instant.ofEpochMilli(TestConfigs.NOW), ZoneOffset.UTC));
            e.setConfig(TestConfigs.resource("configs/features.json"));
            Explanation x = e.explain(JsonCodec.parseUser("{\"user_id\":\"canada-user\",\"country\":\"CA\"}"), "bool-flag",
                    VariableType.Boolean);
            assertEquals(new EvalReason(EvalReason.TARGETING_MATCH, "Audience Match -> Country", "ta-canada"), x.variable().eval());
            JsonNode json = JsonCodec.mapper().readTree(x.toJson());
            assertEquals(v.id(), json.get("core").asText());
            assertEquals("Audience Match -> Country", json.get("eval").get("details").asText());
            boolean written = v != CoreVersion.V1_32_0;
            assertEquals(written, json.get("eval").get("inCoreAnswer").asBoolean());
            assertEquals(written, json.get("variable").has("eval"));
        }
    }

    @Test
    void theAudienceMatchPathOfATakenTarget() {
        Explanation x = explain("{\"user_id\":\"canada-user\",\"country\":\"CA\"}", "bool-flag", VariableType.Boolean);
        assertEquals(Reason.SERVED, x.reason());
        assertEquals(1, x.targets().size());
        assertTrue(x.targets().get(0).audience().passed());
        // core: bucketingHash of canada-user for target ta-canada
        assertEquals(0.6843773442516982, x.bucketingHash());
    }

    @Test
    void givesTheReasonForEachOutcome() {
        assertEquals(Reason.UNKNOWN_KEY, explain("{\"user_id\":\"12345\"}", "nokey", VariableType.Boolean).reason());
        assertEquals(Reason.NO_FEATURE, explain("{\"user_id\":\"12345\"}", "orphan", VariableType.Boolean).reason());
        Explanation mismatch = explain("{\"user_id\":\"12345\"}", "num", VariableType.Boolean);
        assertEquals(Reason.TYPE_MISMATCH, mismatch.reason());
        assertNull(mismatch.variable());
        assertEquals(VariableType.Number, mismatch.variableType());
        Explanation error = explain("{\"user_id\":\"broken\"}", "d", VariableType.Number);
        assertEquals(Reason.ERROR, error.reason());
        assertEquals("Config missing variation: missing-variation", error.error());
        assertEquals(Reason.NO_CONFIG, TestConfigs.evaluator(null).explain(User.builder("u").build(), "d", VariableType.Number).reason());
    }

    @Test
    void notTargetedAndRolledOut() {
        ReferenceEvaluator optIn = TestConfigs.evaluator(TestConfigs.singleTarget("{\"operator\":\"and\",\"filters\":[{\"type\":\"optIn\"}]}", "{}"));
        Explanation x = optIn.explain(User.builder("u1").build(), "flag", VariableType.Boolean);
        assertEquals(Reason.NOT_TARGETED, x.reason());
        assertEquals("optIn (never passes in the core)", x.targets().get(0).audience().children().get(0).description());

        String rollout = "\"rollout\": {\"type\":\"schedule\",\"startDate\":\"2024-06-16T00:00:00.000Z\"}, \"distribution\":";
        String later = TestConfigs.singleTarget("{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}", "{}").replace("\"distribution\":", rollout);
        Explanation passthrough = TestConfigs.evaluator(later).explain(User.builder("u1").build(), "flag", VariableType.Boolean);
        assertEquals(Reason.ROLLED_OUT, passthrough.reason());
        assertNull(passthrough.targets().get(0).audience(), "the audience is not evaluated after a failed passthrough rollout");
        assertEquals(0.0, passthrough.targets().get(0).rollout().percentage());
        Explanation matched = TestConfigs.evaluator(later.replace("\"disablePassthroughRollouts\": false", "\"disablePassthroughRollouts\": true"))
                .explain(User.builder("u1").build(), "flag", VariableType.Boolean);
        assertEquals(Reason.ROLLED_OUT, matched.reason());
        assertTrue(matched.targets().get(0).audience().passed());
    }

    @Test
    void isAValue() {
        assertEquals(explain("{\"user_id\":\"12345\"}", "num", VariableType.Number),
                explain("{\"user_id\":\"12345\"}", "num", VariableType.Number));
    }
}

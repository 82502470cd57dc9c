package flagparity.openfeature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The five OpenFeature types and every error code, through OpenFeature's client, on a static config. */
class ProviderAnswersTest {
    private static Fixtures.Domain domain;
    private static Client client;
    private static final EvaluationContext USER = new ImmutableContext("user-1");

    @BeforeAll
    static void start() {
        domain = new Fixtures.Domain().start(FlagparityProvider.builder().configJson(Fixtures.config("config-a.json")).build());
        client = domain.client;
    }

    @AfterAll
    static void stop() {
        domain.close();
    }

    @Test
    void servesEveryType() {
        assertEquals(true, client.getBooleanValue("bool-var", false, USER));
        assertEquals("hello", client.getStringValue("str-var", "d", USER));
        assertEquals(42.5, client.getDoubleValue("num-var", 0.0, USER));
        assertEquals(42, client.getIntegerValue("num-var", 0, USER), "narrowed as DevCycle's provider narrows");
        Value json = client.getObjectValue("json-var", new Value(), USER);
        assertEquals(Map.of("a", 1, "b", java.util.Arrays.asList(true, null, 2.5), "c", "x"),
                json.asStructure().asObjectMap());
        FlagEvaluationDetails<Boolean> d = client.getBooleanDetails("bool-var", false, USER);
        assertNull(d.getErrorCode());
    }

    @Test
    void customDataFromTheContextTargets() {
        EvaluationContext pro = new ImmutableContext("user-2", Map.of("plan", new Value("pro")));
        EvaluationContext nested = new ImmutableContext("user-2",
                Map.of("customData", new Value(new ImmutableStructure(Map.of("plan", new Value("pro"))))));
        assertEquals("beta-a", client.getStringValue("beta-var", "none", pro));
        assertEquals("beta-a", client.getStringValue("beta-var", "none", nested));
        FlagEvaluationDetails<String> notTargeted = client.getStringDetails("beta-var", "none", USER);
        assertEquals("none", notTargeted.getValue());
        assertEquals("DEFAULT", notTargeted.getReason());
        assertNull(notTargeted.getErrorCode());
    }

    @Test
    void errorsCarryTheCallersDefault() {
        assertError(client.getBooleanDetails("no-such-key", true, USER), true, ErrorCode.FLAG_NOT_FOUND);
        assertError(client.getStringDetails("bool-var", "d", USER), "d", ErrorCode.TYPE_MISMATCH);
        assertError(client.getIntegerDetails("str-var", 7, USER), 7, ErrorCode.TYPE_MISMATCH);
        assertError(client.getObjectDetails("num-var", new Value("d"), USER), new Value("d"), ErrorCode.TYPE_MISMATCH);
        assertError(client.getBooleanDetails("bool-var", false, new ImmutableContext()), false,
                ErrorCode.TARGETING_KEY_MISSING);
        assertError(client.getBooleanDetails("bool-var", false, new ImmutableContext("", Map.of())), false,
                ErrorCode.TARGETING_KEY_MISSING);
    }

    @Test
    void aStringUserIdAttributeStandsInForTheTargetingKey() {
        assertEquals(true, client.getBooleanValue("bool-var", false,
                new ImmutableContext(Map.of(ContextMapping.USER_ID, new Value("u")))));
        assertError(client.getBooleanDetails("bool-var", false,
                new ImmutableContext(Map.of(ContextMapping.USER_ID, new Value(5)))), false, ErrorCode.TARGETING_KEY_MISSING);
    }

    @Test
    void listsInContextsAreDroppedNotRejected() {
        EvaluationContext ctx = new ImmutableContext("user-3", Map.of("tags", new Value(List.of(new Value("a")))));
        assertEquals(true, client.getBooleanValue("bool-var", false, ctx));
    }

    @Test
    void variantIsTheVariationKeyAndMetadataNamesFeatureAndVariation() throws Exception {
        FlagEvaluationDetails<Boolean> d = client.getBooleanDetails("bool-var", false, USER);
        assertEquals("on", d.getVariant());
        assertEquals("basic", d.getFlagMetadata().getString(Answers.FEATURE_KEY));
        assertEquals("f-basic", d.getFlagMetadata().getString(Answers.FEATURE_ID));
        assertEquals("var-on", d.getFlagMetadata().getString(Answers.VARIATION_ID));
    }

    /** Reason, target and details are the evaluator's own (its {@code eval}), whatever they say. */
    @Test
    void reasonTargetAndDetailsAreTheEvaluatorsEval() {
        try (flagparity.reference.api.Evaluator reference = flagparity.reference.api.Engines.create(FlagparityProvider.REFERENCE, flagparity.reference.api.EngineSettings.defaults())) {
            reference.setConfig(Fixtures.config("config-a.json"));
            flagparity.reference.api.User user = flagparity.reference.api.User.builder("user-1").build();
            for (String key : List.of("bool-var", "split-var")) {
                flagparity.reference.api.Variable v = reference.variable(user, key,
                        key.equals("bool-var") ? flagparity.reference.api.VariableType.Boolean : flagparity.reference.api.VariableType.Number);
                FlagEvaluationDetails<?> d = key.equals("bool-var") ? client.getBooleanDetails(key, false, USER)
                        : client.getDoubleDetails(key, 0.0, USER);
                assertEquals(v.eval().reason(), d.getReason());
                assertEquals(v.eval().targetId(), d.getFlagMetadata().getString(Answers.TARGET_ID));
                assertEquals(v.eval().details(), d.getFlagMetadata().getString(Answers.EVAL_DETAILS));
                assertEquals(v.feature(), d.getFlagMetadata().getString(Answers.FEATURE_ID));
            }
        }
    }

    /**
     * A split whose variations s1 and s3 give the same value: s2 is found by its value, s1 and s3
     * through the user's bucketed config. Each variant must be the variation the reference buckets
     * the user into.
     */
    @Test
    void variantOfASplitIsTheBucketedVariationEvenWhenTwoVariationsShareTheValue() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, String> keys = Map.of("var-s1", "s1", "var-s2", "s2", "var-s3", "s3");
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (flagparity.reference.api.Evaluator reference = flagparity.reference.api.Engines.create(FlagparityProvider.REFERENCE, flagparity.reference.api.EngineSettings.defaults())) {
            reference.setConfig(Fixtures.config("config-a.json"));
            for (int i = 0; i < 60; i++) {
                String id = "user-" + i;
                String bucketed = reference.bucketedConfig(flagparity.reference.api.User.builder(id).build());
                String expected = keys.get(mapper.readTree(bucketed).path("featureVariationMap").path("f-split").asText());
                FlagEvaluationDetails<Double> d = client.getDoubleDetails("split-var", -1.0, new ImmutableContext(id));
                assertEquals(expected, d.getVariant(), id);
                assertEquals(expected.equals("s2") ? 2.0 : 1.0, d.getValue(), id);
                seen.add(expected);
            }
        }
        assertEquals(java.util.Set.of("s1", "s2", "s3"), seen);
    }

    static <T> void assertError(FlagEvaluationDetails<T> d, T expectedValue, ErrorCode code) {
        assertEquals(expectedValue, d.getValue());
        assertEquals(code, d.getErrorCode(), () -> d.toString());
        assertEquals("ERROR", d.getReason());
    }
}

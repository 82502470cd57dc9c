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

    static <T> void assertError(FlagEvaluationDetails<T> d, T expectedValue, ErrorCode code) {
        assertEquals(expectedValue, d.getValue());
        assertEquals(code, d.getErrorCode(), () -> d.toString());
        assertEquals("ERROR", d.getReason());
    }
}

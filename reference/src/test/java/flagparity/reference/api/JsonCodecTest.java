package flagparity.reference.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The core's JSON forms. User expectations: core 1.32.0 via node, variableForUser with the text as
 * the user (rejections abort with the message given) and testDVCUserClass for the values it keeps.
 */
class JsonCodecTest {

    @ParameterizedTest(name = "rejects {0}")
    @CsvSource(delimiter = '|', value = {
        "{\"user_id\":5}|Missing string value for key: \"user_id\"",
        "{}|Missing string value for key: \"user_id\"",
        "[]|dvcUserFromJSONString not a JSON Object",
        "\"x\"|dvcUserFromJSONString not a JSON Object",
        "{\"user_id\":\"u1\",\"customData\":{\"a\":[1]}}|DVCUser customData can't contain nested objects or arrays",
        "{\"user_id\":\"u1\",\"privateCustomData\":{\"a\":{}}}|DVCUser privateCustomData can't contain nested objects or arrays",
        "{\"customData\":{\"a\":{}}}|DVCUser customData can't contain nested objects or arrays",
        "{\"user_id\":\"u1\",\"customData\":{\"a\":1,\"a\":{}}}|DVCUser customData can't contain nested objects or arrays",
        "{\"user_id\":\"u1\",\"appBuild\":null}|Invalid number value: null, for key: \"appBuild\"",
        "{\"user_id\":\"u1\",\"appBuild\":\"1\"}|Invalid number value: \"1\", for key: \"appBuild\"",
        "{\"user_id\":\"a\\fb\"}|Unexpected escaped character: f",
    })
    void rejectsUsersTheCoreRejects(String json, String message) {
        assertEquals(message, assertThrows(InvalidUserException.class, () -> JsonCodec.parseUser(json)).getMessage());
    }

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {
        "{\"user_id\":\"\"}",
        "{\"user_id\":\"u1\",\"appBuild\":1}",
        "{\"user_id\":\"u1\",\"email\":5,\"country\":null}",
        "{\"user_id\":\"u1\",\"customData\":[1]}",
        "{\"user_id\":\"u1\",\"customData\":\"x\"}",
        "{\"user_id\":\"u1\",\"customData\":null}",
        "{\"user_id\":\"u1\",\"customData\":{\"a\":{},\"a\":1}}",
        "{\"user_id\":\"u1\",\"user_id\":\"u2\"}",
    })
    void acceptsUsersTheCoreAccepts(String json) {
        User u = JsonCodec.parseUser(json);
        assertEquals(u, JsonCodec.parseUser(JsonCodec.writeUser(u)));
    }

    @Test
    void keepsWhatTheCoreKeeps() {
        User u = JsonCodec.parseUser("{\"user_id\":\"u1\",\"email\":5,\"language\":\"\",\"appBuild\":7,"
                + "\"customData\":{\"i\":7,\"f\":7.0,\"z\":-0,\"n\":null,\"s\":\"\",\"b\":false,\"a\":{},\"a\":1},"
                + "\"privateCustomData\":{\"big\":9007199254740993}}");
        assertNull(u.email());
        assertEquals("", u.language());
        assertEquals(7.0, u.appBuild());
        Map<String, Object> cd = new LinkedHashMap<>();
        cd.put("i", 7L);
        cd.put("f", 7.0);
        cd.put("z", -0.0);
        cd.put("n", null);
        cd.put("s", "");
        cd.put("b", false);
        cd.put("a", 1L);
        assertEquals(cd, u.customData());
        assertEquals(List.copyOf(cd.keySet()), List.copyOf(u.customData().keySet()));
        assertEquals(Map.of("big", 9007199254740992L), u.privateCustomData());
    }

    @Test
    void writesUsersTheCoreReadsBack() {
        // core 1.32.0 via node: testDVCUserClass(writeUser(user)) shows the same fields and values
        // (\f written as \u000c, which it reads; NaN written as --1, which it reads as NaN)
        Map<String, Object> cd = new LinkedHashMap<>();
        cd.put("f\fq\"\\", "a\u000c\ud800b\u0001é😀");
        cd.put("nan", Double.NaN);
        cd.put("negz", -0.0);
        cd.put("sum", 0.1 + 0.2);
        cd.put("i", 7L);
        cd.put("n", null);
        User u = User.builder("id\u2028\t").email("e@x").appBuild(2.5).customData(cd).build();
        assertEquals("{\"user_id\":\"id\u2028\\t\",\"email\":\"e@x\",\"appBuild\":2.5,\"customData\":{\"f\\u000cq\\\"\\\\\":"
                + "\"a\\u000c\\ud800b\\u0001é😀\",\"nan\":--1,\"negz\":-0.0,\"sum\":0.30000000000000007,\"i\":7,\"n\":null}}",
                JsonCodec.writeUser(u));
        assertEquals(u, JsonCodec.parseUser(JsonCodec.writeUser(u)));
    }

    @Test
    void writesVariablesAsTheCore() {
        // core 1.32.0 via node: variableForUser of a String variable with _id v"1, key k\ey
        Variable v = new Variable("v\"1", "k\\ey", VariableType.String, "é\"\\\n\u000b/\u0001\f\t\b\r");
        assertEquals("{\"_id\":\"v\\\"1\",\"type\":\"String\",\"key\":\"k\\\\ey\",\"value\":\"é\\\"\\\\\\n\\u000b/\u0001\\f\\t\\b\\r\"}",
                JsonCodec.writeVariable(v));
        assertEquals(v, JsonCodec.parseVariable(JsonCodec.writeVariable(v)));
        assertEquals("{\"_id\":\"n\",\"type\":\"Number\",\"key\":\"n\",\"value\":1e+21}",
                JsonCodec.writeVariable(new Variable("n", "n", VariableType.Number, 1e21)));
    }

    @Test
    void writesTheReasonAndFeatureAsCore1_42_8() {
        // core 1.42.8 via node: variableForUser, target _id t"1é, an and of an email and a customData filter on key pl"an\u0001
        String core = "{\"_id\":\"x\",\"type\":\"Boolean\",\"key\":\"v\",\"value\":true,\"eval\":{\"reason\":\"TARGETING_MATCH\","
                + "\"details\":\"Email AND Custom Data -> pl\\\"an\u0001\",\"target_id\":\"t\\\"1é\"},\"_feature\":\"f1\"}";
        Variable v = new Variable("x", "v", VariableType.Boolean, true,
                new EvalReason(EvalReason.TARGETING_MATCH, "Email AND Custom Data -> pl\"an\u0001", "t\"1é"), "f1");
        assertEquals(core, JsonCodec.writeVariable(v));
        assertEquals(v, JsonCodec.parseVariable(core));
        Variable unwritten = new Variable("x", "v", VariableType.Boolean, true, v.eval(), "f1", false);
        assertEquals("{\"_id\":\"x\",\"type\":\"Boolean\",\"key\":\"v\",\"value\":true}", JsonCodec.writeVariable(unwritten));
        assertEquals(new Variable("x", "v", VariableType.Boolean, true), unwritten, "1.32.0 answers carry no reason");
        assertNotEquals(v, unwritten);
    }

    @Test
    void mapsValuesOfAnotherTypeAsTheProtobufPathDoes() {
        // The core serves a variation's value whatever the variable's type (core: {"type":"Number","value":"not a number"})
        assertEquals(0.0, JsonCodec.parseVariable("{\"_id\":\"o\",\"type\":\"Number\",\"key\":\"o\",\"value\":\"not a number\"}").value());
        assertEquals(false, JsonCodec.parseVariable("{\"_id\":\"o\",\"type\":\"Boolean\",\"key\":\"o\",\"value\":1}").value());
        assertEquals("", JsonCodec.parseVariable("{\"_id\":\"o\",\"type\":\"String\",\"key\":\"o\",\"value\":null}").value());
        assertEquals("[1,2.0]", JsonCodec.parseVariable("{\"_id\":\"o\",\"type\":\"JSON\",\"key\":\"o\",\"value\":[1,2.0]}").value());
        assertEquals(42.0, JsonCodec.parseVariable("{\"_id\":\"o\",\"type\":\"Number\",\"key\":\"o\",\"value\":42}").value());
    }

    @Test
    void readsClientCustomDataAsTheCore() {
        // core: setClientCustomDataUTF8 takes any object, nested values included; anything else aborts
        Map<String, Object> data = JsonCodec.parseClientCustomData("{\"a\":null,\"b\":{\"c\":1}}");
        assertNull(data.get("a"));
        assertEquals(Map.of("c", 1L), data.get("b"));
        assertThrows(InvalidUserException.class, () -> JsonCodec.parseClientCustomData("[]"));
    }

    @Test
    void rejectsUsersNestedDeeperThanTheCoresStackAllows() {
        // core (node, wasmtime): variableForUser aborts in its stack check one level past each of these
        String deep = "[".repeat(1630) + "]".repeat(1630);
        String deeper = "[".repeat(1631) + "]".repeat(1631);
        assertEquals("a", JsonCodec.parseUser("{\"user_id\":\"a\",\"x\":" + deep + "}").userId());
        assertDeepUser("{\"user_id\":\"a\",\"x\":" + deeper + "}");
        assertEquals("DVCUser customData can't contain nested objects or arrays", assertThrows(InvalidUserException.class,
                () -> JsonCodec.parseUser("{\"user_id\":\"a\",\"customData\":{\"x\":" + deep.substring(1, deep.length() - 1) + "}}")).getMessage());
        assertDeepUser("{\"user_id\":\"a\",\"customData\":{\"x\":" + deep + "}}");
        assertEquals("dvcUserFromJSONString not a JSON Object", assertThrows(InvalidUserException.class,
                () -> JsonCodec.parseUser(deeper)).getMessage());
        assertDeepUser("[" + deeper + "]");
        // the reliability suite's 10,000 levels
        String tenThousand = "[".repeat(10_000) + "]".repeat(10_000);
        assertDeepUser(tenThousand);
        assertDeepUser("{\"user_id\":\"a\",\"customData\":{\"x\":" + tenThousand + "}}");
        assertDeepUser("{\"user_id\":\"a\",\"x\":" + tenThousand + "}");
    }

    private static void assertDeepUser(String json) {
        String message = assertThrows(InvalidUserException.class, () -> JsonCodec.parseUser(json)).getMessage();
        assertTrue(message.startsWith("Nested deeper than "), message);
    }

    @Test
    void clientCustomDataMayNestOneLevelMoreThanAUser() {
        // core: setClientCustomDataUTF8 enters the parser one level shallower than variableForUser
        String inside = "[".repeat(1631) + "]".repeat(1631);
        assertEquals(1, JsonCodec.parseClientCustomData("{\"x\":" + inside + "}").size());
        assertThrows(InvalidUserException.class, () -> JsonCodec.parseClientCustomData("{\"x\":[" + inside + "]}"));
    }

    @Test
    void readsPlatformDataAsTheCore() {
        String json = JsonCodec.writePlatformData(new flagparity.reference.api.PlatformData("Java", "17", "server", "2.6.0", null, "h"));
        assertEquals("{\"platform\":\"Java\",\"platformVersion\":\"17\",\"sdkType\":\"server\",\"sdkVersion\":\"2.6.0\",\"hostname\":\"h\"}", json);
        assertEquals("h", JsonCodec.parsePlatformData(json).hostname());
        assertThrows(IllegalArgumentException.class, () -> JsonCodec.parsePlatformData("{\"platform\":\"Java\"}"));
    }
}

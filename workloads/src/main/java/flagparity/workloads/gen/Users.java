package flagparity.workloads.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Users in the core's JSON form. Realistic: the benchmarks' deterministic users' custom data (keys the
 * realistic targets read, then keys of mixed types). Odd: every field, custom data of every type,
 * numbers at their edges, from the pools the odd filters draw from; with raw numbers, spellings only a
 * JSON request can hold and strings with odd escapes; fields the core ignores; and texts it rejects.
 */
public final class Users {
    private Users() {}

    /** The {@code i}-th custom-data key of a realistic user. */
    public static String realisticCustomDataKey(int i) {
        return i < Pools.CUSTOM_DATA.size() ? Pools.CUSTOM_DATA.get(i).get(0) : "attr_" + i;
    }

    /**
     * The {@code i}-th custom-data value of a realistic user. The keys the targets read get values of
     * their type (so those targets are evaluated, but none matches the default key's targets); the
     * others cycle through String, integer, float, Boolean and null.
     */
    public static Object realisticCustomDataValue(int i) {
        if (i < Pools.CUSTOM_DATA.size()) {
            switch (Pools.CUSTOM_DATA.get(i).get(0)) {
                case "plan": return "free";
                case "signup_days": return 12L;
                case "beta_tester": return false;
                case "company_id": return "cmp-1042";
                case "seats": return 3L;
                case "is_admin": return true;
                case "region": return "us-east";
                default: return 0.42;
            }
        }
        switch (i % 5) {
            case 0: return "value-" + i;
            case 1: return (long) i * 7;
            case 2: return i + 0.25;
            case 3: return i % 2 == 0;
            default: return null;
        }
    }

    /**
     * A user the core accepts. With {@code rawNumbers}, numbers may be spelled as only a raw JSON request
     * can ({@code -0}, {@code 1e2}) and strings written with odd escapes; such users only make sense where
     * the JSON text itself reaches the core.
     */
    public static ObjectNode odd(Choices c, boolean rawNumbers) {
        ObjectNode o = Json.object();
        o.set("user_id", OddStrings.value(c, Pools.userId(c), rawNumbers));
        maybe(c, 50, o, "email", () -> OddStrings.value(c, Pools.string(c), rawNumbers));
        maybe(c, 10, o, "name", () -> OddStrings.value(c, Pools.string(c), rawNumbers));
        maybe(c, 10, o, "language", () -> OddStrings.value(c, Pools.string(c), rawNumbers));
        maybe(c, 40, o, "country", () -> OddStrings.value(c, Pools.string(c), rawNumbers));
        maybe(c, 50, o, "appVersion", () -> OddStrings.value(c, Pools.version(c), rawNumbers));
        maybe(c, 30, o, "appBuild", () -> Json.number(Pools.number(c)));
        maybe(c, 30, o, "deviceModel", () -> OddStrings.value(c, Pools.string(c), rawNumbers));
        maybe(c, 80, o, "customData", () -> customData(c, rawNumbers));
        maybe(c, 30, o, "privateCustomData", () -> customData(c, rawNumbers));
        if (c.percent(15)) {
            String[] field = c.pick(IGNORED_FIELDS);
            o.set(field[0], field[1] == null ? Json.F.nullNode() : Json.raw(field[1]));
        }
        return o;
    }

    private static void maybe(Choices c, int percent, ObjectNode o, String field, java.util.function.Supplier<JsonNode> value) {
        if (c.percent(percent)) {
            o.set(field, value.get());
        }
    }

    /** Fields the core ignores or reads only in the right type: an unknown key, a user trying to set its platform, a non-string email. */
    private static final List<String[]> IGNORED_FIELDS = List.of(
            new String[] {"platform", "\"Android\""},
            new String[] {"platformVersion", "\"99\""},
            new String[] {"isAnonymous", "true"},
            new String[] {"email", "5"},
            new String[] {"country", null},
            new String[] {"customData", null},
            new String[] {"privateCustomData", "[]"},
            new String[] {"createdDate", "\"2020-01-01T00:00:00.000Z\""});

    /** Custom data: one to four keys from the pools, each usually with a value of the type the key usually holds. */
    public static ObjectNode customData(Choices c, boolean rawNumbers) {
        ObjectNode o = Json.object();
        for (int i = c.between(1, 4); i > 0; i--) {
            String key = Pools.customKey(c);
            o.set(key, customDataValue(c, key, rawNumbers));
        }
        return o;
    }

    private static JsonNode customDataValue(Choices c, String key, boolean rawNumbers) {
        String type = Pools.customKeyType(key);
        if (type.equals("any") || c.weighted(4, 1) == 1) {
            return anyValue(c, rawNumbers);
        }
        switch (type) {
            case "String": return OddStrings.value(c, Pools.string(c), rawNumbers);
            case "Number": return Json.number(Pools.number(c));
            default: return Json.F.booleanNode(c.bool());
        }
    }

    /** A custom data value: string, number (integer or float, or with raw numbers a spelling), boolean or null. */
    private static JsonNode anyValue(Choices c, boolean rawNumbers) {
        switch (c.weighted(4, 4, 2, 1)) {
            case 0: return OddStrings.value(c, Pools.string(c), rawNumbers);
            case 1: return rawNumbers && c.oneIn(6) ? Json.raw(NumberSpellings.spelling(c)) : Json.number(Pools.number(c));
            case 2: return Json.F.booleanNode(c.bool());
            default: return Json.F.nullNode();
        }
    }

    /** User JSON texts the core rejects (or that probe its JSON parser), one per kind. */
    public static final List<String> INVALID_TEXTS = List.of(
            "{}",
            "{\"email\":\"a@x.com\"}",
            "{\"user_id\":5}",
            "{\"user_id\":null}",
            "{\"user_id\":true}",
            "{\"user_id\":\"u1\",\"customData\":{\"a\":{\"b\":1}}}",
            "{\"user_id\":\"u1\",\"customData\":{\"a\":[1]}}",
            "{\"user_id\":\"u1\",\"privateCustomData\":{\"a\":{}}}",
            "{\"user_id\":\"u1\",\"appBuild\":\"5\"}",
            "{\"user_id\":\"u1\",\"appBuild\":null}",
            "{\"user_id\":\"u1\",\"appBuild\":true}",
            "[]",
            "\"u1\"",
            "5",
            "null",
            "",
            "{\"user_id\":\"u1\"",
            "{\"user_id\":\"u1\",}",
            "{\"user_id\":\"u1\",\"x\":}",
            "{\"user_id\":\"u1\"} trailing",
            "{\"user_id\":\"u1\",\"x\":nul}",
            "{\"user_id\":\"u1\",\"x\":+1}",
            "{\"user_id\":\"u1\",\"x\":01}",
            "{\"user_id\":\"u1\",\"x\":\"a\tb\"}",
            "{\"user_id\":\"u\\x\"}",
            "{'user_id':'u1'}",
            "{\"user_id\":\"u1\",\"user_id\":\"u2\"}",
            "{\"user_id\":\"u1\",\"customData\":{\"a\":1,\"a\":{\"b\":1}}}",
            " {\"user_id\":\"u1\"} ");
}

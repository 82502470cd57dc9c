package flagparity.parity.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Tuple;

/** Users in the core's JSON form: every field, custom data of every type, numbers at their edges. */
public final class UserArbitraries {
    private UserArbitraries() {}

    /** Number spellings that Jackson never writes but a JSON request may hold. */
    static final List<String> RAW_NUMBERS = List.of("-0", "1e2", "1E+2", "0.0", "1.50", "-0.0", "7e0",
            "12345678901234567890", "1e400", "0.1e1", "9007199254740993", "123456789012345678", "-9223372036854775808");

    /** A custom data value: string, number (integer or float), boolean or null. */
    public static Arbitrary<JsonNode> customDataValues(boolean rawNumbers) {
        Arbitrary<JsonNode> numbers = Pools.numbers().map(Json::number);
        if (rawNumbers) {
            numbers = Arbitraries.frequencyOf(Tuple.of(5, numbers), Tuple.of(1, NumberSpellings.spellings().map(Json::raw)));
        }
        return Arbitraries.frequencyOf(
                Tuple.of(4, OddStrings.values(Pools.strings(), rawNumbers)),
                Tuple.of(4, numbers),
                Tuple.of(2, Arbitraries.of(true, false).map(Json.F::booleanNode)),
                Tuple.of(1, Arbitraries.just(Json.F.nullNode())));
    }

    /** A value for a custom data key: usually of the type the key usually holds (see {@link Pools#customKeyType}). */
    static Arbitrary<JsonNode> customDataValue(String key, boolean rawNumbers) {
        Arbitrary<JsonNode> any = customDataValues(rawNumbers);
        Arbitrary<JsonNode> typed;
        switch (Pools.customKeyType(key)) {
            case "String": typed = OddStrings.values(Pools.strings(), rawNumbers); break;
            case "Number": typed = Pools.numbers().map(Json::number); break;
            case "Boolean": typed = Arbitraries.of(true, false).map(Json.F::booleanNode); break;
            default: return any;
        }
        return Arbitraries.frequencyOf(Tuple.of(4, typed), Tuple.of(1, any));
    }

    public static Arbitrary<ObjectNode> customData(boolean rawNumbers) {
        Arbitrary<Tuple.Tuple2<String, JsonNode>> entry = Pools.customKeys()
                .flatMap(k -> customDataValue(k, rawNumbers).map(v -> Tuple.of(k, v)));
        return entry.list().ofMinSize(1).ofMaxSize(4).map(entries -> {
            ObjectNode o = Json.object();
            for (Tuple.Tuple2<String, JsonNode> e : entries) {
                o.set(e.get1(), e.get2());
            }
            return o;
        });
    }

    /**
     * Users the core accepts. With {@code rawNumbers}, numbers may be spelled as only a raw JSON request can
     * ({@code -0}, {@code 1e2}) and strings written with odd escapes ({@link OddStrings#values}); such users
     * only make sense where the JSON text itself reaches the core.
     */
    public static Arbitrary<ObjectNode> users(boolean rawNumbers) {
        return Builders.withBuilder(Json::object)
                .use(OddStrings.values(Pools.userIds(), rawNumbers)).in((o, v) -> o.set("user_id", v))
                .use(OddStrings.values(Pools.strings(), rawNumbers)).withProbability(0.5).in((o, v) -> o.set("email", v))
                .use(OddStrings.values(Pools.strings(), rawNumbers)).withProbability(0.1).in((o, v) -> o.set("name", v))
                .use(OddStrings.values(Pools.strings(), rawNumbers)).withProbability(0.1).in((o, v) -> o.set("language", v))
                .use(OddStrings.values(Pools.strings(), rawNumbers)).withProbability(0.4).in((o, v) -> o.set("country", v))
                .use(OddStrings.values(Pools.versions(), rawNumbers)).withProbability(0.5).in((o, v) -> o.set("appVersion", v))
                .use(Pools.numbers().map(Json::number)).withProbability(0.3).in((o, v) -> o.set("appBuild", v))
                .use(OddStrings.values(Pools.strings(), rawNumbers)).withProbability(0.3).in((o, v) -> o.set("deviceModel", v))
                .use(customData(rawNumbers)).withProbability(0.8).in((o, v) -> o.set("customData", v))
                .use(customData(rawNumbers)).withProbability(0.3).in((o, v) -> o.set("privateCustomData", v))
                .use(ignoredFields()).withProbability(0.15).in((o, v) -> o.set(v.get1(), v.get2()))
                .build();
    }

    /** Fields the core ignores or reads only in the right type: an unknown key, a user trying to set its platform, a non-string email. */
    private static Arbitrary<Tuple.Tuple2<String, JsonNode>> ignoredFields() {
        return Arbitraries.of(
                Tuple.of("platform", Json.text("Android")),
                Tuple.of("platformVersion", Json.text("99")),
                Tuple.of("isAnonymous", Json.F.booleanNode(true)),
                Tuple.of("email", Json.F.numberNode(5)),
                Tuple.of("country", Json.F.nullNode()),
                Tuple.of("customData", Json.F.nullNode()),
                Tuple.of("privateCustomData", Json.array(List.of())),
                Tuple.of("createdDate", Json.text("2020-01-01T00:00:00.000Z")));
    }

    /** User JSON texts the core rejects (or that probe its JSON parser), one per kind. */
    public static Arbitrary<String> invalidUserTexts() {
        return Arbitraries.of(
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
}

package flagparity.parity.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Audience filters and operators of every kind, with values drawn from the pools the users use. */
final class Filters {
    private Filters() {}

    static final List<String> COMPARATORS = List.of("=", "!=", ">", ">=", "<", "<=", "exist", "!exist",
            "contain", "!contain", "startWith", "!startWith", "endWith", "!endWith");
    /** Names the core does not know: they parse, and the filter is false. */
    static final List<String> UNKNOWN_COMPARATORS = List.of("contains", "==", "");
    static final List<String> STRING_SUBTYPES = List.of("user_id", "email", "country", "platform", "deviceModel");
    static final List<String> VERSION_SUBTYPES = List.of("appVersion", "platformVersion");
    /** Valid sub-types the core never evaluates ({@code ip}) and names it does not know. */
    static final List<String> ODD_SUBTYPES = List.of("ip", "name", "language", "appBuild", "foo");

    /**
     * An operator node ({@code {"operator","filters"}}); audience references are resolved against
     * {@code audienceIds} when the node is built, so a filter tree shrinks independently of the config.
     */
    interface Node {
        JsonNode toJson(List<String> audienceIds);
    }

    record Operator(String operator, List<Node> filters) implements Node {
        @Override
        public JsonNode toJson(List<String> audienceIds) {
            ObjectNode o = Json.object();
            o.put("operator", operator);
            List<JsonNode> children = new ArrayList<>();
            for (Node f : filters) {
                children.add(f.toJson(audienceIds));
            }
            o.set("filters", Json.array(children));
            return o;
        }
    }

    /** A leaf filter given as JSON. */
    record Leaf(ObjectNode json) implements Node {
        @Override
        public JsonNode toJson(List<String> audienceIds) {
            return json;
        }
    }

    /** An audienceMatch filter; each reference picks an audience by index, or names one that does not exist. */
    record AudienceMatch(String comparator, List<Integer> refs, boolean withNonString) implements Node {
        @Override
        public JsonNode toJson(List<String> audienceIds) {
            ObjectNode o = Json.object();
            o.put("type", "audienceMatch");
            o.put("comparator", comparator);
            List<JsonNode> ids = new ArrayList<>();
            for (int r : refs) {
                ids.add(Json.text(r < 0 || audienceIds.isEmpty() ? "missing-audience" : audienceIds.get(r % audienceIds.size())));
            }
            if (withNonString) {
                ids.add(Json.F.numberNode(1));
            }
            o.set("_audiences", Json.array(ids));
            return o;
        }
    }

    /** A target's or an audience's top-level operator: usually "and" over a few filters. */
    static Arbitrary<Node> topLevel(boolean allowAudienceMatch) {
        return Combinators.combine(
                        Arbitraries.frequency(Tuple.of(12, "and"), Tuple.of(6, "or"), Tuple.of(1, "xor")),
                        Arbitraries.frequencyOf(Tuple.of(20, node(2, allowAudienceMatch).list().ofMinSize(1).ofMaxSize(3)),
                                Tuple.of(1, Arbitraries.just(List.<Node>of()))))
                .as((op, fs) -> (Node) new Operator(op, fs));
    }

    static Arbitrary<Node> node(int depth, boolean allowAudienceMatch) {
        Arbitrary<Node> leaf = leaf(allowAudienceMatch);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Node> nested = Combinators.combine(
                        Arbitraries.frequency(Tuple.of(5, "and"), Tuple.of(5, "or"), Tuple.of(1, "nand")),
                        Arbitraries.lazy(() -> node(depth - 1, allowAudienceMatch)).list().ofMaxSize(3))
                .as((op, fs) -> (Node) new Operator(op, fs));
        return Arbitraries.frequencyOf(Tuple.of(6, leaf), Tuple.of(1, nested));
    }

    static Arbitrary<Node> leaf(boolean allowAudienceMatch) {
        List<Tuple.Tuple2<Integer, Arbitrary<Node>>> kinds = new ArrayList<>(List.of(
                Tuple.of(10, Arbitraries.just(simple("all"))),
                Tuple.of(1, Arbitraries.just(simple("optIn"))),
                Tuple.of(1, Arbitraries.of("weird", "user ").map(Filters::simple)),
                Tuple.of(6, stringFilter()),
                Tuple.of(4, versionFilter()),
                Tuple.of(8, customDataFilter()),
                Tuple.of(1, oddSubTypeFilter())));
        if (allowAudienceMatch) {
            kinds.add(Tuple.of(3, audienceMatch()));
        }
        return Arbitraries.frequencyOf(kinds);
    }

    private static Node simple(String type) {
        ObjectNode o = Json.object();
        o.put("type", type);
        return new Leaf(o);
    }

    static Arbitrary<String> comparators() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.of(COMPARATORS)),
                Tuple.of(8, Arbitraries.of("=", "=", "!=", "exist")),
                Tuple.of(1, Arbitraries.of(UNKNOWN_COMPARATORS)));
    }

    private static Node userFilter(String subType, String comparator, List<JsonNode> values) {
        ObjectNode o = Json.object();
        o.put("type", "user");
        o.put("subType", subType);
        o.put("comparator", comparator);
        o.set("values", Json.array(values));
        return new Leaf(o);
    }

    /** Filter values: usually of the expected kind, sometimes of another (the first value decides the kind). */
    private static Arbitrary<List<JsonNode>> values(Arbitrary<JsonNode> expected) {
        Arbitrary<JsonNode> other = Arbitraries.oneOf(
                Pools.strings().map(Json::text),
                Pools.numbers().map(Json::number),
                Arbitraries.of(true, false).map(Json.F::booleanNode));
        return Arbitraries.frequencyOf(
                Tuple.of(12, expected.list().ofMinSize(1).ofMaxSize(3)),
                Tuple.of(1, Arbitraries.just(List.<JsonNode>of())),
                Tuple.of(2, Arbitraries.frequencyOf(Tuple.of(3, expected), Tuple.of(1, other)).list().ofMinSize(1).ofMaxSize(3)));
    }

    private static Arbitrary<Node> stringFilter() {
        Arbitrary<String> strings = Arbitraries.oneOf(Pools.strings(), Pools.userIds(), Pools.platforms());
        return Combinators.combine(Arbitraries.of(STRING_SUBTYPES), comparators(), values(strings.map(Json::text)))
                .as(Filters::userFilter);
    }

    private static Arbitrary<Node> versionFilter() {
        return Combinators.combine(Arbitraries.of(VERSION_SUBTYPES), comparators(), values(Pools.versions().map(Json::text)))
                .as(Filters::userFilter);
    }

    private static Arbitrary<Node> oddSubTypeFilter() {
        return Combinators.combine(Arbitraries.of(ODD_SUBTYPES), comparators(), values(Pools.strings().map(Json::text)))
                .as(Filters::userFilter);
    }

    private static Arbitrary<Node> customDataFilter() {
        return Combinators.combine(Pools.customKeys(), Arbitraries.of("String", "Number", "Boolean", "usual", "usual", "usual"))
                .flatAs((key, drawnType) -> {
                    String keyType = Pools.customKeyType(key);
                    String type = !drawnType.equals("usual") ? drawnType : keyType.equals("any") ? "String" : keyType;
                    Arbitrary<JsonNode> values;
                    switch (type) {
                        case "Number": values = Pools.numbers().map(Json::number); break;
                        case "Boolean": values = Arbitraries.of(true, false).map(Json.F::booleanNode); break;
                        default: values = Pools.strings().map(Json::text);
                    }
                    return Combinators.combine(comparators(), values(values)).as((comparator, vs) -> {
                        ObjectNode o = ((Leaf) userFilter("customData", comparator, vs)).json();
                        o.put("dataKey", key);
                        o.put("dataKeyType", type);
                        return (Node) new Leaf(o);
                    });
                });
    }

    private static Arbitrary<Node> audienceMatch() {
        return Combinators.combine(
                        Arbitraries.frequency(Tuple.of(5, "="), Tuple.of(4, "!="), Tuple.of(1, "contain")),
                        Arbitraries.frequency(Tuple.of(9, 0), Tuple.of(1, -1)).flatMap(missing -> missing < 0
                                ? Arbitraries.just(List.of(-1))
                                : Arbitraries.integers().between(0, 5).list().ofMaxSize(2)),
                        Arbitraries.of(false, false, false, true))
                .as((c, refs, nonString) -> (Node) new AudienceMatch(c, refs, nonString));
    }
}

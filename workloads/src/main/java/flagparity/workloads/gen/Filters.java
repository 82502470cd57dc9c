package flagparity.workloads.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Audience filters and operators: the top-level operator of a target or a config-level audience, its
 * nested operators and its leaves ({@code all}, user fields, custom data, {@code audienceMatch}). The
 * realistic profile writes the rules a production config holds; the odd profile every kind the core
 * reads, with values from the shared pools, unknown operators, comparators and sub-types, empty and
 * mixed-type value lists, and references to audiences that do not exist.
 */
public final class Filters {
    /** The comparators the core knows. */
    public static final List<String> COMPARATORS = List.of("=", "!=", ">", ">=", "<", "<=", "exist", "!exist",
            "contain", "!contain", "startWith", "!startWith", "endWith", "!endWith");
    /** Names the core does not know: they parse, and the filter is false. */
    static final List<String> UNKNOWN_COMPARATORS = List.of("contains", "==", "");
    static final List<String> STRING_SUBTYPES = List.of("user_id", "email", "country", "platform", "deviceModel");
    static final List<String> VERSION_SUBTYPES = List.of("appVersion", "platformVersion");
    /** Valid sub-types the core never evaluates ({@code ip}) and names it does not know. */
    static final List<String> ODD_SUBTYPES = List.of("ip", "name", "language", "appBuild", "foo");

    private final Choices c;
    private final boolean odd;
    /** The audiences a filter may match: those already written (so references never cycle). */
    private final List<String> audienceIds;

    Filters(Choices c, boolean odd, List<String> audienceIds) {
        this.c = c;
        this.odd = odd;
        this.audienceIds = audienceIds;
    }

    /** A top-level operator (odd: a few filters, {@code audienceMatch} among them when {@code matches}). */
    static ObjectNode topLevel(Choices c, boolean odd, List<String> audienceIds, boolean matches) {
        return new Filters(c, odd, audienceIds).topLevel(3, matches);
    }

    /**
     * An odd top-level operator and up to three config-level audiences it may match (each audience
     * matching only those before it): the operator, then the audiences object keyed by id.
     */
    public static List<ObjectNode> oddOperatorWithAudiences(Choices c) {
        ObjectNode audiences = Json.object();
        List<String> ids = new ArrayList<>();
        for (int i = c.below(4); i > 0; i--) {
            ObjectNode filters = topLevel(c, true, List.copyOf(ids), true);
            ids.add("aud" + ids.size());
            audiences.putObject(ids.get(ids.size() - 1)).set("filters", filters);
        }
        return List.of(topLevel(c, true, ids, true), audiences);
    }

    /** One leaf filter of the odd profile that is not an {@code audienceMatch}. */
    public static ObjectNode oddLeaf(Choices c) {
        return new Filters(c, true, List.of()).oddLeaf(false);
    }

    /**
     * A top-level operator; realistic: "or" once in {@code orOneIn}, else "and", over one to four filters
     * (a nested operator only last: the core returns its result at once, so it ends the list).
     */
    ObjectNode topLevel(int orOneIn, boolean matches) {
        if (!odd) {
            return operator(c.oneIn(orOneIn) ? "or" : "and", 1 + c.below(4), 0, true);
        }
        String op = List.of("and", "or", "xor").get(c.weighted(12, 6, 1));
        return operator(op, c.oneIn(21) ? 0 : c.between(1, 3), 0, matches);
    }

    private ObjectNode operator(String op, int filters, int depth, boolean matches) {
        ObjectNode o = Json.object();
        o.put("operator", op);
        ArrayNode list = o.putArray("filters");
        for (int i = 0; i < filters; i++) {
            list.add(odd ? oddNode(depth, matches) : realisticNode(op, depth, i == filters - 1));
        }
        return o;
    }

    private ObjectNode realisticNode(String op, int depth, boolean last) {
        int kind = c.below(100);
        if (kind < 10 && depth == 0 && last) {
            return operator(op.equals("and") ? "or" : "and", 2, depth + 1, true);
        } else if (kind < 22 && audienceIds.size() > 1) {
            return audienceMatch(c.oneIn(4) ? "!=" : "=", List.of(audienceIds.get(1 + c.below(audienceIds.size() - 1))));
        } else if (kind < 55) {
            return realisticCustomData();
        }
        return realisticUserField();
    }

    private ObjectNode oddNode(int depth, boolean matches) {
        if (depth < 2 && c.weighted(6, 1) == 1) {
            String op = List.of("and", "or", "nand").get(c.weighted(5, 5, 1));
            return operator(op, c.below(4), depth + 1, matches);
        }
        return oddLeaf(matches);
    }

    private static ObjectNode audienceMatchNode(String comparator, List<JsonNode> ids) {
        ObjectNode o = Json.object();
        o.put("type", "audienceMatch");
        o.put("comparator", comparator);
        o.set("_audiences", Json.array(ids));
        return o;
    }

    ObjectNode audienceMatch(String comparator, List<String> ids) {
        List<JsonNode> nodes = new ArrayList<>();
        ids.forEach(id -> nodes.add(Json.text(id)));
        return audienceMatchNode(comparator, nodes);
    }

    private ObjectNode oddLeaf(boolean matches) {
        switch (c.weighted(10, 1, 1, 6, 4, 8, 1, matches ? 3 : 0)) {
            case 0: return simple("all");
            case 1: return simple("optIn");
            case 2: return simple(c.pickOf("weird", "user "));
            case 3: return userFilter(c.pick(STRING_SUBTYPES), comparator(), values(() -> Json.text(anyString())));
            case 4: return userFilter(c.pick(VERSION_SUBTYPES), comparator(), values(() -> Json.text(Pools.version(c))));
            case 5: return oddCustomData();
            case 6: return userFilter(c.pick(ODD_SUBTYPES), comparator(), values(() -> Json.text(Pools.string(c))));
            default: return oddAudienceMatch();
        }
    }

    private String anyString() {
        switch (c.below(3)) {
            case 0: return Pools.string(c);
            case 1: return Pools.userId(c);
            default: return Pools.platform(c);
        }
    }

    private static ObjectNode simple(String type) {
        ObjectNode o = Json.object();
        o.put("type", type);
        return o;
    }

    private String comparator() {
        switch (c.weighted(20, 8, 1)) {
            case 0: return c.pick(COMPARATORS);
            case 1: return c.pickOf("=", "=", "!=", "exist");
            default: return c.pick(UNKNOWN_COMPARATORS);
        }
    }

    /** Filter values: usually of the expected kind, sometimes of another (the first value decides the kind). */
    private List<JsonNode> values(Supplier<JsonNode> expected) {
        List<JsonNode> out = new ArrayList<>();
        switch (c.weighted(12, 1, 2)) {
            case 0:
                for (int i = c.between(1, 3); i > 0; i--) {
                    out.add(expected.get());
                }
                break;
            case 1:
                break;
            default:
                for (int i = c.between(1, 3); i > 0; i--) {
                    out.add(c.weighted(3, 1) == 0 ? expected.get() : otherValue());
                }
        }
        return out;
    }

    private JsonNode otherValue() {
        switch (c.below(3)) {
            case 0: return Json.text(Pools.string(c));
            case 1: return Json.number(Pools.number(c));
            default: return Json.F.booleanNode(c.bool());
        }
    }

    private ObjectNode oddCustomData() {
        String key = Pools.customKey(c);
        String drawn = c.pickOf("String", "Number", "Boolean", "usual", "usual", "usual");
        String keyType = Pools.customKeyType(key);
        String type = !drawn.equals("usual") ? drawn : keyType.equals("any") ? "String" : keyType;
        Supplier<JsonNode> value;
        switch (type) {
            case "Number": value = () -> Json.number(Pools.number(c)); break;
            case "Boolean": value = () -> Json.F.booleanNode(c.bool()); break;
            default: value = () -> Json.text(Pools.string(c));
        }
        ObjectNode o = userFilter("customData", comparator(), values(value));
        o.put("dataKey", key);
        o.put("dataKeyType", type);
        return o;
    }

    /** An audienceMatch: each reference an earlier audience, or one that does not exist; now and then a non-string. */
    private ObjectNode oddAudienceMatch() {
        String comparator = c.pickOf("=", "=", "=", "=", "=", "!=", "!=", "!=", "!=", "contain");
        List<JsonNode> ids = new ArrayList<>();
        if (c.oneIn(10)) {
            ids.add(Json.text("missing-audience"));
        } else {
            for (int i = c.below(3); i > 0; i--) {
                int r = c.below(6);
                ids.add(Json.text(audienceIds.isEmpty() ? "missing-audience" : audienceIds.get(r % audienceIds.size())));
            }
        }
        if (c.oneIn(4)) {
            ids.add(Json.F.numberNode(1));
        }
        return audienceMatchNode(comparator, ids);
    }

    static ObjectNode userFilter(String subType, String comparator, List<JsonNode> values) {
        ObjectNode o = Json.object();
        o.put("type", "user");
        o.put("subType", subType);
        o.put("comparator", comparator);
        o.set("values", Json.array(values));
        return o;
    }

    private List<JsonNode> strings(int n, Supplier<String> value) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Json.text(value.get()));
        }
        return out;
    }

    private ObjectNode realisticUserField() {
        switch (c.below(10)) {
            case 0: case 8:
                return userFilter("user_id", c.bool() ? "=" : "!=", strings(10 + c.below(80), this::uuid));
            case 1:
                return userFilter("email", c.pickOf("endWith", "contain", "!endWith"),
                        strings(1 + c.below(3), () -> c.pick(Pools.EMAIL_DOMAINS)));
            case 2:
                return userFilter("email", "=", strings(5 + c.below(40), () -> "user." + c.hex(6) + c.pick(Pools.EMAIL_DOMAINS)));
            case 3:
                return userFilter("country", c.oneIn(4) ? "!=" : "=", strings(1 + c.below(5), () -> c.pick(Pools.COUNTRIES)));
            case 4:
                return userFilter("appVersion", c.pickOf(">=", ">", "<", "=", "!="),
                        strings(1, () -> (1 + c.below(6)) + "." + c.below(10) + "." + c.below(5)));
            case 5:
                return userFilter("platform", c.oneIn(3) ? "!=" : "=", strings(1 + c.below(2), () -> c.pick(Pools.REAL_PLATFORMS)));
            case 6:
                return userFilter("platformVersion", c.pickOf(">=", "<"), strings(1, () -> (11 + c.below(12)) + ".0"));
            case 7:
                return userFilter("deviceModel", "=", strings(1 + c.below(3), () -> c.pick(Pools.DEVICES)));
            default:
                return userFilter("user_id", c.pickOf("exist", "!exist", "startWith"), strings(1, () -> "user-"));
        }
    }

    private ObjectNode realisticCustomData() {
        List<String> data = c.pick(Pools.CUSTOM_DATA);
        String key = data.get(0);
        String type = data.get(1);
        List<JsonNode> values = new ArrayList<>();
        String comparator;
        switch (type) {
            case "String":
                comparator = c.pickOf("=", "=", "!=", "contain", "exist");
                List<String> pool = key.equals("plan") ? Pools.PLANS : key.equals("region") ? Pools.REGIONS : null;
                values = strings(1 + c.below(pool == null ? 8 : 3), () -> pool == null ? "cmp-" + (1000 + c.below(9000)) : c.pick(pool));
                break;
            case "Number":
                comparator = c.pickOf(">", ">=", "<", "=", "!=");
                values.add(key.equals("score") ? Json.number(c.below(100) / 100.0) : Json.number((long) (1 + c.below(90))));
                break;
            default:
                comparator = c.oneIn(4) ? "!=" : "=";
                values.add(Json.F.booleanNode(c.bool()));
        }
        ObjectNode o = userFilter("customData", comparator, values);
        o.put("dataKey", key);
        o.put("dataKeyType", type);
        return o;
    }

    /** A user id of the UUID shape many DevCycle users use. */
    private String uuid() {
        return c.hex(8) + "-" + c.hex(4) + "-4" + c.hex(3) + "-" + c.hex(4) + "-" + c.hex(12);
    }
}

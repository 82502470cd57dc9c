package flagparity.workloads.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a variation serves. Realistic: a value of the variable's type that differs per variation
 * (a JSON variable an object with numbers, a string, a Boolean, an array and a nested object). Odd:
 * values from the shared pools, number spellings Jackson never writes, nested JSON of every kind, and
 * now and then a value of another type than the variable's.
 */
final class VariableValues {
    private VariableValues() {}

    static final List<String> JSON_KEYS = List.of("a", "b", "nested", "list", "ü", "", "a b");

    static JsonNode realistic(Choices c, String type, int variation) {
        switch (type) {
            case "Boolean": return Json.F.booleanNode(variation % 2 == 1);
            case "Number": return c.bool() ? Json.number((long) (10 * (variation + 1) + c.below(10)))
                    : Json.number(variation + c.below(100) / 100.0);
            case "String": return Json.text(variation == 0 ? "control" : "treatment-" + (char) ('a' + variation - 1));
            default: return realisticJson(c, variation);
        }
    }

    private static JsonNode realisticJson(Choices c, int variation) {
        ObjectNode o = Json.object();
        o.put("maxItems", 10 * (variation + 1));
        o.put("ratio", 0.25 * (variation + 1));
        o.put("theme", variation == 0 ? "light" : "dark");
        o.put("showBanner", variation % 2 == 1);
        o.putArray("sections").add("summary").add(c.pick(Pools.AREAS));
        ObjectNode copy = o.putObject("copy");
        copy.put("title", "Try the new " + c.pick(Pools.AREAS));
        copy.put("cta", variation == 0 ? "Learn more" : "Get started");
        return o;
    }

    static JsonNode odd(Choices c, String type) {
        if (c.oneIn(41)) {
            return wrong(c);
        }
        switch (type) {
            case "Boolean": return Json.F.booleanNode(c.bool());
            case "Number": return number(c);
            case "String": return Json.text(Pools.string(c));
            default: return c.weighted(12, 1) == 0 ? jsonObject(c, 2) : jsonValue(c, 1);
        }
    }

    private static JsonNode number(Choices c) {
        return c.weighted(8, 1) == 0 ? Json.number(Pools.number(c)) : Json.raw(c.pick(NumberSpellings.VALUES));
    }

    /** A value of some type, most likely another than the variable's. */
    private static JsonNode wrong(Choices c) {
        switch (c.below(5)) {
            case 0: return Json.text(Pools.string(c));
            case 1: return number(c);
            case 2: return Json.F.booleanNode(true);
            case 3: return Json.F.nullNode();
            default: return Json.array(List.of(jsonValue(c, 1)));
        }
    }

    static JsonNode jsonObject(Choices c, int depth) {
        ObjectNode o = Json.object();
        for (int i = c.below(4); i > 0; i--) {
            o.set(c.pick(JSON_KEYS), jsonValue(c, depth));
        }
        return o;
    }

    static JsonNode jsonValue(Choices c, int depth) {
        switch (depth == 0 ? 0 : c.weighted(6, 1, 1)) {
            case 1:
                return jsonObject(c, depth - 1);
            case 2: {
                List<JsonNode> items = new ArrayList<>();
                for (int i = c.below(4); i > 0; i--) {
                    items.add(jsonValue(c, depth - 1));
                }
                return Json.array(items);
            }
            default:
                switch (c.below(4)) {
                    case 0: return Json.text(Pools.string(c));
                    case 1: return Json.number(Pools.number(c));
                    case 2: return Json.F.booleanNode(c.bool());
                    default: return Json.F.nullNode();
                }
        }
    }
}

package flagparity.workloads.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.List;

/** Small helpers to build the JSON trees the generator produces. */
public final class Json {
    private Json() {}

    public static final JsonNodeFactory F = JsonNodeFactory.instance;

    public static ObjectNode object() {
        return F.objectNode();
    }

    public static ArrayNode array(List<? extends JsonNode> items) {
        ArrayNode a = F.arrayNode();
        a.addAll(items);
        return a;
    }

    public static JsonNode text(String s) {
        return F.textNode(s);
    }

    /** A number written as Jackson writes a Long (integer literal) or a Double ({@code 7.0}, {@code 1.0E21}). */
    public static JsonNode number(Number n) {
        return n instanceof Long ? F.numberNode((Long) n) : F.numberNode(n.doubleValue());
    }

    /** A literal written exactly as given, for number spellings Jackson never writes ({@code -0}, {@code 1e2}). */
    public static JsonNode raw(String literal) {
        return F.rawValueNode(new RawValue(literal));
    }
}

package flagparity.parity.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.List;

/** Small helpers to build the JSON trees the generators produce. */
public final class Json {
    private Json() {}

    static final JsonNodeFactory F = JsonNodeFactory.instance;

    static ObjectNode object() {
        return F.objectNode();
    }

    static ArrayNode array(List<? extends JsonNode> items) {
        ArrayNode a = F.arrayNode();
        a.addAll(items);
        return a;
    }

    static JsonNode text(String s) {
        return F.textNode(s);
    }

    /** A number written as Jackson writes a Long (integer literal) or a Double ({@code 7.0}, {@code 1.0E21}). */
    static JsonNode number(Number n) {
        return n instanceof Long ? F.numberNode((Long) n) : F.numberNode(n.doubleValue());
    }

    /** A literal written exactly as given, for number spellings Jackson never writes ({@code -0}, {@code 1e2}). */
    static JsonNode raw(String literal) {
        return F.rawValueNode(new RawValue(literal));
    }
}

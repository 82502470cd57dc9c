package flagparity.workloads.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One change to a valid JSON document (a config or a user) at one place: a key deleted, a value
 * replaced by one of another type or an unknown name, an odd element added to an array, or the
 * text itself broken. Most changes make the core reject the document, some it ignores: the
 * rejection property needs both.
 */
public final class Mutations {
    private Mutations() {}

    /** Replacement values: other types, empty and unknown strings. */
    static final List<JsonNode> REPLACEMENTS = List.of(Json.F.nullNode(), Json.F.numberNode(5), Json.F.numberNode(0.5),
            Json.text("x"), Json.text(""), Json.F.booleanNode(true), Json.F.arrayNode(), Json.F.objectNode(), Json.text("bogus"),
            Json.text("2024-13-45T99:99:99.000Z"), Json.F.numberNode(-1));

    /** Whole texts a core or parser must reject or read in some way. */
    static final List<String> TEXTS = List.of("", "[]", "5", "null", "\"x\"", "{}", "{", "{\"a\":}", "{\"a\":1,}", " ");

    /** A valid document and where and how to change it. */
    public record Mutation(String original, int place, int kind, int replacement, int cut) {
        /** The changed text. */
        public String apply() {
            JsonNode root;
            try {
                root = flagparity.reference.api.JsonCodec.mapper().readTree(original);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            switch (kind) {
                case 0: case 1: case 2: case 3: {
                    List<JsonNode> containers = new ArrayList<>();
                    collect(root, containers);
                    JsonNode c = containers.get(place % containers.size());
                    if (c.size() == 0 || kind == 3) {
                        if (c.isArray()) {
                            ((ArrayNode) c).insert(0, REPLACEMENTS.get(replacement % REPLACEMENTS.size()));
                        } else {
                            ((ObjectNode) c).set("unknownKey", REPLACEMENTS.get(replacement % REPLACEMENTS.size()));
                        }
                    } else {
                        int i = (place / containers.size()) % c.size();
                        if (c.isArray()) {
                            ArrayNode a = (ArrayNode) c;
                            if (kind == 0) a.remove(i); else a.set(i, REPLACEMENTS.get(replacement % REPLACEMENTS.size()));
                        } else {
                            ObjectNode o = (ObjectNode) c;
                            String key = nth(o, i);
                            if (kind == 0) o.remove(key); else o.set(key, REPLACEMENTS.get(replacement % REPLACEMENTS.size()));
                        }
                    }
                    return Texts.printable(root.toString());
                }
                case 4: {
                    String text = Texts.printable(root.toString());
                    return text.substring(0, cut % (text.length() + 1));
                }
                default:
                    return TEXTS.get(replacement % TEXTS.size());
            }
        }

        @Override
        public String toString() {
            return apply();
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (JsonNode child : n) {
                collect(child, out);
            }
        }
    }

    private static String nth(ObjectNode o, int i) {
        Iterator<String> it = o.fieldNames();
        for (int k = 0; k < i; k++) {
            it.next();
        }
        return it.next();
    }

    /** A change to {@code document}; a text change (kinds 4, 5) is rarer than a structural one. */
    public static Mutation of(Choices c, String document) {
        return new Mutation(document, c.below(100_001), c.weighted(8, 8, 3, 3, 1, 1), c.below(1001), c.below(100_001));
    }
}

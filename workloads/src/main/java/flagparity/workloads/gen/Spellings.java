package flagparity.workloads.gen;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Other ways to spell the same JSON document, as a config file or request line may: indented with
 * every non-ASCII character escaped, or with an object member given twice (the core keeps the last
 * value at the first one's place).
 */
public final class Spellings {
    private Spellings() {}

    public enum Spelling { COMPACT, PRETTY_ESCAPED, DUPLICATE_MEMBER }

    private static final ObjectWriter PRETTY = flagparity.reference.api.JsonCodec.mapper().writer()
            .with(JsonGenerator.Feature.ESCAPE_NON_ASCII).withDefaultPrettyPrinter();

    /** How a request line's config is spelled: compact mostly; sometimes indented and escaped, or with a member given twice. */
    public static Spelling spelling(Choices c) {
        return Spelling.values()[c.weighted(16, 2, 1)];
    }

    /** {@code doc} spelled as asked; {@code place} picks the member a duplicate repeats. */
    public static String spell(ObjectNode doc, Spelling spelling, int place) {
        switch (spelling) {
            case PRETTY_ESCAPED:
                try {
                    return Texts.printable(PRETTY.writeValueAsString(doc));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            case DUPLICATE_MEMBER: {
                ObjectNode copy = doc.deepCopy();
                List<ObjectNode> objects = new ArrayList<>();
                collect(copy, objects);
                ObjectNode o = objects.get(place % objects.size());
                if (o.size() > 0) {
                    Iterator<Map.Entry<String, JsonNode>> it = o.fields();
                    Map.Entry<String, JsonNode> member = it.next();
                    for (int i = (place / objects.size()) % o.size(); i > 0; i--) {
                        member = it.next();
                    }
                    // the member, then a second one of the same name with another value: written as one raw value
                    JsonNode other = Mutations.REPLACEMENTS.get(place % Mutations.REPLACEMENTS.size());
                    o.set(member.getKey(), Json.F.rawValueNode(new RawValue(Texts.printable(member.getValue().toString())
                            + "," + Json.text(member.getKey()) + ":" + other)));
                }
                return Texts.printable(copy.toString());
            }
            default:
                return Texts.printable(doc.toString());
        }
    }

    private static void collect(JsonNode n, List<ObjectNode> out) {
        if (n.isObject()) {
            out.add((ObjectNode) n);
        }
        for (JsonNode child : n) {
            collect(child, out);
        }
    }
}

package flagparity.wasm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.json.JsonCodec;
import java.io.IOException;

/**
 * Reads a variable as {@code variableForUser} writes it ({@code {"_id","type","key","value"}}). A
 * JSON variable's value is kept as the exact text the core wrote (the protobuf path carries the same
 * text), not re-serialised.
 */
final class CoreVariableJson {
    private CoreVariableJson() {}

    static Variable parse(String json) {
        if (json == null) {
            return null;
        }
        try (JsonParser p = JsonCodec.mapper().getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            String id = null;
            String key = null;
            VariableType type = null;
            Object scalar = null;
            String raw = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "_id": id = p.getText(); break;
                    case "key": key = p.getText(); break;
                    case "type": type = VariableType.parse(p.getText()); break;
                    case "value":
                        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                            int start = (int) p.currentTokenLocation().getCharOffset();
                            p.skipChildren();
                            raw = json.substring(start, (int) p.currentLocation().getCharOffset());
                        } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                            scalar = p.getBooleanValue();
                        } else if (t.isNumeric()) {
                            scalar = p.getDoubleValue();
                        } else if (t == JsonToken.VALUE_STRING) {
                            scalar = p.getText();
                        }
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (id == null || key == null || type == null) {
                throw new IOException("missing _id, key or type");
            }
            Object value = type == VariableType.JSON ? raw : scalar;
            if (value == null) {
                throw new IOException("no value of type " + type);
            }
            // A value that does not fit the declared type (the core does not check) is rejected here.
            return new Variable(id, key, type, value);
        } catch (IOException | IllegalArgumentException e) {
            throw new EvaluationException("cannot read the variable the core wrote: " + json, e);
        }
    }
}

package flagparity.bench.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import java.io.IOException;

/**
 * One {@code eval} request line, {@code {"user":{...},"key":"...","type":"..."}}, with the user kept
 * as the exact text of its object in the line: the core reads a user's spellings (a custom-data
 * {@code -0} is a float to it, {@code 0} an integer), so no door may parse and write the user again.
 */
record EvalRequest(String userJson, String key, VariableType type) {

    /** Thrown with the message an {@code {"error":...}} line carries. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /** Reads a request line; a repeated member counts with its last value, as Jackson's tree keeps it. */
    static EvalRequest parse(String line) throws Invalid {
        String user = null;
        String key = null;
        String type = null;
        try (JsonParser p = JsonCodec.mapper().getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Invalid("request is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "user" -> user = t == JsonToken.START_OBJECT ? objectText(p, line) : skip(p);
                    case "key" -> key = t == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                    case "type" -> type = t == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage();
            throw new Invalid("request is not valid JSON: " + message);
        }
        if (user == null) throw new Invalid("request has no \"user\" object");
        if (key == null) throw new Invalid("request has no \"key\" string");
        if (type == null) throw new Invalid("request has no \"type\" string");
        try {
            return new EvalRequest(user, key, VariableType.parse(type));
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
    }

    /** The source text of the object the parser is at, from its '{' to its '}'. */
    private static String objectText(JsonParser p, String line) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        return line.substring(start, (int) p.currentLocation().getCharOffset());
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }
}

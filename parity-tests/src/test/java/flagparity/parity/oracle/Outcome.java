package flagparity.parity.oracle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Variable;
import flagparity.reference.api.JsonCodec;
import java.util.function.Supplier;

/**
 * What one evaluation gave: a JSON value (variable or bucketed config), nothing ({@code null}), or
 * an error. Errors compare by kind only: the core's abort messages are not part of its contract.
 */
public final class Outcome {
    public enum Kind { VALUE, NULL, ERROR }

    /**
     * Reads what the core writes: it leaves control characters in strings unescaped and can write
     * {@code Infinity}; numbers stay exact so {@code 7} and {@code 7.0} can be compared as numbers.
     */
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private final Kind kind;
    private final String text;
    private final JsonNode tree;

    private Outcome(Kind kind, String text, JsonNode tree) {
        this.kind = kind;
        this.text = text;
        this.tree = tree;
    }

    public static final Outcome NULL = new Outcome(Kind.NULL, "null", null);

    /** A JSON text; {@code null} text is {@link #NULL}. Text that does not parse is kept and compared as text. */
    public static Outcome json(String json) {
        if (json == null) {
            return NULL;
        }
        JsonNode tree;
        try {
            tree = LENIENT.readTree(json);
        } catch (JsonProcessingException e) {
            tree = null;
        }
        return new Outcome(Kind.VALUE, json, tree);
    }

    public static Outcome variable(Variable v) {
        return v == null ? NULL : json(JsonCodec.writeVariable(v));
    }

    public static Outcome error(String message) {
        return new Outcome(Kind.ERROR, message, null);
    }

    /**
     * Runs {@code call}; an {@link EvaluationException} becomes an error outcome. Any other exception
     * escapes: an evaluator must not fail in any other way.
     */
    public static Outcome of(Supplier<String> call) {
        try {
            return json(call.get());
        } catch (EvaluationException e) {
            return error(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public static Outcome ofVariable(Supplier<Variable> call) {
        try {
            return variable(call.get());
        } catch (EvaluationException e) {
            return error(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * This variable as the {@link Variable} API can carry it: the core serves a variation's value
     * whatever its type, but a Boolean, Number or String variable holding a value of another type
     * is read as false, 0 or "" (what the core's protobuf path sends; see DIVERGENCES.md), and a
     * Number is a double. JSON variables keep any value. Other outcomes are returned unchanged.
     */
    public Outcome asApiVariable() {
        if (kind != Kind.VALUE || tree == null || !tree.isObject() || !tree.has("value") || !tree.has("type")) {
            return this;
        }
        JsonNode value = tree.get("value");
        JsonNode coerced;
        switch (tree.get("type").asText()) {
            case "Boolean": coerced = value.isBoolean() ? value : BooleanNode.FALSE; break;
            case "Number":
                // the API's Number is a double: an integer the core writes exactly (it parses integers as
                // i64) is carried as the nearest double, as the core's protobuf path does (f64(i64))
                coerced = !value.isNumber() ? DoubleNode.valueOf(0.0)
                        : value.isIntegralNumber() && value.bigIntegerValue().bitLength() > 53
                        ? DoubleNode.valueOf(value.bigIntegerValue().doubleValue()) : value;
                break;
            case "String": coerced = value.isTextual() ? value : TextNode.valueOf(""); break;
            default: return this;
        }
        if (coerced == value) {
            return this;
        }
        ObjectNode copy = ((ObjectNode) tree).deepCopy();
        copy.set("value", coerced);
        return new Outcome(Kind.VALUE, copy.toString(), copy);
    }

    /**
     * This variable as the core's protobuf path delivers it: a JSON variable's value travels as the
     * text of a JSON object, and any other value (array, string, number, null) as an empty string
     * ({@code SDKVariable.toProtobuf}; see DIVERGENCES.md).
     */
    public Outcome asProtobufDelivers() {
        if (kind != Kind.VALUE || tree == null || !tree.isObject() || !"JSON".equals(tree.path("type").asText())
                || tree.path("value").isObject()) {
            return this;
        }
        Variable v = JsonCodec.parseVariable(text); // keeps 1.42.8's eval and _feature, which protobuf delivers too
        return variable(new Variable(v.id(), v.key(), flagparity.reference.api.VariableType.JSON, "", v.eval(), v.feature(),
                v.writesEval()));
    }

    public Kind kind() { return kind; }
    /** The JSON text, or the error message. */
    public String text() { return text; }
    /** The parsed JSON, or {@code null} when not a value or not parseable. */
    public JsonNode tree() { return tree; }

    @Override
    public String toString() {
        switch (kind) {
            case NULL: return "null";
            case ERROR: return "{\"error\":" + quote(text) + "}";
            default: return text;
        }
    }

    private static String quote(String s) {
        try {
            return JsonCodec.mapper().writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

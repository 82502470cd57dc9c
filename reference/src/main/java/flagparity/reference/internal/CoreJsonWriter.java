package flagparity.reference.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes values of the {@link CoreJson} model as the core's {@code stringify} does: object keys
 * unescaped, strings escaping only {@code " \ \b \n \r \t \f} and {@code \u000b}, integers as
 * integers and floats as {@link AsNumbers#formatFloat(double)} writes them.
 */
public final class CoreJsonWriter {
    private CoreJsonWriter() {}

    /** The core's JSON text of {@code value}. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    /** Appends the core's JSON text of {@code value}. */
    public static void append(StringBuilder sb, Object value) {
        if (value instanceof String) {
            appendString(sb, (String) value);
        } else if (value instanceof Map) {
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) value).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                appendKey(sb, (String) e.getKey());
                append(sb, e.getValue());
                if (it.hasNext()) sb.append(',');
            }
            sb.append('}');
        } else if (value instanceof List) {
            sb.append('[');
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) sb.append(',');
                append(sb, list.get(i));
            }
            sb.append(']');
        } else if (value instanceof Double) {
            sb.append(AsNumbers.formatFloat((Double) value));
        } else if (value instanceof Long || value instanceof Boolean) {
            sb.append(value);
        } else if (value == CoreJson.NULL || value == null) {
            sb.append("null");
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    /** Appends {@code "key":} with the key unescaped, as the core writes object keys. */
    public static void appendKey(StringBuilder sb, String key) {
        sb.append('"').append(key).append("\":");
    }

    /** Appends a string literal escaped as the core escapes it. */
    public static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\b': sb.append("\\b"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\f': sb.append("\\f"); break;
                case 0x0B: sb.append("\\u000b"); break;
                default: sb.append(c);
            }
        }
        sb.append('"');
    }
}

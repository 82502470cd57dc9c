package flagparity.reference.internal;

import java.util.ArrayDeque;
import java.util.Deque;
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

    /** An object or array being written: its remaining members or elements. */
    private static final class Open {
        final Iterator<?> rest;
        final boolean object;
        boolean first = true;

        Open(Iterator<?> rest, boolean object) {
            this.rest = rest;
            this.object = object;
        }
    }

    /**
     * Appends the core's JSON text of {@code value}. Open containers are kept on the heap, so a value
     * nested as deep as {@link CoreJson} reads does not exhaust the calling thread's stack.
     */
    public static void append(StringBuilder sb, Object value) {
        if (!(value instanceof Map) && !(value instanceof List)) {
            appendScalar(sb, value);
            return;
        }
        Deque<Open> open = new ArrayDeque<>();
        Object next = value;
        for (;;) {
            if (next instanceof Map) {
                sb.append('{');
                open.push(new Open(((Map<?, ?>) next).entrySet().iterator(), true));
            } else if (next instanceof List) {
                sb.append('[');
                open.push(new Open(((List<?>) next).iterator(), false));
            } else {
                appendScalar(sb, next);
            }
            // Close what is finished, then take the next member or element.
            for (;;) {
                if (open.isEmpty()) {
                    return;
                }
                Open top = open.peek();
                if (top.rest.hasNext()) {
                    if (!top.first) sb.append(',');
                    top.first = false;
                    Object item = top.rest.next();
                    if (top.object) {
                        Map.Entry<?, ?> e = (Map.Entry<?, ?>) item;
                        appendKey(sb, (String) e.getKey());
                        next = e.getValue();
                    } else {
                        next = item;
                    }
                    break;
                }
                sb.append(top.object ? '}' : ']');
                open.pop();
            }
        }
    }

    private static void appendScalar(StringBuilder sb, Object value) {
        if (value instanceof String) {
            appendString(sb, (String) value);
        } else if (value instanceof Double) {
            sb.append(AsFloatFormat.formatFloat((Double) value));
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

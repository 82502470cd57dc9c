package flagparity.reference.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The core's JSON decoder (assemblyscript-json as DevCycle ships it), reproduced so that every input
 * the core accepts is accepted here with the same values, and every input it aborts on fails here.
 *
 * <p>Values: {@link Map} (insertion order; a repeated key keeps its first position and takes the
 * last value), {@link List}, {@link String}, {@link Boolean}, {@link Long} (the core's JSON integer),
 * {@link Double} (its JSON float) and {@link #NULL}. Its leniencies are kept: input after the first
 * value is ignored, a value that does not parse is skipped ({@code {"a":}} is {@code {}},
 * {@code [1,,2]} is {@code [1,2]}), a number is any run of digits, {@code . + - e E} with at least
 * one digit, and is a float iff it holds one of {@code . + - e E} after its sign (or is {@code -0}).
 * Integers are accumulated in a double and truncated to 64 bits with saturation. Strings may not
 * hold control characters; {@code \f} is not a known escape.
 *
 * <p>The core's parser recurses, so its shadow stack bounds the nesting: a value deeper than
 * {@link CoreStack#PARSE_DEPTH} levels is rejected here as the core aborts on it. This parser keeps
 * its open containers on the heap, so no input can exhaust the calling thread's stack.
 */
public final class CoreJson {

    /** JSON {@code null} (distinct from an absent key). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** The input is not JSON the core can read; the message is the core's. */
    public static final class ParseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message);
        }
    }

    /** An object or array whose closing bracket has not been read yet. */
    private static final class Open {
        final Map<String, Object> object;
        final List<Object> array;
        /** The key of the member being parsed (objects only). */
        String key;
        boolean first = true;

        Open(boolean isObject) {
            this.object = isObject ? new LinkedHashMap<>() : null;
            this.array = isObject ? null : new ArrayList<>();
        }

        void add(Object value) {
            if (object != null) {
                object.put(key, value);
            } else {
                array.add(value);
            }
        }

        Object value() {
            return object != null ? object : array;
        }
    }

    private final String in;
    private final int maxDepth;
    private int pos;

    private CoreJson(String in, int maxDepth) {
        this.in = in;
        this.maxDepth = maxDepth;
    }

    /** Parses {@code json} as the core does when a config or a user is set ({@link CoreStack#PARSE_DEPTH}). */
    public static Object parse(String json) {
        return parse(json, CoreStack.PARSE_DEPTH);
    }

    /**
     * Parses {@code json} as the core does from an entry point whose stack lets a value start at
     * level {@code maxDepth} at most (the root value is level 1; a member of an object, one level
     * less).
     */
    public static Object parse(String json, int maxDepth) {
        return new CoreJson(json, maxDepth).parseDocument();
    }

    private int peek() {
        return pos < in.length() ? in.charAt(pos) : -1;
    }

    private int read() {
        if (pos >= in.length()) {
            throw new ParseException("Unexpected input end");
        }
        return in.charAt(pos++);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new ParseException(message);
        }
    }

    /**
     * The core's recursive descent ({@code parseValue} -> {@code parseObject}/{@code parseArray} ->
     * {@code parseValue}) with the open containers on a heap stack: the same reads in the same order,
     * so the same values and errors, whatever the thread's stack. A value that does not parse is
     * skipped inside a container and is an error at the root.
     */
    private Object parseDocument() {
        Deque<Open> open = new ArrayDeque<>();
        Object[] primitive = new Object[1];
        boolean member = false;
        for (;;) {
            // parseValue at level open.size() + 1
            skipWhitespace();
            checkDepth(open.size() + 1, member);
            int c = peek();
            if (c == '{' || c == '[') {
                read();
                skipWhitespace();
                open.push(new Open(c == '{'));
            } else {
                boolean ok = parseString(primitive) || parseBoolean(primitive) || parseNumber(primitive)
                        || parseNull(primitive);
                skipWhitespace();
                if (open.isEmpty()) {
                    check(ok, "Cannot parse JSON");
                    return primitive[0];
                }
                if (ok) {
                    open.peek().add(primitive[0]);
                }
            }
            // Close every container that ends here, then start the next member or element.
            for (;;) {
                Open top = open.peek();
                boolean isObject = top.object != null;
                if (peek() != (isObject ? '}' : ']')) {
                    if (!top.first) {
                        check(read() == ',', "Expected ','");
                    } else {
                        top.first = false;
                    }
                    if (isObject) {
                        skipWhitespace();
                        top.key = readString();
                        skipWhitespace();
                        check(read() == ':', "Expected ':'");
                    }
                    member = isObject;
                    break;
                }
                check(read() == (isObject ? '}' : ']'), isObject ? "Unexpected end of object" : "Unexpected end of array");
                open.pop();
                skipWhitespace();
                if (open.isEmpty()) {
                    return top.value();
                }
                open.peek().add(top.value());
            }
        }
    }

    /** The core makes the call whether or not a value follows, so the depth counts either way. */
    private void checkDepth(int level, boolean member) {
        int limit = member ? maxDepth - 1 : maxDepth;
        if (level > limit) {
            throw new ParseException("Nested deeper than " + limit + " levels at offset " + pos
                    + " (the core's stack overflows)");
        }
    }

    private boolean parseString(Object[] out) {
        if (peek() != '"') return false;
        out[0] = readString();
        return true;
    }

    private String readString() {
        check(read() == '"', "Expected double-quoted string");
        int start = pos;
        StringBuilder sb = null;
        for (;;) {
            int c = read();
            check(c >= 0x20, "Unexpected control character");
            if (c == '"') {
                if (sb == null) {
                    return in.substring(start, pos - 1);
                }
                return sb.append(in, start, pos - 1).toString();
            } else if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(in, start, pos - 1);
                sb.append(readEscapedChar());
                start = pos;
            }
        }
    }

    private char readEscapedChar() {
        int c = read();
        switch (c) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u': {
                int code = readHexDigit() * 0x1000;
                code += readHexDigit() * 0x100;
                code += readHexDigit() * 0x10;
                code += readHexDigit();
                return (char) code;
            }
            default:
                throw new ParseException("Unexpected escaped character: " + (char) c);
        }
    }

    private int readHexDigit() {
        int c = read();
        int digit = c - '0';
        if (digit > 9) {
            digit = c - 'A' + 10;
            if (digit < 10 || digit > 15) {
                digit = c - 'a' + 10;
            }
        }
        check(digit >= 0 && digit < 16, "Unexpected \\u digit");
        return digit;
    }

    private static boolean isNumberChar(int c) {
        return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
    }

    private boolean parseNumber(Object[] out) {
        int start = pos;
        double number = 0;
        double sign = 1;
        boolean isFloat = false;
        if (peek() == '-') {
            sign = -1;
            read();
        }
        int digits = 0;
        while (isNumberChar(peek())) {
            int c = read();
            if (c == 'e' || c == 'E' || c == '.' || c == '+' || c == '-') {
                isFloat = true;
            } else {
                if (!isFloat) {
                    number *= 10;
                    number += c - '0';
                }
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (isFloat || (pos - start == 2 && in.charAt(start) == '-' && in.charAt(start + 1) == '0')) {
            out[0] = AsNumbers.parseFloat(in, start, pos);
        } else {
            out[0] = (long) (number * sign);
        }
        return true;
    }

    private boolean parseBoolean(Object[] out) {
        if (peek() == 'f') {
            readAndAssert("false");
            out[0] = Boolean.FALSE;
            return true;
        }
        if (peek() == 't') {
            readAndAssert("true");
            out[0] = Boolean.TRUE;
            return true;
        }
        return false;
    }

    private boolean parseNull(Object[] out) {
        if (peek() == 'n') {
            readAndAssert("null");
            out[0] = NULL;
            return true;
        }
        return false;
    }

    private void readAndAssert(String word) {
        for (int i = 0; i < word.length(); i++) {
            check(word.charAt(i) == read(), "Expected '" + word + "'");
        }
    }

    private void skipWhitespace() {
        for (int c = peek(); c == 0x9 || c == 0xA || c == 0xD || c == 0x20; c = peek()) {
            pos++;
        }
    }
}

package flagparity.reference.internal;

import java.util.ArrayList;
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

    private final String in;
    private int pos;

    private CoreJson(String in) {
        this.in = in;
    }

    /** Parses {@code json} as the core does. */
    public static Object parse(String json) {
        CoreJson p = new CoreJson(json);
        Object[] out = new Object[1];
        if (!p.parseValue(out)) {
            throw new ParseException("Cannot parse JSON");
        }
        return out[0];
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

    /** Parses one value into {@code out[0]}; false (and nothing stored) when no value starts here. */
    private boolean parseValue(Object[] out) {
        skipWhitespace();
        boolean ok = parseObject(out) || parseArray(out) || parseString(out) || parseBoolean(out)
                || parseNumber(out) || parseNull(out);
        skipWhitespace();
        return ok;
    }

    private boolean parseObject(Object[] out) {
        if (peek() != '{') return false;
        read();
        skipWhitespace();
        Map<String, Object> obj = new LinkedHashMap<>();
        Object[] value = new Object[1];
        boolean first = true;
        while (peek() != '}') {
            if (!first) {
                check(read() == ',', "Expected ','");
            } else {
                first = false;
            }
            skipWhitespace();
            String key = readString();
            skipWhitespace();
            check(read() == ':', "Expected ':'");
            if (parseValue(value)) {
                obj.put(key, value[0]);
            }
        }
        check(read() == '}', "Unexpected end of object");
        out[0] = obj;
        return true;
    }

    private boolean parseArray(Object[] out) {
        if (peek() != '[') return false;
        read();
        skipWhitespace();
        List<Object> arr = new ArrayList<>();
        Object[] value = new Object[1];
        boolean first = true;
        while (peek() != ']') {
            if (!first) {
                check(read() == ',', "Expected ','");
            } else {
                first = false;
            }
            if (parseValue(value)) {
                arr.add(value[0]);
            }
        }
        check(read() == ']', "Unexpected end of array");
        out[0] = arr;
        return true;
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

package flagparity.reference.internal;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Writes the JSON the core reads as input (users, platform data) so that the core's decoder gets
 * back exactly the values written: its escapes, its float parsing and its lone surrogates.
 */
public final class CoreInputJson {
    private CoreInputJson() {}

    /** A custom-data value: string, integer, float or boolean, as {@link #appendString} and {@link #floatLiteral} write them. */
    public static void appendValue(StringBuilder sb, Object v) {
        if (v == null) sb.append("null");
        else if (v instanceof String) appendString(sb, (String) v);
        else if (v instanceof Double) sb.append(floatLiteral((Double) v));
        else sb.append(v);
    }

    /**
     * A JSON string the core's decoder reads back exactly: quote, backslash and control characters
     * escaped ({@code \f} as {@code \\u000c}: the core knows no {@code \f}); lone surrogates as
     * {@code \\u} escapes so that a UTF-8 transport keeps them.
     */
    public static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || (Character.isSurrogate(c) && !pairedSurrogate(s, i))) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    /** Whether the surrogate at {@code i} is half of a pair (a lone one is escaped; a pair is one code point). */
    public static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /**
     * A float literal the core reads as a float equal to {@code d}. Some doubles between about 1e41
     * and 1e54 have none (the core's parseFloat drops powers of ten for long significands there);
     * for them a 15-digit literal is written, which the core reads as a nearby double.
     */
    public static String floatLiteral(double d) {
        if (Double.isNaN(d)) return "--1";
        if (Double.isInfinite(d)) return d > 0 ? "1e999" : "-1e999";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        String text = AsFloatFormat.formatFloat(d);
        if (AsNumbers.parseFloat(text) == d) return text;
        String exact = new BigDecimal(d).toString();
        if (exact.indexOf('.') < 0 && exact.indexOf('E') < 0) exact += ".0";
        if (AsNumbers.parseFloat(exact) == d) return exact;
        return String.format(Locale.ROOT, "%.14e", d);
    }
}

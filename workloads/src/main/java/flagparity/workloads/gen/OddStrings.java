package flagparity.workloads.gen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Strings that stress every door (issue 13): lone UTF-16 surrogates (no UTF-8 form, so a request
 * line or file can only hold them as escapes), control characters including NUL, the characters JSON
 * must escape, separators and noncharacters, mixed with plain text; odd version strings; and the same
 * strings written in a JSON text with odd but valid escapes ({@code \u0041}, upper-case hex, {@code \/},
 * a surrogate pair as two escapes). The odd profile draws them rarely into config values, filter
 * values, variable keys, user fields, custom data keys and values, and version strings.
 */
public final class OddStrings {
    private OddStrings() {}

    /** One odd character or two (a reversed surrogate pair, a valid pair). */
    static final List<String> ODD = List.of("\u0000", "\u0001", "\b", "\t", "\n", "\u000b", "\f", "\r", "\u001f",
            "\u007f", "\"", "\\", "/", "\u0085", "\u00a0", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff",
            "\ud800", "\udbff", "\udc00", "\udfff", "\udc00\ud800", "\ud83d\ude00");
    static final List<String> PLAIN = List.of("a", "ab", "CA", "1", " ", "é", "a@x.com");

    /** Version-looking text an odd string is put into, and digits of other scripts. */
    static final List<String> VERSION_PARTS = List.of("1", "1.2", "1.2.3", ".", "01", "99999999999999999999",
            "\uff11.\uff12", "\u0663.\u0664", "1.2.3-beta");

    /** An odd string: one to four pieces, at least one odd. */
    public static String string(Choices c) {
        String odd = c.pick(ODD);
        int pieces = c.below(4);
        int at = c.below(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            if (i == at) {
                sb.append(odd);
            }
            sb.append(c.weighted(3, 2) == 0 ? c.pick(ODD) : c.pick(PLAIN));
        }
        return at >= pieces ? sb.append(odd).toString() : sb.toString();
    }

    /** An odd version string: a version with an odd piece before, inside or after it. */
    public static String version(Choices c) {
        String a = c.pick(VERSION_PARTS);
        String odd = c.pick(ODD);
        String b = c.pick(VERSION_PARTS);
        switch (c.below(3)) {
            case 0: return odd + a;
            case 1: return a + odd + b;
            default: return a + odd;
        }
    }

    /**
     * A string value as a JSON text node; with {@code escapes} (where the JSON text itself reaches the
     * door, as with raw number spellings), now and then as the same string written with odd escapes.
     */
    public static JsonNode value(Choices c, String s, boolean escapes) {
        return escapes && c.oneIn(7) ? Json.raw(escaped(s, c.below(Integer.MAX_VALUE))) : Json.text(s);
    }

    /**
     * {@code s} as a JSON string literal meaning exactly {@code s}, each character written by
     * {@code seed}'s choice: as itself where JSON allows it (and UTF-8 can carry it), as
     * {@code \}{@code uXXXX} in lower or upper case, or as its short escape ({@code \/} for a slash; none
     * for a form feed: the core's JSON reader rejects {@code \f}).
     */
    static String escaped(String s, int seed) {
        StringBuilder sb = new StringBuilder("\"");
        int h = seed;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            h = h * 31 + 17;
            int choice = Math.floorMod(h >>> 7, 4);
            String shortEscape = shortEscape(ch);
            boolean rawAllowed = ch >= 0x20 && ch != '"' && ch != '\\' && !Character.isSurrogate(ch);
            if (choice == 0 && rawAllowed) {
                sb.append(ch);
            } else if (choice == 3 && shortEscape != null) {
                sb.append(shortEscape);
            } else {
                sb.append(String.format(choice == 2 ? "\\u%04X" : "\\u%04x", (int) ch));
            }
        }
        return sb.append('"').toString();
    }

    private static String shortEscape(char c) {
        switch (c) {
            case '"': return "\\\"";
            case '\\': return "\\\\";
            case '/': return "\\/";
            case '\b': return "\\b";
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            default: return null;
        }
    }
}

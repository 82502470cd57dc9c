package flagparity.workloads.gen;

/** Text for humans and files: what a terminal or a UTF-8 file would mangle is written as a JSON escape. */
public final class Texts {
    private Texts() {}

    /**
     * {@code s} with control characters (but line feeds) and unpaired surrogates written as
     * {@code \}{@code uXXXX}. In a JSON text they only occur inside strings, where the escape means the
     * same character, so the text stays equivalent; and it is what a UTF-8 file or request line
     * holds, since an unpaired surrogate has no UTF-8 form. A form feed written as the short escape
     * {@code \f} (as Jackson writes it) becomes {@code \u000c}: the core's JSON reader knows no
     * {@code \f} and rejects the text (the reference's {@code CoreJson} too), so a generated text
     * meant to be read says it the way the core reads.
     */
    public static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                // an escape: copied as it is, but for \f
                boolean formFeed = s.charAt(i + 1) == 'f';
                if (formFeed && sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                if (sb != null) {
                    sb.append(formFeed ? "\\u000c" : s.substring(i, i + 2));
                }
                i++;
                continue;
            }
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            boolean escape = c < 0x20 && c != '\n' || c == 0x7f || Character.isSurrogate(c) && !paired;
            if (escape && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (escape) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}

package flagparity.reference.eval;

/**
 * The core's version comparison ({@code checkVersionFilter}, {@code versionCompare}).
 *
 * <p>For comparators other than {@code =} and {@code !=} the core "cleans" the user's version and
 * then each filter version with two global regexes, {@code /[^(\d|.|\-)]/g} and {@code /-.*}{@code /g},
 * through a helper that removes only the first occurrence of the first match; the regexes keep their
 * {@code lastIndex} from one string to the next. So {@code 1.2.3ab} becomes {@code 1.2.3b} (invalid),
 * and whether a filter version is cleaned depends on the strings before it. That is reproduced
 * here. When no string holds a character the regexes touch (the usual case) nothing changes and the
 * comparison allocates nothing.
 *
 * <p>Then the user's version gets at least three parts and empty parts become 0; both are split on
 * {@code .}, each part must be ASCII digits, and parts are compared as numbers with zero extension.
 */
final class Versions {
    private static final int NAN = 2;

    private Versions() {}

    /** Whether {@code s} holds only characters neither regex changes: digits, '(', ')', '|', '.'. */
    static boolean untouched(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '(' && c != ')' && c != '|' && c != '.') return false;
        }
        return true;
    }

    /** The core's {@code checkVersionFilter(version, filterVersions, comparator)}. */
    static boolean check(String version, String[] filterVersions, boolean filtersUntouched, Comparator comparator) {
        if (version == null || version.isEmpty()) return false;
        boolean not = comparator == Comparator.NEQ;
        boolean passed = false;
        if (not || (filtersUntouched && untouched(version))) {
            for (String f : filterVersions) {
                if (checkValue(f, version, comparator)) {
                    passed = true;
                    break;
                }
            }
        } else {
            Cleaner cleaner = new Cleaner();
            String v = cleaner.clean(version);
            for (String f : filterVersions) {
                // Every filter version is cleaned before any is compared: the regex state carries over.
                String cleaned = cleaner.clean(f);
                if (!passed && checkValue(cleaned, v, comparator)) {
                    passed = true;
                }
            }
        }
        return not != passed;
    }

    private static boolean checkValue(String filterVersion, String version, Comparator comparator) {
        if (filterVersion.isEmpty()) return false;
        int r = compare(version, filterVersion);
        return r == 0 && comparator.spells('=') || r == 1 && comparator.spells('>') || r == -1 && comparator.spells('<');
    }

    /**
     * {@code versionCompare(convertToSemanticVersion(v), f)} with zero extension: -1, 0, 1, or
     * {@link #NAN} when a part is not all digits (an empty part of {@code v} counts as 0).
     */
    static int compare(String v, String f) {
        if (!digitParts(v, true) || !digitParts(f, false)) return NAN;
        int i = 0;
        int j = 0;
        boolean vEnd = false;
        boolean fEnd = false;
        while (!vEnd || !fEnd) {
            double a = 0;
            if (!vEnd) {
                int k = i;
                for (; k < v.length() && v.charAt(k) != '.'; k++) a = a * 10 + (v.charAt(k) - '0');
                if (k >= v.length()) vEnd = true;
                i = k + 1;
            }
            double b = 0;
            if (!fEnd) {
                int k = j;
                for (; k < f.length() && f.charAt(k) != '.'; k++) b = b * 10 + (f.charAt(k) - '0');
                if (k >= f.length()) fEnd = true;
                j = k + 1;
            }
            if (a != b) return a > b ? 1 : -1;
        }
        return 0;
    }

    private static boolean digitParts(String s, boolean emptyPartIsZero) {
        int partLength = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '.') {
                if (partLength == 0 && !emptyPartIsZero) return false;
                partLength = 0;
            } else {
                char c = s.charAt(i);
                if (c < '0' || c > '9') return false;
                partLength++;
            }
        }
        return true;
    }

    /** The two global regexes of one {@code checkVersionFilter} call, with their lastIndex. */
    private static final class Cleaner {
        private int lastIndex1;
        private int lastIndex2;

        String clean(String s) {
            return removeDashTail(removeOneOther(s));
        }

        /** {@code replace(s, /[^(\d|.|\-)]/g, '')}: the first match from lastIndex, removed where it first occurs. */
        private String removeOneOther(String s) {
            if (s.isEmpty()) return s;
            for (int i = lastIndex1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(c >= '0' && c <= '9') && c != '(' && c != ')' && c != '|' && c != '.' && c != '-') {
                    lastIndex1 = i + 1;
                    int at = s.indexOf(c);
                    return s.substring(0, at) + s.substring(at + 1);
                }
            }
            lastIndex1 = 0;
            return s;
        }

        /** {@code replace(s, /-.}{@code * /g, '')}: '-' and what follows up to a line break. */
        private String removeDashTail(String s) {
            if (s.isEmpty()) return s;
            for (int i = lastIndex2; i < s.length(); i++) {
                if (s.charAt(i) == '-') {
                    int end = i + 1;
                    while (end < s.length() && !isLineBreak(s.charAt(end))) end++;
                    lastIndex2 = end;
                    String match = s.substring(i, end);
                    int at = s.indexOf(match);
                    return s.substring(0, at) + s.substring(at + match.length());
                }
            }
            lastIndex2 = 0;
            return s;
        }

        private static boolean isLineBreak(char c) {
            return c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029';
        }
    }
}

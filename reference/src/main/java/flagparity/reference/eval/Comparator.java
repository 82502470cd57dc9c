package flagparity.reference.eval;

/** A filter comparator the core knows, with the core's string, number and boolean checks. */
public enum Comparator {
    EQ("="), NEQ("!="), GT(">"), GTE(">="), LT("<"), LTE("<="), EXIST("exist"), NOT_EXIST("!exist"),
    CONTAIN("contain"), NOT_CONTAIN("!contain"), STARTS_WITH("startWith"), NOT_STARTS_WITH("!startWith"),
    ENDS_WITH("endWith"), NOT_ENDS_WITH("!endWith");

    private final String text;

    Comparator(String text) {
        this.text = text;
    }

    /** The comparator as the config spells it. */
    public String text() {
        return text;
    }

    /** The comparator spelled {@code text}, or null when the core does not know it. */
    public static Comparator parse(String text) {
        for (Comparator c : values()) {
            if (c.text.equals(text)) return c;
        }
        return null;
    }

    /** Whether the spelling holds {@code ch}: the version check asks whether it holds '=', '>' or '<'. */
    boolean spells(char ch) {
        return text.indexOf(ch) >= 0;
    }

    /**
     * The core's string check. A null string is an absent value. {@code contain} needs a non-empty
     * string (the core returns the matched string, and "" is falsy); the ordering comparators are
     * always true (the core only asks whether the value is of type string).
     */
    public boolean checkString(String s, String[] values) {
        switch (this) {
            case EQ: return s != null && includes(values, s);
            case NEQ: return s != null && !includes(values, s);
            case EXIST: return s != null && !s.isEmpty();
            case NOT_EXIST: return s == null || s.isEmpty();
            case CONTAIN: return s != null && containsAny(s, values);
            case NOT_CONTAIN: return s == null || !containsAny(s, values);
            case STARTS_WITH: return s != null && startsWithAny(s, values);
            case NOT_STARTS_WITH: return s == null || !startsWithAny(s, values);
            case ENDS_WITH: return s != null && endsWithAny(s, values);
            case NOT_ENDS_WITH: return s == null || !endsWithAny(s, values);
            default: return true;
        }
    }

    /** The core's number check; NaN filter values were dropped when compiling. */
    public boolean checkNumber(double n, double[] values) {
        if (this == EXIST) return !Double.isNaN(n);
        if (this == NOT_EXIST) return Double.isNaN(n);
        if (Double.isNaN(n)) return false;
        if (this == NEQ) {
            for (double v : values) {
                if (n == v) return false;
            }
            return true;
        }
        for (double v : values) {
            boolean hit;
            switch (this) {
                case EQ: hit = n == v; break;
                case GT: hit = n > v; break;
                case GTE: hit = n >= v; break;
                case LT: hit = n < v; break;
                case LTE: hit = n <= v; break;
                default: continue;
            }
            if (hit) return true;
        }
        return false;
    }

    /** The core's boolean check: {@code =} behaves like contain. */
    public boolean checkBoolean(boolean b, boolean[] values) {
        switch (this) {
            case CONTAIN: case EQ: return includes(values, b);
            case NOT_CONTAIN: case NEQ: return !includes(values, b);
            case EXIST: return true;
            default: return false;
        }
    }

    private static boolean includes(String[] values, String s) {
        for (String v : values) {
            if (v.equals(s)) return true;
        }
        return false;
    }

    private static boolean includes(boolean[] values, boolean b) {
        for (boolean v : values) {
            if (v == b) return true;
        }
        return false;
    }

    private static boolean containsAny(String s, String[] values) {
        if (s.isEmpty()) return false;
        for (String v : values) {
            if (s.contains(v)) return true;
        }
        return false;
    }

    private static boolean startsWithAny(String s, String[] values) {
        for (String v : values) {
            if (!v.isEmpty() && s.startsWith(v)) return true;
        }
        return false;
    }

    private static boolean endsWithAny(String s, String[] values) {
        for (String v : values) {
            if (!v.isEmpty() && s.endsWith(v)) return true;
        }
        return false;
    }
}

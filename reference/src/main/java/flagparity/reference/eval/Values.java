package flagparity.reference.eval;

import java.util.StringJoiner;

/** Renders a filter's values for explain. */
final class Values {
    private Values() {}

    static String describe(String[] values) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (String v : values) j.add("\"" + v + "\"");
        return j.toString();
    }

    static String describe(double[] values) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (double v : values) j.add(flagparity.reference.internal.AsNumbers.formatFloat(v));
        return j.toString();
    }

    static String describe(boolean[] values) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (boolean v : values) j.add(Boolean.toString(v));
        return j.toString();
    }
}

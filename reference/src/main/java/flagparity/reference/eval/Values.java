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
}

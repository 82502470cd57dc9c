package flagparity.workloads.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * Number spellings a JSON request may hold and Jackson never writes. The core reads the spelling (a
 * custom-data {@code -0} is a float to it, stringified {@code 0.0} as a bucketing key; {@code 0} an
 * integer), so they only make sense where the request's own text reaches the evaluator.
 */
public final class NumberSpellings {
    private NumberSpellings() {}

    /** Spellings in users' custom data. */
    static final List<String> USER = List.of("-0", "1e2", "1E+2", "0.0", "1.50", "-0.0", "7e0",
            "12345678901234567890", "1e400", "0.1e1", "9007199254740993", "123456789012345678", "-9223372036854775808");
    /** The spellings issue 13 lists, beside the older ones. */
    static final List<String> ISSUE_13 = List.of("-0", "-0.0", "0e0", "-0e0", "0.0", "5.0", "1e3", "1E2", "1e21",
            "1e+21", "5e-324", "1.7976931348623157e308", "9007199254740993", "123456789012345678901234567890",
            "100e-2", "12.50");
    /** In variable values: spellings Jackson never writes, and integers the core reads through a double (2^53 and beyond). */
    static final List<String> VALUES = List.of("1e2", "-0", "12345678901234567890", "1.50", "0.1e1",
            "9007199254740993", "123456789012345678", "9223372036854775807", "-9223372036854775808", "18014398509481985");
    /** Both lists of user spellings, without repeats. */
    public static final List<String> ALL;

    static {
        List<String> all = new ArrayList<>(USER);
        ISSUE_13.stream().filter(s -> !all.contains(s)).forEach(all::add);
        ALL = List.copyOf(all);
    }

    /** One spelling from both user lists. */
    public static String spelling(Choices c) {
        return c.pick(ALL);
    }
}

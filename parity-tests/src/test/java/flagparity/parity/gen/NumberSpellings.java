package flagparity.parity.gen;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Number spellings a JSON request may hold and Jackson never writes. The core reads the spelling (a
 * custom-data {@code -0} is a float to it, stringified {@code 0.0} as a bucketing key; {@code 0} an
 * integer), so they only make sense where the request's own text reaches the evaluator.
 */
public final class NumberSpellings {
    /** The spellings issue 13 lists, beside the generators' older ones. */
    static final List<String> ISSUE_13 = List.of("-0", "-0.0", "0e0", "-0e0", "0.0", "5.0", "1e3", "1E2", "1e21",
            "1e+21", "5e-324", "1.7976931348623157e308", "9007199254740993", "123456789012345678901234567890",
            "100e-2", "12.50");

    private NumberSpellings() {}

    /** One spelling, from both lists. */
    public static Arbitrary<String> spellings() {
        List<String> all = new ArrayList<>(UserArbitraries.RAW_NUMBERS);
        ISSUE_13.stream().filter(s -> !all.contains(s)).forEach(all::add);
        return Arbitraries.of(all);
    }
}

package flagparity.reference.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * appVersion filters. Expected values: core 1.32.0 via node, export checkVersionFiltersFromJSON(appVersion,
 * {"type":"user","subType":"appVersion","comparator":..,"values":..}) on one instance.
 */
class VersionFilterTest {
    private static final Environment ENV = new Environment(
            new PlatformData("Java", "17.0.2", "server", "2.6.0", null, "h"), Map.of(), Clock.systemUTC());

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("1.2.3a", ">", new String[] {"1.2.2"}, true),
                Arguments.of("1.2.3a", ">=", new String[] {"1.2.3b"}, false),
                Arguments.of("1.2.3ab", ">", new String[] {"1.2.2"}, false),
                Arguments.of("1.2.3a", ">", new String[] {"1.2.2b"}, false),
                Arguments.of("1.2.3-beta", ">=", new String[] {"1.2.3"}, true),
                Arguments.of("1.2.3", ">=", new String[] {"1.2.3-rc"}, true),
                Arguments.of("1.2", "=", new String[] {"1.2"}, true),
                Arguments.of("1.2", "=", new String[] {"1.2.0"}, false),
                Arguments.of("1.2", "!=", new String[] {"1.2.0"}, false),
                Arguments.of("1.2", ">=", new String[] {"1.2.0"}, true),
                Arguments.of("v1.2", ">", new String[] {"1.1"}, true),
                Arguments.of("1.x.2", ">", new String[] {"1.0"}, true),
                Arguments.of("(1).2", ">", new String[] {"1.0"}, false),
                Arguments.of("1..2", ">", new String[] {"1.0"}, true),
                Arguments.of("1.2.", ">", new String[] {"1.1"}, true),
                Arguments.of("", "!=", new String[] {"1"}, false),
                Arguments.of(null, "!=", new String[] {"1"}, false),
                Arguments.of(null, "<", new String[] {"1"}, false),
                Arguments.of("1.2.3", "exist", new String[] {"1"}, false),
                Arguments.of("1.2.3", ">", new String[] {""}, false),
                Arguments.of("1.2.3", "<", new String[] {"2", "a"}, true),
                Arguments.of("1.2.3", ">", new String[] {"1.2.3.4"}, false),
                Arguments.of("1.2.3.4", ">", new String[] {"1.2.3"}, true),
                Arguments.of("10", ">", new String[] {"9"}, true),
                Arguments.of("01.2", "=", new String[] {"1.2"}, false),
                Arguments.of("01.2", ">=", new String[] {"1.2"}, true),
                Arguments.of("1.2.3a", ">", new String[] {"a1.2.2", "1.2.2"}, true),
                Arguments.of("a-b", ">", new String[] {"0"}, false),
                Arguments.of("1.2.3 ", ">", new String[] {"1.2.2"}, true),
                Arguments.of("1.2.3\n-x", ">", new String[] {"1.2.2"}, true),
                Arguments.of("\u00e91.2", ">", new String[] {"1.1"}, true),
                Arguments.of("99999999999999999999", ">", new String[] {"99999999999999999998"}, false),
                Arguments.of("1.2", "<", new String[] {"1.10"}, true),
                Arguments.of("1.2.3-4.5.6", ">", new String[] {"1.2.3"}, false),
                Arguments.of("1.2.3-4.5.6", "=", new String[] {"1.2.3-4.5.6"}, true),
                Arguments.of("1.2.3", ">", new String[] {"x1.2", "y1.2"}, true),
                Arguments.of("ab1.2", ">", new String[] {"1.1", "x1.0"}, false),
                Arguments.of("1.2", ">", new String[] {"1.1-a-b"}, true),
                Arguments.of("1.2-", ">=", new String[] {"1.2"}, true),
                Arguments.of("1.2\r-x", ">", new String[] {"1.1"}, true),
                Arguments.of("1.2.3", "!=", new String[] {"1.2.3.0", "9"}, false),
                Arguments.of("2", "!=", new String[] {"1.0"}, true),
                Arguments.of("1.0.0", "<=", new String[] {"1"}, true),
                Arguments.of("0.0.1", ">", new String[] {""}, false),
                Arguments.of("", ">", new String[] {"0"}, false));
    }

    @ParameterizedTest(name = "{0} {1} {2} is {3}")
    @MethodSource("cases")
    void comparesAsTheCore(String appVersion, String comparator, String[] values, boolean expected) {
        User user = User.builder("u1").appVersion(appVersion).build();
        VersionFilter filter = new VersionFilter(UserField.APP_VERSION, Comparator.parse(comparator), values);
        assertEquals(expected, filter.matches(user, ENV, 0, null), appVersion + " " + comparator + " " + Arrays.toString(values));
    }
}

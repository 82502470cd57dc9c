package flagparity.reference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The core's parseFloat and f64 formatting. Expected text: core 1.32.0 via node, a Number variable
 * whose value is the literal in the config, served by variableForUser (the core parses the literal
 * with its parseFloat and writes it with its f64 toString; the decoder sends a literal to parseFloat
 * when it holds . e E + or - after its sign).
 */
class AsNumbersTest {

    @ParameterizedTest(name = "{0} is served as {1}")
    @CsvSource(delimiter = '|', value = {
        "-0|0.0",
        "0.0|0.0",
        "-0.0|0.0",
        "1.0|1.0",
        "0.1|0.1",
        "1e21|1e+21",
        "1e20|100000000000000000000.0",
        "1e-7|1e-7",
        "1.5e-7|1.5e-7",
        "0.000001|0.000001",
        "1e300|1e+300",
        "1e999|Infinity",
        "-1e999|-Infinity",
        "1.7976931348623157e308|1.7976931348623157e+308",
        "5e-324|5e-324",
        "-5e-324|-5e-324",
        "2.5|2.5",
        "100.5|100.5",
        "1e+2|100.0",
        "1E2|100.0",
        "1.2.3|1.2",
        "1-2|1.0",
        "+1|1.0",
        "--1|NaN",
        ".5|0.5",
        "5.|5.0",
        "12e|12.0",
        "1e+|1.0",
        "3.14159265358979323846|3.141592653589793",
        "123456.789|123456.789",
        "1234567.0|1234567.0",
        "4.35|4.35",
        "0.1e1|1.0",
        // Grisu2 prints 0.1 + 0.2 as a valid but not the closest short form
        "0.30000000000000004|0.30000000000000007",
        // the core drops 10^8 here (significand over 2^53 with an exponent of 23..37)
        "12345678901234567890e30|1.2345678901234569e+40",
    })
    void parsesAndFormatsAsTheCore(String literal, String served) {
        assertEquals(served, AsFloatFormat.formatFloat(AsNumbers.parseFloat(literal)));
    }

    @Test
    void formatsAndParsesTheSameDouble() {
        double sum = 0.1 + 0.2;
        assertEquals("0.30000000000000007", AsFloatFormat.formatFloat(sum));
        assertEquals(sum, AsNumbers.parseFloat("0.30000000000000007"));
        assertEquals(sum, AsNumbers.parseFloat("0.30000000000000004"));
    }

    @Test
    void formatsIntoABuffer() {
        char[] buf = new char[40];
        int n = AsFloatFormat.formatFloat(-1234.5, buf, 3);
        assertEquals("-1234.5", new String(buf, 3, n));
    }

    @ParameterizedTest(name = "parseInt({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        // core 1.32.0 via node: the minutes of the rollout startDate "2024-01-01T00:<text>" (Date.fromString uses parseInt)
        "2024|2024", "0x10|16", "0b11|3", "0o7|7", "'  12'|12", "-5|-5", "+5|5", "12abc|12", "abc|0", "''|0", "-|0",
    })
    void parsesIntegersAsTheCore(String text, int expected) {
        assertEquals(expected, AsNumbers.parseI32(text));
    }
}

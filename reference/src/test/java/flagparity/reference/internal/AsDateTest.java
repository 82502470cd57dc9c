package flagparity.reference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected values: core 1.32.0 via node, testConfigBodyV2Class of a config whose rollout startDate
 * is the input; the core writes the parsed date back with toISOString.
 */
class AsDateTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
        "2024-01-10T00:00:00.000Z|2024-01-10T00:00:00.000Z",
        "2024-01-10T00:00:00.1Z|2024-01-10T00:00:00.001Z",
        "2024-01-09T23:59:59.999+05:00|2024-01-09T23:59:59.999Z",
        "2024-01-10|2024-01-10T00:00:00.000Z",
        "2024-01-10T05:06|2024-01-10T05:06:00.000Z",
        "garbage|0000-01-01T00:00:00.000Z",
        "-000001-01-01T00:00:00.000Z|0000-01-01T00:00:00.000Z",
        "+010000-01-01T00:00:00.000Z|+010000-01-01T00:00:00.000Z",
        "2024-13-45T25:61:61.1234Z|2025-02-15T02:02:02.234Z",
        "0x10-0b11-0o7|0016-03-07T00:00:00.000Z",
        "2024-01-01T600000:00|2023-12-27T17:37:30.112Z",
        "2024-02-30|2024-03-01T00:00:00.000Z",
        "99-01-01|0099-01-01T00:00:00.000Z",
        "275760-09-13T00:00:00.000Z|+275760-09-13T00:00:00.000Z",
    })
    void readsAsTheCore(String input, String iso) {
        assertEquals(iso, AsDate.toIsoString(AsDate.parse(input)));
    }

    @ParameterizedTest(name = "\"{0}\" is an Invalid Date")
    @ValueSource(strings = {"", "2024-01-10T00", "999999-01-01", "275760-09-13T00:00:00.001Z"})
    void rejectsAsTheCore(String input) {
        assertThrows(AsDate.InvalidDateException.class, () -> AsDate.parse(input));
    }
}

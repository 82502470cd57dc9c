package flagparity.reference.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import flagparity.reference.api.CoreVersion;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Distributions: sorted by variation id descending (UTF-16 order), the first whose running sum
 * exceeds the hash wins. Expected values: core 1.32.0 via node, export
 * decideTargetVariationFromJSON(target, hash) (null: the core aborts, "Failed to decide target variation").
 */
class DistributionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("[{\"_variation\": \"b\", \"percentage\": 0.5}, {\"_variation\": \"a\", \"percentage\": 0.5}]", 0.0, "b"),
                Arguments.of("[{\"_variation\": \"b\", \"percentage\": 0.5}, {\"_variation\": \"a\", \"percentage\": 0.5}]", 0.49, "b"),
                Arguments.of("[{\"_variation\": \"b\", \"percentage\": 0.5}, {\"_variation\": \"a\", \"percentage\": 0.5}]", 0.5, "a"),
                Arguments.of("[{\"_variation\": \"b\", \"percentage\": 0.5}, {\"_variation\": \"a\", \"percentage\": 0.5}]", 0.99, "a"),
                Arguments.of("[{\"_variation\": \"b\", \"percentage\": 0.5}, {\"_variation\": \"a\", \"percentage\": 0.5}]", 1.0, null),
                Arguments.of("[{\"_variation\": \"a\", \"percentage\": 0.25}, {\"_variation\": \"c\", \"percentage\": 0.25}, {\"_variation\": \"b\", \"percentage\": 0.5}]", 0.0, "c"),
                Arguments.of("[{\"_variation\": \"a\", \"percentage\": 0.25}, {\"_variation\": \"c\", \"percentage\": 0.25}, {\"_variation\": \"b\", \"percentage\": 0.5}]", 0.2499, "c"),
                Arguments.of("[{\"_variation\": \"a\", \"percentage\": 0.25}, {\"_variation\": \"c\", \"percentage\": 0.25}, {\"_variation\": \"b\", \"percentage\": 0.5}]", 0.25, "b"),
                Arguments.of("[{\"_variation\": \"a\", \"percentage\": 0.25}, {\"_variation\": \"c\", \"percentage\": 0.25}, {\"_variation\": \"b\", \"percentage\": 0.5}]", 0.5, "b"),
                Arguments.of("[{\"_variation\": \"a\", \"percentage\": 0.25}, {\"_variation\": \"c\", \"percentage\": 0.25}, {\"_variation\": \"b\", \"percentage\": 0.5}]", 0.74, "b"),
                Arguments.of("[{\"_variation\": \"a\", \"percentage\": 0.25}, {\"_variation\": \"c\", \"percentage\": 0.25}, {\"_variation\": \"b\", \"percentage\": 0.5}]", 0.75, "a"),
                Arguments.of("[{\"_variation\": \"a\", \"percentage\": 0.25}, {\"_variation\": \"c\", \"percentage\": 0.25}, {\"_variation\": \"b\", \"percentage\": 0.5}]", 0.9999, "a"),
                Arguments.of("[{\"_variation\": \"x\", \"percentage\": 0.3}]", 0.29, "x"),
                Arguments.of("[{\"_variation\": \"x\", \"percentage\": 0.3}]", 0.3, null),
                Arguments.of("[{\"_variation\": \"B\", \"percentage\": 0.5}, {\"_variation\": \"a\", \"percentage\": 0.5}]", 0.1, "a"),
                Arguments.of("[{\"_variation\": \"B\", \"percentage\": 0.5}, {\"_variation\": \"a\", \"percentage\": 0.5}]", 0.6, "B"),
                Arguments.of("[{\"_variation\": \"ab\", \"percentage\": 0.5}, {\"_variation\": \"a\", \"percentage\": 0.5}]", 0.1, "ab"),
                Arguments.of("[{\"_variation\": \"ab\", \"percentage\": 0.5}, {\"_variation\": \"a\", \"percentage\": 0.5}]", 0.6, "a"),
                Arguments.of("[{\"_variation\": \"a\", \"percentage\": 0.2}, {\"_variation\": \"a\", \"percentage\": 0.8}]", 0.1, "a"),
                Arguments.of("[{\"_variation\": \"a\", \"percentage\": 0.2}, {\"_variation\": \"a\", \"percentage\": 0.8}]", 0.3, "a"),
                Arguments.of("[{\"_variation\": \"a\", \"percentage\": 0.2}, {\"_variation\": \"a\", \"percentage\": 0.8}]", 0.9, "a"),
                Arguments.of("[{\"_variation\": \"\\u00e9\", \"percentage\": 0.5}, {\"_variation\": \"z\", \"percentage\": 0.5}]", 0.1, "\u00e9"),
                Arguments.of("[{\"_variation\": \"\\u00e9\", \"percentage\": 0.5}, {\"_variation\": \"z\", \"percentage\": 0.5}]", 0.6, "z"),
                Arguments.of("[{\"_variation\": \"a\", \"percentage\": -0.5}, {\"_variation\": \"b\", \"percentage\": 1.5}]", 0.1, "b"),
                Arguments.of("[{\"_variation\": \"a\", \"percentage\": -0.5}, {\"_variation\": \"b\", \"percentage\": 1.5}]", 0.5, "b"),
                Arguments.of("[{\"_variation\": \"a\", \"percentage\": -0.5}, {\"_variation\": \"b\", \"percentage\": 1.5}]", 0.99, "b"),
                Arguments.of("[]", 0.5, null),
                Arguments.of("[{\"_variation\": \"a\", \"percentage\": 1}]", -0.1, null));
    }

    @ParameterizedTest(name = "{0} at {1} picks {2}")
    @MethodSource("cases")
    void picksAsTheCore(String distribution, double hash, String expected) {
        String config = "{\"project\":{\"_id\":\"p\",\"key\":\"p\",\"a0_organization\":\"o\",\"settings\":{}},"
                + "\"environment\":{\"_id\":\"e\",\"key\":\"e\"},\"variables\":[],\"features\":[{\"_id\":\"f\",\"key\":\"f\","
                + "\"type\":\"release\",\"variations\":[],\"configuration\":{\"_id\":\"c\",\"targets\":[{\"_id\":\"t\","
                + "\"_audience\":{\"filters\":{\"operator\":\"and\",\"filters\":[]}},\"distribution\":" + distribution + "}]}}]}";
        CompiledTarget.Distribution picked = ConfigParser.parse(config, CoreRules.of(CoreVersion.V1_32_0)).feature(0).target(0).pick(hash);
        assertEquals(expected, picked == null ? null : picked.variationId());
    }
}

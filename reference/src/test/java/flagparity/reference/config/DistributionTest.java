package flagparity.reference.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.eval.Murmur3;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

    /**
     * Lookups pick by the raw murmur3 hash against thresholds made at compile time: the same entry as
     * {@link CompiledTarget#pick(double)} of the bounded hash, for hashes at and around every running
     * sum, at the ends, and spread over the range, on both cores; and a target that skips hashing
     * ({@link CompiledTarget#everyHashIndex()}) is one where every hash picks that entry.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void picksByRawHashAsByBoundedHash(String distribution) {
        for (CoreVersion version : CoreVersion.values()) {
            CompiledTarget target = ConfigParser.parse(config(distribution), CoreRules.of(version)).feature(0).target(0);
            List<Long> hashes = new ArrayList<>(List.of(0L, 1L, 2L, 0xFFFFFFFEL, 0xFFFFFFFFL));
            double sum = 0;
            for (JsonNode d : readTree(distribution)) {
                sum += d.path("percentage").asDouble();
                long at = (long) Math.floor(sum * Murmur3.MAX_HASH);
                for (long h = at - 3; h <= at + 3; h++) if (h >= 0 && h <= 0xFFFFFFFFL) hashes.add(h);
            }
            Random random = new Random(16);
            for (int i = 0; i < 2000; i++) hashes.add(random.nextLong() & 0xFFFFFFFFL);
            for (long h : hashes) {
                CompiledTarget.Distribution want = target.pick(Murmur3.bounded((int) h));
                int index = target.pickIndex((int) h);
                assertEquals(want, index < 0 ? null : target.distribution(index), distribution + " at hash " + h + " on " + version);
                if (target.everyHashIndex() >= 0) assertEquals(target.distribution(target.everyHashIndex()), want, distribution + " at hash " + h + " on " + version);
            }
        }
    }

    static Stream<String> distributions() {
        return Stream.concat(cases().map(a -> (String) a.get()[0]).distinct(), Stream.of(
                "[{\"_variation\": \"a\", \"percentage\": 1}]",
                "[{\"_variation\": \"a\", \"percentage\": 1.0000001}]",
                "[{\"_variation\": \"a\", \"percentage\": 0.03}, {\"_variation\": \"b\", \"percentage\": 0.97}]",
                "[{\"_variation\": \"a\", \"percentage\": 0.1}, {\"_variation\": \"b\", \"percentage\": 0.2}, {\"_variation\": \"c\", \"percentage\": 0.7}]",
                "[{\"_variation\": \"a\", \"percentage\": 0}, {\"_variation\": \"b\", \"percentage\": 1}]",
                "[{\"_variation\": \"a\", \"percentage\": 1e-12}, {\"_variation\": \"b\", \"percentage\": 2}]"));
    }

    private static JsonNode readTree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String config(String distribution) {
        return "{\"project\":{\"_id\":\"p\",\"key\":\"p\",\"a0_organization\":\"o\",\"settings\":{}},"
                + "\"environment\":{\"_id\":\"e\",\"key\":\"e\"},\"variables\":[],\"features\":[{\"_id\":\"f\",\"key\":\"f\","
                + "\"type\":\"release\",\"variations\":[],\"configuration\":{\"_id\":\"c\",\"targets\":[{\"_id\":\"t\","
                + "\"_audience\":{\"filters\":{\"operator\":\"and\",\"filters\":[]}},\"distribution\":" + distribution + "}]}}]}";
    }

    @ParameterizedTest(name = "{0} at {1} picks {2}")
    @MethodSource("cases")
    void picksAsTheCore(String distribution, double hash, String expected) {
        CompiledTarget.Distribution picked = ConfigParser.parse(config(distribution), CoreRules.of(CoreVersion.V1_32_0)).feature(0).target(0).pick(hash);
        assertEquals(expected, picked == null ? null : picked.variationId());
    }
}

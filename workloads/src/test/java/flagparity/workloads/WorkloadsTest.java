package flagparity.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import flagparity.reference.api.User;
import flagparity.reference.api.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkloadsTest {
    @Test
    void namesTheBuiltInsSmallestFirstThenDevCyclesOwn() {
        assertEquals(List.of("small", "medium", "large", "xlarge", "devcycle-large"), Workloads.builtInNames());
    }

    @Test
    void devCyclesLargeConfigIsTheVendoredFileItsReadmeNames() throws Exception {
        assertEquals("a94a9ae5d9490c26e9e22c1292510da20a01743d5ea5e10557dccdd1dab631a4",
                sha256(Workloads.config(Workloads.DEVCYCLE_LARGE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "large"})
    void isReproducibleByteForByte(String name) throws Exception {
        SeededWorkload.Size size = SeededWorkload.Size.byId(name);
        String first = SeededWorkload.generate(size, SeededWorkload.SEED);
        assertEquals(sha256(first), sha256(SeededWorkload.generate(size, SeededWorkload.SEED)));
        assertEquals(first, Workloads.config(name));
        assertNotEquals(sha256(first), sha256(SeededWorkload.generate(size, SeededWorkload.SEED + 1)));
    }

    /**
     * Pinned: results/ and the benchmarks refer to these bytes, so a change to the generator must
     * show up here and be made knowingly (update the pins in the same commit).
     */
    @Test
    void keepsThePinnedBytes() throws Exception {
        assertEquals("a770a953cca6a7556465d497a158b369ca24ddcf231c14dff32b8db62c645999", sha256(Workloads.config("small")));
        assertEquals("6ce8275809069defb70aea1f47e98cd91314b9e3e1db0b0eec5d4abedbe17367", sha256(Workloads.config("large")));
    }

    @Test
    void largeIsAsBigAsARealLargeConfig() throws Exception {
        String json = Workloads.config("large");
        JsonNode config = JsonCodec.mapper().readTree(json);
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes > 180_000 && bytes < 240_000, "bytes " + bytes);
        assertEquals(80, config.get("features").size());
        assertEquals(85, config.get("variables").size());
        int targets = targets(config);
        assertTrue(targets >= 140 && targets <= 165, "targets " + targets);
        assertTrue(JsonCodec.mapper().readTree(Workloads.config("xlarge")).get("features").size() >= 1000);
    }

    @Test
    void usesEveryKindOfRuleTheCoreEvaluates() throws Exception {
        JsonNode config = JsonCodec.mapper().readTree(Workloads.config("large"));
        Set<String> seen = new HashSet<>();
        for (JsonNode v : config.get("variables")) {
            seen.add("variable " + v.get("type").textValue());
        }
        for (JsonNode f : config.get("features")) {
            seen.add("feature " + f.get("type").textValue());
            for (JsonNode t : f.get("configuration").get("targets")) {
                if (t.has("rollout")) {
                    seen.add("rollout " + t.get("rollout").get("type").textValue());
                }
                if (t.has("bucketingKey")) {
                    seen.add("bucketingKey");
                }
                if (t.get("distribution").size() > 1) {
                    seen.add("split");
                }
                collectFilters(t.get("_audience").get("filters"), seen, 0);
            }
        }
        for (JsonNode a : config.get("audiences")) {
            collectFilters(a.get("filters"), seen, 0);
        }
        for (String expected : List.of("variable Boolean", "variable Number", "variable String", "variable JSON",
                "feature release", "feature experiment", "feature permission", "feature ops",
                "rollout schedule", "rollout gradual", "rollout stepped", "bucketingKey", "split",
                "operator and", "operator or", "nested operator", "all", "audienceMatch =", "audienceMatch !=",
                "user user_id", "user email", "user country", "user appVersion", "user platform",
                "user platformVersion", "user deviceModel",
                "customData String", "customData Number", "customData Boolean")) {
            assertTrue(seen.contains(expected), "missing " + expected + " in " + seen);
        }
    }

    @Test
    void readsAFileAndNamesTheBuiltInsForAnUnknownName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"x\":\"é\"}", StandardCharsets.UTF_8);
        assertEquals("{\"x\":\"é\"}", Workloads.config(file.toString()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Workloads.config("huge"));
        assertTrue(e.getMessage().contains("small, medium, large, xlarge"), e.getMessage());
    }

    @Test
    void buildsDeterministicUsersWithMixedCustomData() {
        assertEquals(JsonCodec.parseUser(Workloads.DEFAULT_USER_JSON), Workloads.user(0));
        assertEquals(Workloads.DEFAULT_USER_JSON, Workloads.userJson(0));
        User user = Workloads.user(12);
        assertEquals(user, Workloads.user(12));
        assertEquals(user, JsonCodec.parseUser(Workloads.userJson(12)));
        assertEquals(12, user.customData().size());
        Set<Class<?>> types = new HashSet<>();
        for (Object v : user.customData().values()) {
            types.add(v == null ? Void.class : v.getClass());
        }
        assertEquals(Set.of(String.class, Long.class, Double.class, Boolean.class, Void.class), types);
        assertThrows(IllegalArgumentException.class, () -> Workloads.user(-1));
    }

    private static void collectFilters(JsonNode operator, Set<String> seen, int depth) {
        seen.add("operator " + operator.get("operator").textValue());
        if (depth > 0) {
            seen.add("nested operator");
        }
        for (JsonNode f : operator.get("filters")) {
            if (f.has("operator")) {
                collectFilters(f, seen, depth + 1);
            } else if (f.get("type").textValue().equals("audienceMatch")) {
                seen.add("audienceMatch " + f.get("comparator").textValue());
            } else if (f.get("type").textValue().equals("all")) {
                seen.add("all");
            } else if (f.get("subType").textValue().equals("customData")) {
                seen.add("customData " + f.get("dataKeyType").textValue());
            } else {
                seen.add("user " + f.get("subType").textValue());
            }
        }
    }

    private static int targets(JsonNode config) {
        int n = 0;
        for (JsonNode f : config.get("features")) {
            n += f.get("configuration").get("targets").size();
        }
        return n;
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}

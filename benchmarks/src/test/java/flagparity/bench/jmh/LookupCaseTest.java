package flagparity.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import flagparity.workloads.Workloads;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.User;
import flagparity.reference.api.JsonCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each case of the headline spread claims about its key and user holds in the generated config. */
class LookupCaseTest {

    /** Feature position (1-based) of every variable key of a config, as the config lists its features. */
    private static Map<String, Integer> featurePositions(String config) throws Exception {
        JsonNode root = JsonCodec.mapper().readTree(Workloads.config(config));
        Map<String, String> keyById = new HashMap<>();
        root.path("variables").forEach(v -> keyById.put(v.path("_id").asText(), v.path("key").asText()));
        Map<String, Integer> position = new HashMap<>();
        int i = 0;
        for (JsonNode f : root.path("features")) {
            i++;
            for (JsonNode v : f.path("variations").path(0).path("variables")) {
                position.put(keyById.get(v.path("_var").asText()), i);
            }
        }
        position.put("#features", i);
        return position;
    }

    private static LookupCase c(String id) {
        return LookupCase.byId(id);
    }

    @Test
    void theSpreadHasEightCasesWithDistinctIds() {
        assertTrue(LookupCase.SPREAD.size() >= 8);
        assertEquals(LookupCase.SPREAD.size(), LookupCase.SPREAD.stream().map(LookupCase::id).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> LookupCase.byId("nope"));
    }

    @Test
    void frontMiddleAndLastKeysSitWhereTheySay() throws Exception {
        Map<String, Integer> pos = featurePositions("large");
        int n = pos.get("#features");
        assertEquals(80, n);
        assertEquals(1, pos.get(c("front").key()));
        assertEquals(44, pos.get(c("middle").key()));
        assertEquals(n, pos.get(c("last").key()));
        // the front key is the first the minimal user is served: no feature before it serves it anything
        List<String> earlier = new ArrayList<>();
        pos.forEach((k, p) -> {
            if (p < pos.get(c("front").key())) {
                earlier.add(k);
            }
        });
        User minimal = Lookup.parseUser(LookupCase.MINIMAL_USER);
        try (Lookup any = Lookup.open("reference", "json", "mutex", 0, c("front"), CoreChoice.of(CoreVersion.V1_32_0))) {
            for (String k : earlier) {
                JsonNode v = JsonCodec.mapper().readTree(Workloads.config("large")).path("variables");
                for (JsonNode var : v) {
                    if (k.equals(var.path("key").asText())) {
                        assertNull(any.evaluator().variable(minimal, k,
                                flagparity.reference.api.VariableType.parse(var.path("type").asText())), k);
                    }
                }
            }
        }
    }

    @Test
    void theCustomDataCaseIsServedBecauseOfItsCustomData() {
        LookupCase cd = c("custom-data");
        User user = Lookup.parseUser(cd.user());
        assertEquals(5, user.customData().size());
        try (Lookup lookup = Lookup.open("reference", "json", "mutex", 0, cd, CoreChoice.of(CoreVersion.V1_32_0))) {
            assertNotNull(lookup.call());
            User without = User.builder(user.userId()).email(user.email()).name(user.name()).country(user.country())
                    .language(user.language()).appVersion(user.appVersion()).appBuild(user.appBuild()).build();
            assertNull(lookup.evaluator().variable(without, cd.key(), lookup.type()),
                    "without its customData the same user is not served");
        }
    }

    @Test
    void usersRangeFromMinimalToTenCustomAndFivePrivateFields() {
        assertEquals(Map.of("user_id", "12345").keySet(), fields(c("front").user()));
        User big = Lookup.parseUser(c("user-10cd-5private").user());
        assertEquals(10, big.customData().size());
        assertEquals(5, big.privateCustomData().size());
        assertNull(Lookup.parseUser(c("user-10cd").user()).privateCustomData());
    }

    private static java.util.Set<String> fields(String json) {
        try {
            java.util.Set<String> names = new java.util.HashSet<>();
            JsonCodec.mapper().readTree(json).fieldNames().forEachRemaining(names::add);
            return names;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyCaseOpensOnTheReferenceAnsweringAsItClaimsOnEveryCore() {
        for (CoreVersion core : CoreVersion.values()) {
            for (LookupCase lc : java.util.stream.Stream.concat(LookupCase.SPREAD.stream(), LookupCase.DEVCYCLE.stream()).toList()) {
                try (Lookup lookup = Lookup.open("reference", "json", "mutex", 0, lc, CoreChoice.of(core))) {
                    assertEquals(lc.served(), lookup.call() != null, lc.id() + " on " + core);
                }
            }
        }
    }
}

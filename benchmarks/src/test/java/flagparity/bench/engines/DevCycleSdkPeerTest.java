package flagparity.bench.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.devcycle.sdk.server.common.model.DevCycleUser;
import com.fasterxml.jackson.databind.JsonNode;
import flagparity.workloads.Workloads;
import flagparity.reference.api.ConfigException;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DevCycleSdkPeerTest {

    @Test
    void servesTheDefaultUserTheDefaultKeyAndFollowsAConfigSwap() throws Exception {
        User user = JsonCodec.parseUser(Workloads.DEFAULT_USER_JSON);
        String large = Workloads.config("large");
        String small = Workloads.config("small");
        String largeOnlyKey = keyOnlyIn(large, small);
        try (DevCycleSdkPeer peer = DevCycleSdkPeer.start()) {
            assertNull(peer.variable(user, Workloads.DEFAULT_KEY, VariableType.Boolean), "no config yet");

            peer.setConfig(large);
            Variable v = peer.variable(user, Workloads.DEFAULT_KEY, VariableType.Boolean);
            assertNotNull(v);
            assertEquals(Boolean.TRUE, v.value());
            assertEquals(variableId(large, Workloads.DEFAULT_KEY), v.id());
            assertEquals(0, peer.defaultsServed());

            assertNull(peer.variable(user, "no-such-variable", VariableType.Boolean));
            assertNull(peer.variable(user, Workloads.DEFAULT_KEY, VariableType.String), "type mismatch");
            assertEquals(2, peer.defaultsServed());

            assertThrows(ConfigException.class, () -> peer.setConfig("{not json"));
            assertThrows(ConfigException.class, () -> peer.setConfig("{\"project\":{}}"), "the core rejects it");
            assertEquals(Boolean.TRUE, peer.variable(user, Workloads.DEFAULT_KEY, VariableType.Boolean).value());

            // The SDK polls; setConfig returns once it has stored the new config.
            peer.setConfig(small);
            assertEquals(variableId(small, Workloads.DEFAULT_KEY),
                    peer.variable(user, Workloads.DEFAULT_KEY, VariableType.Boolean).id());
            long before = peer.defaultsServed();
            assertNull(peer.variable(user, largeOnlyKey, VariableType.JSON));
            assertNull(peer.variable(user, largeOnlyKey, VariableType.Boolean));
            assertNull(peer.variable(user, largeOnlyKey, VariableType.Number));
            assertNull(peer.variable(user, largeOnlyKey, VariableType.String));
            assertEquals(before + 4, peer.defaultsServed());
            assertEquals(0, peer.errorsLogged());
        }
    }

    @Test
    void convertsEveryUserFieldTheSdkHas() {
        User user = User.builder("u-1").email("a@b.c").name("A B").language("fr").country("CA").appVersion("1.2.3")
                .appBuild(42.5).deviceModel("Pixel 8")
                .customData(Map.of("plan", "pro", "seats", 3L))
                .privateCustomData(Map.of("ratio", 0.5, "admin", true))
                .build();
        DevCycleUser sdk = SdkValues.convert(user);
        assertEquals("u-1", sdk.getUserId());
        assertEquals("a@b.c", sdk.getEmail());
        assertEquals("A B", sdk.getName());
        assertEquals("fr", sdk.getLanguage());
        assertEquals("CA", sdk.getCountry());
        assertEquals("1.2.3", sdk.getAppVersion());
        assertEquals(42.5, Double.parseDouble(sdk.getAppBuild()));
        assertEquals(Map.of("plan", "pro", "seats", 3L), sdk.getCustomData());
        assertEquals(Map.of("ratio", 0.5, "admin", true), sdk.getPrivateCustomData());

        DevCycleUser minimal = SdkValues.convert(User.builder("u-2").build());
        assertNull(minimal.getAppBuild());
        assertNull(minimal.getCustomData());
    }

    @Test
    void refusesWhatTheSdkCannotHonour() {
        assertThrows(IllegalArgumentException.class, () -> Engines.create("devcycle-sdk", EngineSettings.builder()
                .clock(java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC)).build()));
        assertThrows(IllegalArgumentException.class, () -> Engines.create("devcycle-sdk",
                EngineSettings.builder().codec("json").build()));
        assertThrows(IllegalArgumentException.class, () -> DevCycleSdkPeer.start(java.time.Duration.ofMillis(500)));
        try (DevCycleSdkPeer peer = DevCycleSdkPeer.start()) {
            assertThrows(UnsupportedOperationException.class,
                    () -> peer.bucketedConfig(JsonCodec.parseUser(Workloads.DEFAULT_USER_JSON)));
        }
    }

    private static String variableId(String config, String key) throws Exception {
        for (JsonNode v : JsonCodec.mapper().readTree(config).get("variables")) {
            if (v.get("key").textValue().equals(key)) {
                return v.get("_id").textValue();
            }
        }
        throw new AssertionError("no variable " + key);
    }

    private static String keyOnlyIn(String config, String other) throws Exception {
        Set<String> otherKeys = new HashSet<>();
        for (JsonNode v : JsonCodec.mapper().readTree(other).get("variables")) {
            otherKeys.add(v.get("key").textValue());
        }
        for (JsonNode v : JsonCodec.mapper().readTree(config).get("variables")) {
            if (!otherKeys.contains(v.get("key").textValue())) {
                return v.get("key").textValue();
            }
        }
        throw new AssertionError("no key only in the first config");
    }
}

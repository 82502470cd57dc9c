package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.User;
import flagparity.wasm.engine.CoreBuild;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where the safe codec sends a user, decided by the core build: never through a protobuf entry point
 * on a build with D8, only users without custom data on a build with D7 only, everyone on a fixed build.
 */
class CodecRouteTest {
    private static final User PLAIN = User.builder("u").build();
    private static final User CUSTOM = User.builder("u").customData(Map.of("plan", "pro")).build();
    private static final User PRIVATE = User.builder("u").privateCustomData(Map.of("n", 1)).build();
    private static final List<User> USERS = List.of(PLAIN, CUSTOM, PRIVATE);

    @Test
    void safeNeverUsesProtobufOnABuildWithD8() {
        CoreBuild devCycle1428 = CoreBuild.of(CoreVersion.V1_42_8);
        assertTrue(devCycle1428.hasD8());
        for (User u : USERS) {
            Codec route = Codec.SAFE.route(u, devCycle1428);
            assertTrue(route.json(), "user " + u + " on " + devCycle1428 + " went over " + route);
        }
    }

    @Test
    void safeKeepsOnlyUsersWithCustomDataOffProtobufOnABuildWithD7Only() {
        CoreBuild devCycle1320 = CoreBuild.of(CoreVersion.V1_32_0);
        assertTrue(devCycle1320.hasD7());
        assertFalse(devCycle1320.hasD8());
        assertEquals(Codec.PROTOBUF_PREALLOCATED, Codec.SAFE.route(PLAIN, devCycle1320));
        assertEquals(Codec.JSON_PREALLOCATED, Codec.SAFE.route(CUSTOM, devCycle1320));
        assertEquals(Codec.JSON_PREALLOCATED, Codec.SAFE.route(PRIVATE, devCycle1320));
    }

    @Test
    void safeSendsEveryoneOverProtobufOnAFixedBuild() {
        for (CoreBuild b : CoreBuild.all()) {
            if (b.fixed()) {
                for (User u : USERS) {
                    assertEquals(Codec.PROTOBUF_PREALLOCATED, Codec.SAFE.route(u, b), u + " on " + b);
                }
            }
        }
    }

    @Test
    void rawCodecsAreNeverRerouted() {
        for (CoreBuild b : CoreBuild.all()) {
            for (Codec c : Codec.values()) {
                if (c != Codec.SAFE) {
                    for (User u : USERS) {
                        assertEquals(c, c.route(u, b));
                    }
                }
            }
        }
    }
}

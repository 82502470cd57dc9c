package flagparity.wasm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import flagparity.reference.api.JsonCodec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The low-level instance: strings across the boundary, the generic calls, host imports, aborts. */
class CoreInstanceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String PLATFORM =
            "{\"platform\":\"Java\",\"platformVersion\":\"17\",\"sdkType\":\"server\",\"sdkVersion\":\"2.6.0\"}";

    private static CoreInstance open(Engine engine) {
        CoreInstance core = CoreInstance.open(engine, CoreBuild.newest(), null, CLOCK);
        core.setPlatformData(PLATFORM);
        return core;
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"CHICORY_AOT", "WASMTIME"})
    void stringsCrossAsUtf16CodeUnits(Engine engine) {
        try (CoreInstance core = open(engine)) {
            for (String s : new String[] {"", "plain", "h\u00e9llo \u2713 \ud83d\ude00", "lone \ud800 surrogate",
                    "x".repeat(10_000)}) {
                assertEquals(s, core.hooks().callForString("echoString", s));
            }
        }
    }

    /** The bounded bucketing hash is murmurhashV3(user, murmurhashV3(target, 1)) / (2^32 - 1). */
    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"CHICORY_AOT", "WASMTIME"})
    void murmurhashAndBoundedHashesAgree(Engine engine) throws Exception {
        try (CoreInstance core = open(engine)) {
            for (String user : new String[] {"12345", "u\u00e9", "\ud83d\ude00"}) {
                long seed = core.murmurhashV3("target-1", 1);
                assertEquals((double) seed, core.hooks().callForDouble("murmurhashV3", "target-1", 1));
                JsonNode hashes = JsonCodec.mapper().readTree(
                        core.hooks().callForString("generateBoundedHashesFromJSON", user, "target-1"));
                assertEquals(core.murmurhashV3(user, seed) / 4294967295.0, hashes.get("bucketingHash").doubleValue());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"CHICORY_AOT", "WASMTIME"})
    void murmurhashIsTheSameOnEveryEngine(Engine engine) {
        try (CoreInstance core = open(engine); CoreInstance aot = open(Engine.CHICORY_AOT)) {
            for (long seed : new long[] {0, 1, 0xFFFFFFFFL}) {
                assertEquals(aot.murmurhashV3("some.user@gmail.com", seed), core.murmurhashV3("some.user@gmail.com", seed));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"CHICORY_AOT", "WASMTIME"})
    void testHooksTakeNullsNumbersAndOptionalArguments(Engine engine) {
        try (CoreInstance core = open(engine)) {
            String greaterThan3 = "{\"type\":\"user\",\"subType\":\"customData\",\"comparator\":\">\","
                    + "\"values\":[3],\"dataKey\":\"n\",\"dataKeyType\":\"Number\"}";
            assertTrue(core.hooks().callForBoolean("checkNumbersFilterFromJSON", "5", greaterThan3));
            assertFalse(core.hooks().callForBoolean("checkNumbersFilterFromJSON", "2", greaterThan3));
            String passAll = "{\"type\":\"schedule\",\"startDate\":\"2020-01-01T00:00:00.000Z\"}";
            assertTrue(core.hooks().callForBoolean("doesUserPassRolloutFromJSON", passAll, 0.5));
            assertTrue(core.hooks().callForBoolean("doesUserPassRolloutFromJSON", null, 0.5), "no rollout passes everyone");
            String operator = "{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}";
            // audiences left out: the core's default ("") applies; an explicit null would make it abort
            assertTrue(core.hooks().callForBoolean("evaluateOperatorFromJSON", operator, "{\"user_id\":\"u\"}"));
            assertThrows(CoreAbortException.class,
                    () -> core.hooks().callForBoolean("evaluateOperatorFromJSON", operator, "{\"user_id\":\"u\"}", null));
        }
    }

    /** Date.now reads the injected clock: the populated user's createdDate is the clock's instant. */
    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"CHICORY_AOT", "WASMTIME"})
    void dateNowIsTheInjectedClock(Engine engine) throws Exception {
        try (CoreInstance core = open(engine)) {
            JsonNode user = JsonCodec.mapper().readTree(core.hooks().callForString("testDVCUserClass", "{\"user_id\":\"u\"}"));
            assertEquals("2026-06-01T12:00:00.000Z", user.get("createdDate").textValue());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"CHICORY_INTERPRETER", "CHICORY_AOT", "WASMTIME"})
    void trackingWithoutAnEventQueueAbortsAndLeavesTheInstanceUnusable(Engine engine) {
        try (CoreInstance core = open(engine)) {
            core.setConfig("key", "{\"project\":{\"_id\":\"p\",\"key\":\"p\",\"a0_organization\":\"o\",\"settings\":{}},"
                    + "\"environment\":{\"_id\":\"e\",\"key\":\"e\"},\"features\":[],\"variables\":[]}");
            assertNull(core.variableForUser("key", "{\"user_id\":\"u\"}", "v", 0));
            CoreAbortException abort = assertThrows(CoreAbortException.class,
                    () -> core.hooks().callForString("variableForUser", "key", "{\"user_id\":\"u\"}", "v", 0, true));
            assertTrue(abort.file().contains("eventQueue"), abort.file());
            assertFalse(core.usable());
            assertThrows(IllegalStateException.class, () -> core.variableForUser("key", "{\"user_id\":\"u\"}", "v", 0));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"CHICORY_COMPILER", "WASMTIME"})
    void abortCarriesTheCoresMessageAndPosition(Engine engine) {
        try (CoreInstance core = open(engine)) {
            CoreAbortException abort = assertThrows(CoreAbortException.class, () -> core.hooks().callForString("triggerAbort"));
            assertEquals("Manual abort triggered", abort.coreMessage());
            assertEquals("assembly/testHelpers.ts", abort.file());
            assertTrue(abort.line() > 0);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"CHICORY_AOT", "WASMTIME"})
    void badArgumentsAreRejectedBeforeTheCall(Engine engine) {
        try (CoreInstance core = open(engine)) {
            assertThrows(IllegalArgumentException.class, () -> core.hooks().callForString("echoString", "a", "b"));
            assertThrows(IllegalArgumentException.class, () -> core.hooks().callForString("noSuchExport", "x"));
            assertTrue(core.usable());
        }
    }
}

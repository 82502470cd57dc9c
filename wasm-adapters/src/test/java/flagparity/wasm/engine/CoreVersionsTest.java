package flagparity.wasm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flagparity.reference.api.Availability;
import flagparity.reference.api.CoreVersion;
import flagparity.wasm.Engine;
import flagparity.wasm.WasmEngine;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every core version is built in, pinned by its sha256, and runs on every engine. */
class CoreVersionsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(CoreVersion.class)
    void builtInWasmHasThePinnedHash(CoreVersion version) throws Exception {
        byte[] wasm = CoreModule.builtIn(version);
        assertEquals(version.wasmSha256(),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wasm)));
    }

    @Test
    void versionsAreDifferentBuilds() {
        assertNotEquals(CoreVersion.V1_32_0.wasmSha256(), CoreVersion.V1_42_8.wasmSha256());
    }

    /**
     * Each engine runs each version (chicory-aot from its own build-time class): the core's murmurhash
     * of one key is the same everywhere, and only 1.42.8 exports {@code getConfigMetadata}.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyEngineRunsEveryVersion(Engine engine) {
        Availability availability = WasmEngine.of(engine).availability();
        assumeTrue(availability.isAvailable(), () -> engine + " is unavailable: " + availability.reason());
        long expected;
        try (CoreInstance core = CoreInstance.open(Engine.CHICORY_INTERPRETER, CoreVersion.V1_32_0, null, CLOCK)) {
            expected = core.murmurhashV3("12345", 1);
        }
        for (CoreVersion version : CoreVersion.values()) {
            try (CoreInstance core = CoreInstance.open(engine, version, null, CLOCK)) {
                assertEquals(expected, core.murmurhashV3("12345", 1), version + " on " + engine);
            }
        }
        assertEquals(1, CoreModule.load(engine, CoreVersion.V1_42_8, null)
                .exportType("getConfigMetadata").params().size());
        assertThrows(IllegalArgumentException.class,
                () -> CoreModule.load(engine, CoreVersion.V1_32_0, null).exportType("getConfigMetadata"));
    }
}

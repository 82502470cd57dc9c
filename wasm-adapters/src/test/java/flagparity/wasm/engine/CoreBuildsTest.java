package flagparity.wasm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flagparity.reference.api.Availability;
import flagparity.reference.api.CoreVersion;
import flagparity.wasm.WasmEngine;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every core build (each version's DevCycle build and its fixed build) is built in, pinned by its
 * sha256, and runs on every engine; the fixed builds differ from DevCycle's only where they say.
 */
class CoreBuildsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    static List<CoreBuild> builds() {
        return CoreBuild.all();
    }

    @ParameterizedTest
    @MethodSource("builds")
    void builtInWasmHasThePinnedHash(CoreBuild build) throws Exception {
        byte[] wasm = CoreModule.builtIn(build);
        assertEquals(build.wasmSha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wasm)));
    }

    @Test
    void buildsAreDistinctAndParseBack() {
        Set<String> hashes = new HashSet<>();
        for (CoreBuild b : CoreBuild.all()) {
            assertTrue(hashes.add(b.wasmSha256()), b + " repeats another build's wasm");
            assertEquals(b, CoreBuild.parse(b.id()));
        }
        assertEquals(CoreBuild.of(CoreVersion.newest()), CoreBuild.newest());
        assertThrows(IllegalArgumentException.class, () -> CoreBuild.parse("1.0.0"));
    }

    /**
     * A fixed build is DevCycle's wasm with the immediate of one {@code i32.store} (align 2) per defect
     * moved to offset 72: one for D7 (both versions), one more for D8 (1.42.8). The bytes that find
     * each site are in tools/d7-gc-sweep/patch-core.cjs, which made them.
     */
    @ParameterizedTest
    @EnumSource(CoreVersion.class)
    void fixedBuildMovesOnlyTheMisplacedStores(CoreVersion version) {
        byte[] original = CoreModule.builtIn(CoreBuild.of(version));
        byte[] fixed = CoreModule.builtIn(new CoreBuild(version, true));
        assertEquals(original.length, fixed.length);
        int changed = 0;
        for (int i = 0; i < original.length; i++) {
            if (original[i] != fixed[i]) {
                changed++;
                assertEquals(0x36, original[i - 2], "an i32.store at byte " + i);
                assertEquals(0x02, original[i - 1], "align 2 at byte " + i);
                assertTrue(original[i] == 68 || original[i] == 52, "offset " + original[i] + " at byte " + i);
                assertEquals(72, fixed[i], "moved to SP+72 at byte " + i);
            }
        }
        assertEquals((version.hasD7() ? 1 : 0) + (version.hasD8() ? 1 : 0), changed);
        assertTrue(!new CoreBuild(version, true).hasD7() && !new CoreBuild(version, true).hasD8());
    }

    /**
     * Each engine runs each build (chicory-aot from its own build-time class): the core's murmurhash
     * of one key is the same everywhere, and only 1.42.8 exports {@code getConfigMetadata}.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyEngineRunsEveryBuild(Engine engine) {
        Availability availability = WasmEngine.of(engine).availability();
        assumeTrue(availability.isAvailable(), () -> engine + " is unavailable: " + availability.reason());
        long expected;
        try (CoreInstance core = CoreInstance.open(Engine.CHICORY_INTERPRETER, CoreBuild.of(CoreVersion.V1_32_0), null, CLOCK)) {
            expected = core.murmurhashV3("12345", 1);
        }
        for (CoreBuild build : CoreBuild.all()) {
            try (CoreInstance core = CoreInstance.open(engine, build, null, CLOCK)) {
                assertEquals(expected, core.murmurhashV3("12345", 1), build + " on " + engine);
            }
        }
        assertEquals(1, CoreModule.load(engine, CoreBuild.of(CoreVersion.V1_42_8), null)
                .exportType("getConfigMetadata").params().size());
        assertThrows(IllegalArgumentException.class,
                () -> CoreModule.load(engine, CoreBuild.of(CoreVersion.V1_32_0), null).exportType("getConfigMetadata"));
    }
}

package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flagparity.wasm.engine.Engine;
import org.junit.jupiter.api.Test;

/** Engine, codec and concurrency ids round-trip, and a wrong id names the valid ones. */
class NamesTest {

    @Test
    void idsRoundTrip() {
        for (Engine e : Engine.values()) assertEquals(e, WasmEngine.runtime(WasmEngine.of(e).id()));
        for (Codec c : Codec.values()) assertEquals(c, Codec.parse(c.id()));
        for (Concurrency c : Concurrency.values()) assertEquals(c, Concurrency.parse(c.id()));
    }

    @Test
    void unknownIdsListTheValidOnes() {
        String engines = assertThrows(IllegalArgumentException.class, () -> WasmEngine.runtime("v8")).getMessage();
        assertTrue(engines.contains("chicory-aot") && engines.contains("wasmtime"), engines);
        String codecs = assertThrows(IllegalArgumentException.class, () -> Codec.parse("xml")).getMessage();
        assertTrue(codecs.contains("protobuf-preallocated"), codecs);
        String modes = assertThrows(IllegalArgumentException.class, () -> Concurrency.parse("actor")).getMessage();
        assertTrue(modes.contains("mutex") && modes.contains("pool"), modes);
    }

    @Test
    void aotRunsOnlyTheBuiltInCore() throws Exception {
        java.nio.file.Path other = java.nio.file.Files.createTempFile("other", ".wasm");
        try {
            java.nio.file.Files.write(other, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
            assertThrows(IllegalArgumentException.class, () -> WasmEvaluator.builder()
                    .engine(Engine.CHICORY_AOT).wasmFile(other).build());
        } finally {
            java.nio.file.Files.delete(other);
        }
    }
}

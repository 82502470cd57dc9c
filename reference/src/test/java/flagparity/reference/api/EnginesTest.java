package flagparity.reference.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry as the reference module alone sees it: only the reference is on its class path. */
class EnginesTest {

    @Test
    void findsTheReferenceThroughItsServiceLine() {
        assertEquals(List.of("reference"), Engines.ids());
        EngineDescriptor reference = Engines.get("reference");
        assertEquals(EngineKind.REFERENCE, reference.kind());
        assertEquals(List.of(CoreVersion.values()), reference.coreVersions());
        try (Evaluator e = Engines.create("reference", EngineSettings.defaults())) {
            e.setConfig("{\"project\":{\"_id\":\"p\",\"key\":\"p\",\"a0_organization\":\"o\",\"settings\":{}},"
                    + "\"environment\":{\"_id\":\"e\",\"key\":\"production\"},\"audiences\":{},\"features\":[],"
                    + "\"variables\":[]}");
            assertEquals(null, e.variable(User.builder("u").build(), "k", VariableType.Boolean));
        }
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        String message = assertThrows(IllegalArgumentException.class, () -> Engines.get("v8")).getMessage();
        assertTrue(message.contains("\"v8\"") && message.contains("reference"), message);
    }

    @Test
    void refusesSettingsTheEngineDoesNotTake() {
        assertRefused("reference has no codec setting (got json)", EngineSettings.builder().codec("json"));
        assertRefused("reference has no concurrency setting (got pool)", EngineSettings.builder().concurrency("pool"));
        assertRefused("reference has no Wasm core whose collector can be driven",
                EngineSettings.builder().collectEvery(10));
    }

    @Test
    void theNewestVersionAnEngineRunsIsItsDefault() {
        EngineDescriptor reference = Engines.get("reference");
        assertEquals(CoreVersion.newest(), Engines.coreVersion(reference, EngineSettings.defaults()));
        assertEquals(CoreVersion.V1_32_0, Engines.coreVersion(reference,
                EngineSettings.builder().coreVersion(CoreVersion.V1_32_0).build()));
    }

    @Test
    void settingsAreValuesWithValidatedFields() {
        EngineSettings s = EngineSettings.builder().codec("json").callDeadline(Duration.ofMillis(5)).build();
        assertEquals(s, s.toBuilder().build());
        assertEquals(Duration.ofMillis(5), s.callDeadline().orElseThrow());
        assertTrue(s.loadDeadline().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> EngineSettings.builder().callDeadline(Duration.ofMillis(-1)));
        assertEquals(Duration.ZERO, EngineSettings.builder().callDeadline(Duration.ZERO).build().callDeadline().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> EngineSettings.builder().poolSize(-1));
        assertThrows(IllegalArgumentException.class, () -> EngineSettings.builder().collectEvery(-1));
    }

    private static void assertRefused(String message, EngineSettings.Builder settings) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> Engines.create("reference", settings.build())).getMessage());
    }
}

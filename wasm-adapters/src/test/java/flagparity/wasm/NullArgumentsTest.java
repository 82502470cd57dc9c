package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.wasm.engine.Engine;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A null argument is the caller's bug: a NullPointerException naming it, as the reference throws, before any core call. */
class NullArgumentsTest {
    private static final User USER = User.builder("u1").build();

    @ParameterizedTest
    @EnumSource(value = Codec.class)
    void nullArgumentsAreRefusedByNameAndServingGoesOn(Codec codec) {
        try (WasmEvaluator e = Fixtures.builder(Engine.WASMTIME, codec, Concurrency.MUTEX).build()) {
            e.setConfig(Fixtures.config("handwritten.json"));
            Variable known = e.variable(USER, "bool-var", VariableType.Boolean);
            assertRefused("user", () -> e.variable(null, "bool-var", VariableType.Boolean));
            assertRefused("key", () -> e.variable(USER, null, VariableType.Boolean));
            assertRefused("type", () -> e.variable(USER, "bool-var", null));
            assertRefused("user", () -> e.variableJson(null, "bool-var", VariableType.Boolean));
            assertRefused("user", () -> e.bucketedConfig(null));
            assertRefused("configJson", () -> e.setConfig(null));
            assertRefused("customDataJson", () -> e.setClientCustomData(null));
            assertEquals(known, e.variable(USER, "bool-var", VariableType.Boolean));
            assertEquals(0, e.instancesReplaced());
        }
    }

    private static void assertRefused(String parameter, Executable call) {
        assertEquals(parameter, assertThrows(NullPointerException.class, call).getMessage());
    }
}

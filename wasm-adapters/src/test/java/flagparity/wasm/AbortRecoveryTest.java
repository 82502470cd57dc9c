package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flagparity.reference.api.User;
import flagparity.reference.api.VariableType;
import flagparity.wasm.engine.CoreAbortException;
import flagparity.wasm.engine.Engine;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real abort at lookup time: uncovered-distribution.json has a target whose only variation has
 * percentage 0, so no bucket holds the user's hash and the core throws "Failed to decide target
 * variation". The instance is replaced and the evaluator keeps serving.
 */
class AbortRecoveryTest {
    private static final User USER = User.builder("u1").build();

    static Stream<Arguments> setups() {
        return Stream.of(
                Arguments.of(Engine.CHICORY_AOT, Codec.JSON, Concurrency.POOL),
                Arguments.of(Engine.CHICORY_COMPILER, Codec.PROTOBUF_PREALLOCATED, Concurrency.MUTEX),
                Arguments.of(Engine.WASMTIME, Codec.PROTOBUF, Concurrency.POOL),
                Arguments.of(Engine.WASMTIME, Codec.JSON_PREALLOCATED, Concurrency.MUTEX));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("setups")
    void abortReplacesTheInstanceAndServingGoesOn(Engine engine, Codec codec, Concurrency concurrency)
            throws Exception {
        try (WasmEvaluator e = Fixtures.builder(engine, codec, concurrency).build()) {
            e.setConfig(Fixtures.config("uncovered-distribution.json"));
            CoreAbortException abort = assertThrows(CoreAbortException.class,
                    () -> e.variable(USER, "broken-var", VariableType.Boolean));
            assertEquals("Failed to decide target variation: t-broken", abort.coreMessage());
            assertEquals("assembly/types/targetV2.ts", abort.file());
            assertTrue(abort.line() > 0 && abort.column() > 0, abort.line() + ":" + abort.column());
            assertEquals(1, e.instancesReplaced());
            assertEquals(true, e.variable(USER, "bool-var", VariableType.Boolean).value());

            List<Integer> aborts = Concurrently.onTwoThreads(() -> {
                int n = 0;
                for (int i = 0; i < 3; i++) {
                    try {
                        e.variable(USER, "broken-var", VariableType.Boolean);
                    } catch (CoreAbortException expected) {
                        n++;
                    }
                    assertEquals(true, e.variable(USER, "bool-var", VariableType.Boolean).value());
                }
                return n;
            });
            assertEquals(List.of(3, 3), aborts);
            assertEquals(7, e.instancesReplaced());
            assertEquals(true, e.variable(USER, "bool-var", VariableType.Boolean).value());
        }
    }
}

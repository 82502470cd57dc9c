package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flagparity.reference.api.ConfigException;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.InvalidUserException;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.wasm.engine.CoreAbortException;
import flagparity.wasm.engine.Engine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Config and client custom data updates reach every instance, and a rejected one changes nothing. */
class ConfigUpdateTest {
    private static final User USER = User.builder("u1").build();

    static Stream<Arguments> setups() {
        return Stream.of(
                Arguments.of(Engine.CHICORY_AOT, Codec.JSON, Concurrency.POOL),
                Arguments.of(Engine.CHICORY_AOT, Codec.PROTOBUF_PREALLOCATED, Concurrency.MUTEX),
                Arguments.of(Engine.WASMTIME, Codec.JSON_PREALLOCATED, Concurrency.POOL),
                Arguments.of(Engine.WASMTIME, Codec.PROTOBUF, Concurrency.MUTEX));
    }

    /** The values (or "null") two threads see for Boolean {@code key} over 25 lookups each. */
    private static Set<Object> seen(WasmEvaluator e, String key) throws InterruptedException {
        Set<Object> seen = new HashSet<>();
        for (List<Object> values : Concurrently.onTwoThreads(() -> {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                Variable v = e.variable(USER, key, VariableType.Boolean);
                out.add(v == null ? "null" : v.value());
            }
            return out;
        })) {
            seen.addAll(values);
        }
        return seen;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("setups")
    void rejectedConfigKeepsTheOldOneEverywhere(Engine engine, Codec codec, Concurrency concurrency) throws Exception {
        try (WasmEvaluator e = Fixtures.builder(engine, codec, concurrency).build()) {
            assertNull(e.variable(USER, "bool-var", VariableType.Boolean), "no config yet");
            assertThrows(EvaluationException.class, () -> e.bucketedConfig(USER));

            e.setConfig(Fixtures.handwrittenWithBoolVar(true));
            assertEquals(Set.of(true), seen(e, "bool-var"));

            ConfigException missingProject = assertThrows(ConfigException.class,
                    () -> e.setConfig("{\"environment\":{\"_id\":\"e\",\"key\":\"k\"},\"features\":[],\"variables\":[]}"));
            assertTrue(missingProject.getMessage().contains("project"), missingProject.getMessage());
            CoreAbortException abort = assertInstanceOf(CoreAbortException.class, missingProject.getCause());
            assertEquals(missingProject.getMessage(), abort.coreMessage());
            assertTrue(abort.file().startsWith("assembly/") || abort.file().startsWith("~lib/"), abort.file());
            assertThrows(ConfigException.class, () -> e.setConfig("not json"));
            assertEquals(Set.of(true), seen(e, "bool-var"));

            e.setConfig(Fixtures.handwrittenWithBoolVar(false));
            assertEquals(Set.of(false), seen(e, "bool-var"));
            assertEquals(0, e.instancesReplaced(), "a rejected config is not an abort of a serving instance");
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("setups")
    void clientCustomDataReachesEveryInstanceAndSurvivesConfigUpdates(Engine engine, Codec codec,
            Concurrency concurrency) throws Exception {
        try (WasmEvaluator e = Fixtures.builder(engine, codec, concurrency).build()) {
            e.setConfig(Fixtures.config("handwritten.json"));
            Set<Object> seen = seen(e, "custom-var");
            assertEquals(Set.of("null"), seen, "the user has no plan");

            e.setClientCustomData("{\"plan\":\"pro\"}");
            assertEquals(Set.of(true), seen(e, "custom-var"));

            InvalidUserException notAnObject = assertThrows(InvalidUserException.class,
                    () -> e.setClientCustomData("[1,2]"));
            assertFalse(notAnObject.getMessage().isEmpty());
            assertEquals(Set.of(true), seen(e, "custom-var"), "the previous client custom data stays");

            e.setConfig(Fixtures.handwrittenWithBoolVar(false));
            assertEquals(Set.of(true), seen(e, "custom-var"), "kept across a config update");
        }
    }
}

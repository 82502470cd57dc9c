package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.wasm.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Full collections of the core's heap on demand: every n lookups per instance, or on idle instances. */
class CoreGarbageTest {

    private static List<Variable> lookups(WasmEvaluator e, int n) {
        List<User> users = Fixtures.users(3);
        List<Variable> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Fixtures.Lookup l = Fixtures.LOOKUPS.get(i % Fixtures.LOOKUPS.size());
            answers.add(e.variable(users.get(i % users.size()), l.key, l.type));
        }
        return answers;
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"CHICORY_AOT", "WASMTIME"})
    void collectEveryThirdLookupAnswersAsNeverCollecting(Engine engine) {
        List<Variable> expected;
        try (WasmEvaluator never = Fixtures.builder(engine, Codec.JSON_PREALLOCATED, Concurrency.MUTEX).build()) {
            never.setConfig(Fixtures.config("handwritten.json"));
            expected = lookups(never, 100);
            assertEquals(0, never.coreCollections());
        }
        try (WasmEvaluator every3 = Fixtures.builder(engine, Codec.JSON_PREALLOCATED, Concurrency.MUTEX)
                .collectEvery(3).build()) {
            every3.setConfig(Fixtures.config("handwritten.json"));
            assertEquals(expected, lookups(every3, 100));
            assertEquals(33, every3.coreCollections());
            assertEquals(0, every3.instancesReplaced());
        }
    }

    @Test
    void idleCollectionRunsOnEveryFreeInstanceOfAPool() {
        try (WasmEvaluator pool = Fixtures.builder(Engine.CHICORY_AOT, Codec.JSON, Concurrency.POOL).build()) {
            pool.setConfig(Fixtures.config("handwritten.json"));
            List<Variable> before = lookups(pool, 20);
            assertEquals(2, pool.collectCoreGarbage());
            assertEquals(2, pool.coreCollections());
            assertEquals(before, lookups(pool, 20));
        }
    }

    @Test
    void aNegativeIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WasmEvaluator.builder().collectEvery(-1));
    }
}

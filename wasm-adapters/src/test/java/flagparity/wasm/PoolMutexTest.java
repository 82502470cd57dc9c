package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.wasm.Fixtures.Lookup;
import flagparity.wasm.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A pool and a mutex give the same answers, from two threads at once, as one thread alone. Users with
 * both customData and privateCustomData are left out: on the protobuf path they can break the core's
 * heap wherever its GC happens to step (D7 in results/DIVERGENCES.md), which two threads make
 * unpredictable, and that is the core's defect, not the strategies'.
 */
class PoolMutexTest {
    private static final List<User> USERS = Fixtures.users(6).stream()
            .filter(u -> u.customData() == null || u.privateCustomData() == null)
            .collect(Collectors.toList());

    private static List<Variable> all(WasmEvaluator e) {
        List<Variable> out = new ArrayList<>();
        for (User u : USERS) {
            for (Lookup l : Fixtures.LOOKUPS) {
                out.add(e.variable(u, l.key, l.type));
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"CHICORY_AOT", "WASMTIME"})
    void poolAndMutexAgreeUnderTwoThreads(Engine engine) throws Exception {
        String config = Fixtures.config("handwritten.json");
        try (WasmEvaluator mutex = Fixtures.builder(engine, Codec.PROTOBUF_PREALLOCATED, Concurrency.MUTEX).build();
                WasmEvaluator pool = Fixtures.builder(engine, Codec.PROTOBUF_PREALLOCATED, Concurrency.POOL).build()) {
            mutex.setConfig(config);
            pool.setConfig(config);
            List<Variable> sequential = all(mutex);
            for (List<Variable> answers : Concurrently.onTwoThreads(() -> all(mutex))) {
                assertEquals(sequential, answers, "mutex");
            }
            for (List<Variable> answers : Concurrently.onTwoThreads(() -> all(pool))) {
                assertEquals(sequential, answers, "pool");
            }
        }
    }
}

package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.wasm.engine.Engine;
import java.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The injected clock is the core's Date.now: it decides a scheduled rollout (2030-01-01 in handwritten.json). */
class ClockTest {

    private static Variable scheduled(Engine engine, Clock clock) {
        try (WasmEvaluator e = Fixtures.builder(engine, Codec.PROTOBUF_PREALLOCATED, Concurrency.MUTEX)
                .clock(clock).build()) {
            e.setConfig(Fixtures.config("handwritten.json"));
            return e.variable(User.builder("u1").build(), "scheduled-var", VariableType.Boolean);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"CHICORY_AOT", "WASMTIME"})
    void scheduleDecidesByTheInjectedClock(Engine engine) {
        assertNull(scheduled(engine, Fixtures.BEFORE_SCHEDULE));
        assertEquals(Boolean.TRUE, scheduled(engine, Fixtures.AFTER_SCHEDULE).value());
    }
}

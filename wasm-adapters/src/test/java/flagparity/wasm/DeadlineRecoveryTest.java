package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import flagparity.reference.api.ConfigException;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.wasm.engine.CallDeadlineException;
import flagparity.wasm.engine.CallDeadlines;
import flagparity.wasm.engine.Engine;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A call past its deadline through the evaluator, on every engine and both concurrency strategies:
 * the caller gets a {@link CallDeadlineException}, its instance is replaced from the config in
 * service, and the next calls answer as before. The overlong calls are real work far beyond the
 * deadlines set here: a user whose JSON is millions of characters long, a config padded likewise.
 */
class DeadlineRecoveryTest {
    private static final String HUGE = "a".repeat(6_000_000);

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "GRAALWASM", mode = EnumSource.Mode.EXCLUDE) // graalwasm: its own module (GraalWasmDeadlineTest)
    void aLookupPastItsDeadlineCostsItsInstanceOnly(Engine engine) {
        // the interpreter answers a sound lookup in milliseconds: it gets a longer deadline
        Duration lookup = Duration.ofMillis(engine == Engine.CHICORY_INTERPRETER ? 500 : 100);
        warmUp(engine);
        for (Concurrency concurrency : Concurrency.values()) {
            try (WasmEvaluator e = Fixtures.builder(engine, Codec.DEFAULT, concurrency)
                    .deadlines(new CallDeadlines(lookup, Duration.ofSeconds(30))).build()) {
                e.setConfig(Fixtures.config("handwritten.json"));
                User user = User.builder("u1").build();
                Variable before = e.variable(user, "bool-var", VariableType.Boolean);
                // custom data: the safe codec sends it as JSON, which the core parses slower than protobuf
                User huge = User.builder("u1").email(HUGE).customData(Map.<String, Object>of("pad", HUGE)).build();
                CallDeadlineException stopped = assertThrows(CallDeadlineException.class,
                        () -> e.variable(huge, "bool-var", VariableType.Boolean));
                assertEquals(lookup, stopped.deadline());
                assertEquals(1, e.instancesReplaced(), engine + " " + concurrency);
                assertEquals(before, e.variable(user, "bool-var", VariableType.Boolean));
                assertEquals(before, e.variable(user, "bool-var", VariableType.Boolean));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "GRAALWASM", mode = EnumSource.Mode.EXCLUDE) // graalwasm: its own module (GraalWasmDeadlineTest)
    void aConfigLoadPastItsDeadlineLeavesTheConfigInService(Engine engine) {
        // The padded config is thousands of times the sound one: a deadline of 20 sound loads stops
        // it on any engine, however loaded the machine, and lets the sound loads through.
        Duration load = Duration.ofMillis(100).plus(warmUp(engine).multipliedBy(20));
        try (WasmEvaluator e = Fixtures.builder(engine, Codec.DEFAULT, Concurrency.POOL)
                .deadlines(new CallDeadlines(Duration.ofSeconds(1), load)).build()) {
            e.setConfig(Fixtures.config("handwritten.json"));
            User user = User.builder("u1").build();
            Variable before = e.variable(user, "bool-var", VariableType.Boolean);
            String padded = Fixtures.config("handwritten.json").replaceFirst("\\{", "{\"padding\":\"" + HUGE.repeat(5) + "\",");
            ConfigException rejected = assertThrows(ConfigException.class, () -> e.setConfig(padded));
            CallDeadlineException stopped = assertInstanceOf(CallDeadlineException.class, rejected.getCause());
            assertEquals("setConfigDataUTF8", stopped.call());
            assertEquals(load, stopped.deadline());
            assertEquals(before, e.variable(user, "bool-var", VariableType.Boolean));
            assertEquals(0, e.instancesReplaced(), "the pool's instances in service are untouched");
        }
    }

    /**
     * The JVM runs an engine's code slowly until it has compiled it: a cold JVM's first config load
     * took over a second on the interpreter and over 20 ms on the compiled engines here, and a busy
     * machine stretches every call. The deadlines above are for a warm JVM, so the engine runs a few
     * sound calls under the default deadlines first; returns the slowest of its last sound config loads.
     */
    private static Duration warmUp(Engine engine) {
        long slowest = 0;
        try (WasmEvaluator e = Fixtures.builder(engine, Codec.DEFAULT, Concurrency.MUTEX).build()) {
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                e.setConfig(Fixtures.config("handwritten.json"));
                slowest = i < 2 ? 0 : Math.max(slowest, System.nanoTime() - start);
                e.variable(User.builder("u" + i).build(), "bool-var", VariableType.Boolean);
            }
        }
        return Duration.ofNanos(slowest);
    }
}

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
import flagparity.wasm.engine.CoreBuild;
import flagparity.wasm.engine.CoreInstance;
import flagparity.wasm.engine.Engine;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input nested deeper than the core's stack allows. The core's shadow-stack check aborts at 1:1
 * with a message and file it never wrote (core 1.32.0: 1,632 nested arrays); on Chicory a small
 * thread stack runs out before that check. Either way: a typed exception that says what happened,
 * the instance thrown away, and serving goes on. The interpreter takes seconds per deep parse and
 * shares every line of this code with the compiled Chicory engines, so it is left out.
 */
class DeepInputTest {
    private static final String DEEP = "[".repeat(2000) + "]".repeat(2000);
    private static final String STACK_CHECK =
            "the core aborted without a message at 1:1 (no file): its stack overflowed (input nested too deeply?)";
    private static final String KEY = "dvc_server_test";
    private static final User USER = User.builder("u1").build();
    /** Enough for every engine to reach the core's own check. */
    private static final long LARGE_STACK = 32L << 20;

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"CHICORY_COMPILER", "CHICORY_AOT", "WASMTIME"})
    void theCoresStackCheckIsAnAbortThatSaysWhatHappened(Engine engine) throws Throwable {
        onThread(LARGE_STACK, () -> {
            try (CoreInstance core = open(engine)) {
                // a config first, so the heap where the check's unwritten strings point is in use
                core.setConfig(KEY, Fixtures.config("handwritten.json"));
                CoreAbortException abort = assertThrows(CoreAbortException.class, () -> core.setConfig(KEY, DEEP));
                assertTrue(abort.stackOverflow());
                assertNull(abort.coreMessage());
                assertNull(abort.file());
                assertEquals(STACK_CHECK, abort.getMessage());
                assertFalse(core.usable());
            }
            try (CoreInstance core = open(engine)) {
                core.setConfig(KEY, Fixtures.config("handwritten.json"));
                CoreAbortException abort = assertThrows(CoreAbortException.class,
                        () -> core.variableForUser(KEY, "{\"user_id\":\"u1\",\"x\":" + DEEP + "}", "bool-var", 0));
                assertEquals(STACK_CHECK, abort.getMessage());
                assertFalse(core.usable());
            }
        });
    }

    static Stream<Arguments> setups() {
        return Stream.of(
                Arguments.of(Engine.CHICORY_AOT, Codec.JSON, Concurrency.MUTEX),
                Arguments.of(Engine.CHICORY_COMPILER, Codec.PROTOBUF, Concurrency.POOL),
                Arguments.of(Engine.WASMTIME, Codec.JSON_PREALLOCATED, Concurrency.MUTEX),
                Arguments.of(Engine.WASMTIME, Codec.PROTOBUF_PREALLOCATED, Concurrency.POOL));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("setups")
    void aDeepConfigOrClientCustomDataIsRejectedWithTheReasonAndServingGoesOn(Engine engine, Codec codec,
            Concurrency concurrency) throws Throwable {
        onThread(LARGE_STACK, () -> {
            try (WasmEvaluator e = Fixtures.builder(engine, codec, concurrency).build()) {
                e.setConfig(Fixtures.config("handwritten.json"));
                Variable known = e.variable(USER, "bool-var", VariableType.Boolean);
                String inAnUnknownField = Fixtures.config("handwritten.json").replaceFirst("\\{", "{\"zz\":" + DEEP + ",");
                for (String config : new String[] {DEEP, inAnUnknownField}) {
                    ConfigException rejected = assertThrows(ConfigException.class, () -> e.setConfig(config));
                    assertEquals(STACK_CHECK, rejected.getMessage());
                    assertEquals(known, e.variable(USER, "bool-var", VariableType.Boolean));
                }
                assertEquals(0, e.instancesReplaced(), "a rejected config never reached a serving instance");

                InvalidUserException refused = assertThrows(InvalidUserException.class,
                        () -> e.setClientCustomData("{\"x\":" + DEEP + "}"));
                assertEquals(STACK_CHECK, refused.getMessage());
                assertEquals(1, e.instancesReplaced(), "the instance that aborted was replaced");
                assertEquals(known, e.variable(USER, "bool-var", VariableType.Boolean));
            }
        });
    }

    /**
     * On 128 KiB Chicory's JVM stack runs out first: the core traps instead of aborting. The trap is
     * typed and explained too, and no Error reaches the caller. (wasmtime must not be run there: see
     * {@link Engine#WASMTIME}.)
     */
    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"CHICORY_COMPILER", "CHICORY_AOT"})
    void whenTheJvmStackRunsOutFirstChicoryFailsTypedToo(Engine engine) throws Throwable {
        onThread(128 << 10, () -> {
            try (WasmEvaluator e = Fixtures.builder(engine, Codec.JSON, Concurrency.MUTEX).build()) {
                e.setConfig(Fixtures.config("handwritten.json"));
                Variable known = e.variable(USER, "bool-var", VariableType.Boolean);
                ConfigException rejected = assertThrows(ConfigException.class, () -> e.setConfig(DEEP));
                EvaluationException trap = assertInstanceOf(EvaluationException.class, rejected.getCause());
                assertTrue(trap.getMessage().startsWith("the engine's call stack ran out inside the core (input nested"
                        + " too deeply?)"), trap.getMessage());
                assertEquals(known, e.variable(USER, "bool-var", VariableType.Boolean));
            }
        });
    }

    private static CoreInstance open(Engine engine) {
        CoreInstance core = CoreInstance.open(engine, CoreBuild.newest(), null, Fixtures.BEFORE_SCHEDULE);
        core.setPlatformData(flagparity.reference.api.JsonCodec.writePlatformData(Fixtures.PLATFORM));
        return core;
    }

    /** Runs {@code body} on a thread with {@code stackBytes} of stack and rethrows whatever it threw. */
    private static void onThread(long stackBytes, Executable body) throws Throwable {
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                body.execute();
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "deep-input", stackBytes);
        t.start();
        t.join();
        if (thrown[0] != null) {
            throw thrown[0];
        }
    }
}

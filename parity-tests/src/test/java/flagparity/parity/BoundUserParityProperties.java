package flagparity.parity;

import static org.junit.jupiter.api.Assertions.fail;

import flagparity.parity.gen.Generated;
import flagparity.workloads.gen.Pools;
import flagparity.parity.gen.Scenario;
import flagparity.parity.gen.ScenarioArbitraries;
import flagparity.parity.oracle.MutableClock;
import flagparity.parity.oracle.Outcome;
import flagparity.parity.oracle.ResultDiff;
import flagparity.reference.ReferenceEvaluator;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.api.UserEvaluator;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.Codec;
import flagparity.wasm.Concurrency;
import flagparity.wasm.WasmEngine;
import flagparity.wasm.engine.Engine;
import flagparity.wasm.WasmEvaluator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@code forUser(user).variable(key, type)} answers as {@code variable(user, key, type)} on the same
 * engine, for every engine x codec (and the pool once) and the reference: each try sets one generated
 * config on a plain evaluator and on one that serves bound users, binds each user once and asks the
 * try's requests in their generated order, so bound users alternate on an instance; every third
 * request the bound evaluator also answers a plain lookup, which overwrites the request buffers a
 * bound user left behind.
 *
 * <p>On the protobuf codecs only users without custom data are asked: with custom data the core's D7
 * can damage an instance's heap, and the two evaluators would then differ for a reason this property
 * does not test ({@link EngineParityProperties} covers those users).
 */
class BoundUserParityProperties {
    private static final PlatformData PLATFORM = JsonCodec.parsePlatformData(ScenarioArbitraries.FIXED_PLATFORM_DATA);
    private static MutableClock clock;
    /** Per engine x codec (x concurrency): the plain evaluator and the bound one, built once. */
    private static final Map<String, Evaluator[]> EVALUATORS = new HashMap<>();

    @BeforeContainer
    static void open() {
        clock = new MutableClock(Pools.T0);
    }

    @AfterContainer
    static void close() {
        for (Evaluator[] pair : EVALUATORS.values()) {
            pair[0].close();
            pair[1].close();
        }
        EVALUATORS.clear();
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return ScenarioArbitraries.scenarios(Generated.upTo(5, 3), 6, 40, 80, false, false);
    }

    @Provide
    Arbitrary<Scenario> interpreterScenarios() {
        return ScenarioArbitraries.scenarios(Generated.upTo(2, 2), 3, 10, 20, false, false);
    }

    /** The reference's bound user hashes a prepared user_id (rollouts and distributions): cheap, so many tries. */
    @Property(tries = 100, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void reference(@ForAll("scenarios") Scenario s) {
        for (CoreVersion version : CoreVersion.values()) {
            check("reference " + version.id(), true, s, () -> new ReferenceEvaluator(version, PLATFORM, clock));
        }
    }

    @Property(tries = 10, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void chicoryAot(@ForAll("scenarios") Scenario s) {
        checkEngine(Engine.CHICORY_AOT, s);
        check(WasmEngine.of(Engine.CHICORY_AOT).id() + " pool", false, s, () -> wasm(Engine.CHICORY_AOT, Codec.PROTOBUF_PREALLOCATED,
                Concurrency.POOL));
    }

    @Property(tries = 10, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void chicoryCompiler(@ForAll("scenarios") Scenario s) {
        checkEngine(Engine.CHICORY_COMPILER, s);
    }

    @Property(tries = 15, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void wasmtime(@ForAll("scenarios") Scenario s) {
        checkEngine(Engine.WASMTIME, s);
    }

    /** On JDK 21+ only (skipped on 17), in a fork with the optimizing Truffle runtime (the graalwasm profile). */
    @Property(tries = 5, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(SkipUnavailableGraalWasm.class)
    void graalwasm(@ForAll("scenarios") Scenario s) {
        checkEngine(Engine.GRAALWASM, s);
        check(WasmEngine.of(Engine.GRAALWASM).id() + " pool", true, s, () -> wasm(Engine.GRAALWASM, Codec.JSON, Concurrency.POOL));
    }

    /** The interpreter takes milliseconds per call: a few tiny configs. */
    @Property(tries = 2, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void chicoryInterpreter(@ForAll("interpreterScenarios") Scenario s) {
        checkEngine(Engine.CHICORY_INTERPRETER, s);
    }

    private static void checkEngine(Engine engine, Scenario s) {
        for (Codec codec : Codec.values()) {
            check(WasmEngine.of(engine).id() + " x " + codec.id(), !codec.rawProtobuf(), s, () -> wasm(engine, codec, Concurrency.MUTEX));
        }
    }

    private static Evaluator wasm(Engine engine, Codec codec, Concurrency concurrency) {
        return WasmEvaluator.builder().engine(engine).codec(codec).concurrency(concurrency).poolSize(2)
                .platformData(PLATFORM).clock(clock).build();
    }

    private static void check(String name, boolean customDataUsers, Scenario s, Supplier<Evaluator> make) {
        Evaluator[] pair = EVALUATORS.computeIfAbsent(name, n -> new Evaluator[] {make.get(), make.get()});
        Evaluator plain = pair[0];
        Evaluator bound = pair[1];
        clock.set(s.now());
        String customData = s.clientCustomData() == null ? "{}" : s.clientCustomData();
        Outcome plainConfig = configure(plain, s.config(), customData);
        Outcome boundConfig = configure(bound, s.config(), customData);
        expectSame(name + ": setConfig", plainConfig, boundConfig, s);
        if (plainConfig.kind() == Outcome.Kind.ERROR) {
            return;
        }
        List<User> users = new ArrayList<>();
        for (String u : s.userJsons()) {
            users.add(JsonCodec.parseUser(u));
        }
        Map<Integer, UserEvaluator> bindings = new HashMap<>();
        int asked = 0;
        for (Scenario.Request r : s.requests()) {
            User user = users.get(r.user());
            if (!customDataUsers && (user.customData() != null || user.privateCustomData() != null)) {
                continue;
            }
            UserEvaluator forUser = bindings.computeIfAbsent(r.user(), i -> bound.forUser(user));
            String what = name + ": " + r.key() + " (" + r.type() + ") for " + JsonCodec.writeUser(user);
            Outcome want = Outcome.ofVariable(() -> plain.variable(user, r.key(), r.type()));
            expectSame(what + " bound", want, Outcome.ofVariable(() -> forUser.variable(r.key(), r.type())), s);
            if (++asked % 3 == 0) {
                expectSame(what + " plain, between bound lookups", want,
                        Outcome.ofVariable(() -> bound.variable(user, r.key(), r.type())), s);
            }
        }
    }

    private static Outcome configure(Evaluator e, String config, String clientCustomData) {
        return Outcome.of(() -> {
            e.setClientCustomData(clientCustomData);
            e.setConfig(config);
            return "{}";
        });
    }

    private static void expectSame(String what, Outcome want, Outcome got, Scenario s) {
        Optional<String> diff = ResultDiff.diff(want, got);
        if (diff.isPresent()) {
            fail(what + ": " + diff.get() + "\n  variable(): " + want + "\n  forUser():  " + got + "\n  scenario: " + s.toJson());
        }
    }
}

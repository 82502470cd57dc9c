package flagparity.parity;

import flagparity.parity.gen.Pools;
import flagparity.parity.gen.Scenario;
import flagparity.parity.gen.ScenarioArbitraries;
import flagparity.parity.oracle.Case;
import flagparity.parity.oracle.CoreOracle;
import flagparity.parity.oracle.Mismatches;
import flagparity.parity.oracle.MutableClock;
import flagparity.parity.oracle.Outcome;
import flagparity.parity.oracle.Pair;
import flagparity.parity.oracle.SaveFailures;
import flagparity.reference.ReferenceEvaluator;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.json.JsonCodec;
import flagparity.wasm.Codec;
import flagparity.wasm.Concurrency;
import flagparity.wasm.Engine;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every engine x codec against the reference (property 1) and against the core's plain JSON path
 * (property 5). Each try sets one generated config on every codec of an engine and asks a batch of
 * users x keys; evaluators are built once per engine and reused.
 *
 * <p>The protobuf codecs send every custom data number as a double, so they are compared with the
 * JSON path given the same user with integers written as floats ({@link #asProtobufSeesIt}); the
 * named tests in {@link CodecDivergenceTest} pin what that changes.
 */
@AddLifecycleHook(SaveFailures.class)
class EngineParityProperties {
    private static final PlatformData PLATFORM = JsonCodec.parsePlatformData(ScenarioArbitraries.FIXED_PLATFORM_DATA);
    private static MutableClock clock;
    private static CoreOracle jsonPath;
    private static final Map<Engine, List<Pair>> PAIRS = new EnumMap<>(Engine.class);

    @BeforeContainer
    static void open() {
        clock = new MutableClock(Pools.T0);
        jsonPath = new CoreOracle(Engine.CHICORY_AOT, clock);
        jsonPath.setPlatformData(ScenarioArbitraries.FIXED_PLATFORM_DATA);
    }

    @AfterContainer
    static void close() {
        System.out.println("[parity] engine x codec evaluations (time includes setConfig on every try):");
        for (List<Pair> pairs : PAIRS.values()) {
            for (Pair p : pairs) {
                System.out.println("[parity]   " + p.summary());
                p.close();
            }
        }
        PAIRS.clear();
        jsonPath.close();
    }

    private static List<Pair> pairs(Engine engine) {
        return PAIRS.computeIfAbsent(engine, e -> {
            List<Pair> list = new ArrayList<>();
            for (Codec c : Codec.values()) {
                list.add(new Pair(e, c, Concurrency.MUTEX, PLATFORM, clock));
            }
            if (e == Engine.CHICORY_AOT) {
                list.add(new Pair(e, Codec.JSON, Concurrency.POOL, PLATFORM, clock));
            }
            return list;
        });
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return ScenarioArbitraries.scenarios(8, 60, false, false);
    }

    @Provide
    Arbitrary<Scenario> smallScenarios() {
        return ScenarioArbitraries.scenarios(3, 12, false, false);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void chicoryAot(@ForAll("scenarios") Scenario s) {
        check(Engine.CHICORY_AOT, s);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void chicoryCompiler(@ForAll("scenarios") Scenario s) {
        check(Engine.CHICORY_COMPILER, s);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void wasmtime(@ForAll("scenarios") Scenario s) {
        check(Engine.WASMTIME, s);
    }

    /** The interpreter takes milliseconds per call: fewer, smaller tries. */
    @Property(tries = 25, shrinking = ShrinkingMode.OFF)
    void chicoryInterpreter(@ForAll("smallScenarios") Scenario s) {
        check(Engine.CHICORY_INTERPRETER, s);
    }

    private static void check(Engine engine, Scenario s) {
        clock.set(s.now());
        Mismatches m = new Mismatches(engine.id());
        List<User> users = new ArrayList<>();
        List<String> userTexts = new ArrayList<>();
        for (String u : s.userJsons()) {
            User user = JsonCodec.parseUser(u);
            users.add(user);
            userTexts.add(JsonCodec.writeUser(user));
        }
        ReferenceEvaluator ref = new ReferenceEvaluator(PLATFORM, clock);
        Outcome refConfig = Outcome.of(() -> {
            ref.setConfig(s.config());
            return "{}";
        });
        Outcome coreConfig = jsonPath.setConfig(s.config());
        Map<Scenario.Request, Outcome> refAnswers = new LinkedHashMap<>();
        for (Scenario.Request r : s.requests()) {
            refAnswers.put(r, refConfig.kind() == Outcome.Kind.ERROR ? refConfig
                    : Outcome.ofVariable(() -> ref.variable(users.get(r.user()), r.key(), r.type())));
        }
        for (Pair p : pairs(engine)) {
            Function<Case, Case.Answers> versusReference = c -> new Case.Answers(answer(p, c), c.reference(clock));
            Function<Case, Case.Answers> versusJsonPath = c -> new Case.Answers(jsonPathAnswer(p, c), answer(p, c));
            Outcome pairConfig = Outcome.of(() -> {
                p.evaluator().setConfig(s.config());
                return "{}";
            });
            Case configCase = Case.setConfig(s.config(), s.now(), ScenarioArbitraries.FIXED_PLATFORM_DATA);
            m.check(p.name() + " vs reference: setConfig", configCase, new Case.Answers(pairConfig, refConfig), versusReference);
            m.check(p.name() + " vs core JSON path: setConfig", configCase, new Case.Answers(coreConfig, pairConfig), versusJsonPath);
            if (pairConfig.kind() == Outcome.Kind.ERROR) {
                continue;
            }
            for (Scenario.Request r : s.requests()) {
                User user = users.get(r.user());
                Case c = Case.variable(s.config(), s.now(), ScenarioArbitraries.FIXED_PLATFORM_DATA, userTexts.get(r.user()), r.key(), r.type());
                Outcome got = p.timed(() -> p.jsonCodec()
                        ? Outcome.of(() -> p.evaluator().variableJson(user, r.key(), r.type())).asApiVariable()
                        : Outcome.ofVariable(() -> p.evaluator().variable(user, r.key(), r.type())));
                m.check(p.name() + " vs reference: variable " + r.key() + " (" + r.type() + ")", c,
                        new Case.Answers(got, refAnswers.get(r)), versusReference);
                m.check(p.name() + " vs core JSON path: variable " + r.key() + " (" + r.type() + ")", c,
                        new Case.Answers(jsonPathAnswer(p, c), got), versusJsonPath);
                if (p.jsonCodec()) {
                    // the API form of the same lookup
                    Outcome api = p.timed(() -> Outcome.ofVariable(() -> p.evaluator().variable(user, r.key(), r.type())));
                    m.check(p.name() + " variable() vs its own variableJson()", c, new Case.Answers(got, api), versusReference);
                }
            }
            if (p.codec() == Codec.JSON) {
                for (int u = 0; u < users.size(); u++) {
                    User user = users.get(u);
                    Outcome got = p.timed(() -> Outcome.of(() -> p.evaluator().bucketedConfig(user)));
                    Outcome want = Outcome.of(() -> ref.bucketedConfig(user));
                    m.check(p.name() + " vs reference: bucketedConfig",
                            Case.bucketedConfig(s.config(), s.now(), ScenarioArbitraries.FIXED_PLATFORM_DATA, userTexts.get(u)),
                            new Case.Answers(got, want), c -> new Case.Answers(bucketAnswer(p, c), c.reference(clock)));
                }
            }
        }
        m.assertNone();
    }

    /** A pair's answer to a case (for minimizing: the pair takes the case's config first). */
    private static Outcome answer(Pair p, Case c) {
        clock.set(c.now());
        Outcome accepted = Outcome.of(() -> {
            p.evaluator().setConfig(c.config());
            return "{}";
        });
        if (c.check() == Case.Check.SET_CONFIG || accepted.kind() == Outcome.Kind.ERROR) {
            return accepted;
        }
        User user = JsonCodec.parseUser(c.user());
        return p.jsonCodec()
                ? Outcome.of(() -> p.evaluator().variableJson(user, c.key(), c.type())).asApiVariable()
                : Outcome.ofVariable(() -> p.evaluator().variable(user, c.key(), c.type()));
    }

    private static Outcome bucketAnswer(Pair p, Case c) {
        clock.set(c.now());
        Outcome accepted = Outcome.of(() -> {
            p.evaluator().setConfig(c.config());
            return "{}";
        });
        if (accepted.kind() == Outcome.Kind.ERROR) {
            return accepted;
        }
        User user = JsonCodec.parseUser(c.user());
        return Outcome.of(() -> p.evaluator().bucketedConfig(user));
    }

    /**
     * The core's plain JSON path ({@code variableForUser} with the user's JSON text), given the user
     * as the pair's codec presents it to the core.
     */
    private static Outcome jsonPathAnswer(Pair p, Case c) {
        if (c.check() != Case.Check.VARIABLE || p.jsonCodec()) {
            return c.core(jsonPath, clock).asApiVariable();
        }
        String seen = JsonCodec.writeUser(asProtobufSeesIt(JsonCodec.parseUser(c.user())));
        return Case.variable(c.config(), c.now(), c.platformData(), seen, c.key(), c.type()).core(jsonPath, clock).asApiVariable();
    }

    /** The user as the protobuf codecs deliver it: {@code CustomDataValue} holds numbers as doubles only. */
    static User asProtobufSeesIt(User u) {
        User.Builder b = User.builder(u.userId()).email(u.email()).name(u.name()).language(u.language()).country(u.country())
                .appVersion(u.appVersion()).appBuild(u.appBuild()).deviceModel(u.deviceModel());
        if (u.customData() != null) {
            b.customData(doubles(u.customData()));
        }
        if (u.privateCustomData() != null) {
            b.privateCustomData(doubles(u.privateCustomData()));
        }
        return b.build();
    }

    private static Map<String, Object> doubles(Map<String, Object> data) {
        Map<String, Object> out = new LinkedHashMap<>();
        data.forEach((k, v) -> out.put(k, v instanceof Long ? (Object) ((Long) v).doubleValue() : v));
        return out;
    }
}

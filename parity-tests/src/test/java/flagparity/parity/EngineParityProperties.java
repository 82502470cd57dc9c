package flagparity.parity;

import flagparity.parity.gen.Generated;
import flagparity.workloads.gen.Pools;
import flagparity.parity.gen.Scenario;
import flagparity.parity.gen.ScenarioArbitraries;
import flagparity.parity.oracle.Case;
import flagparity.parity.oracle.CodecView;
import flagparity.parity.oracle.CoreOracle;
import flagparity.parity.oracle.Mismatches;
import flagparity.parity.oracle.MutableClock;
import flagparity.parity.oracle.Outcome;
import flagparity.parity.oracle.Pair;
import flagparity.parity.oracle.SaveFailures;
import flagparity.reference.ReferenceEvaluator;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.Codec;
import flagparity.wasm.Concurrency;
import flagparity.wasm.WasmEngine;
import flagparity.wasm.engine.Engine;
import flagparity.wasm.engine.CoreBuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 * Every engine x codec against the reference (property 1) and against the core's plain JSON path
 * (property 5). Each try sets one generated config on every codec of an engine and asks a batch of
 * users x keys; evaluators are built once per engine and reused. Users are generated as JSON text,
 * numbers spelled as only a request can ({@code -0}, {@code 1e3}), and reach every evaluator as that
 * text ({@link JsonCodec#parseUser}, the CLI's door). No mismatch is tolerated on any pair.
 *
 * <p>The protobuf codecs are compared with what the JSON path and the reference give for the user as
 * those codecs send it, in the form those codecs can deliver ({@link CodecView}); the named tests in
 * {@link CodecDivergenceTest} pin what that changes.
 *
 * <p>A raw protobuf codec gets only the users its core build's protobuf entry points are safe for
 * ({@link CoreBuild#protobufSafeFor}), the rule the safe codec routes by. On a version whose
 * DevCycle build has D8 (1.42.8: any protobuf lookup is exposed, though none was met in 200,000
 * natural ones) the raw protobuf codecs run that version's fixed build ({@link #buildFor}: same
 * answers, D7 and D8 repaired), so the property stays deterministic and still checks 1.42.8's
 * protobuf answers; DevCycle's 1.42.8 itself is asked through the JSON and safe codecs.
 */
@AddLifecycleHook(SaveFailures.class)
class EngineParityProperties {
    private static final PlatformData PLATFORM = JsonCodec.parsePlatformData(ScenarioArbitraries.FIXED_PLATFORM_DATA);
    private static MutableClock clock;
    private static Map<CoreVersion, CoreOracle> jsonPaths;
    /** The pairs of an engine on a core version, keyed {@link #pairsKey}. */
    private static final Map<String, List<Pair>> PAIRS = new LinkedHashMap<>();
    /**
     * Lookups of users with custom data not sent to the raw protobuf codecs on a build with D7: there
     * they meet it (an abort, a wrong answer or a loop, on that lookup or a later one), which its own
     * pinned test shows ({@link CodecDivergenceTest}). The safe codec, the JSON codecs and the reference
     * get every user, and no mismatch is tolerated on any pair.
     */
    private static int customDataKeptOffRawProtobuf;

    @BeforeContainer
    static void open() {
        clock = new MutableClock(Pools.T0);
        jsonPaths = CoreOracle.perVersion(Engine.CHICORY_AOT, clock);
        jsonPaths.values().forEach(c -> c.setPlatformData(ScenarioArbitraries.FIXED_PLATFORM_DATA));
    }

    @AfterContainer
    static void close() {
        Mismatches.printSurvey();
        System.out.println("[parity] engine x codec evaluations (times from a test JVM, not a benchmark):");
        for (List<Pair> pairs : PAIRS.values()) {
            for (Pair p : pairs) {
                System.out.println("[parity]   " + p.summary() + " (core " + p.build() + ")");
                p.close();
            }
        }
        PAIRS.clear();
        jsonPaths.values().forEach(CoreOracle::close);
        System.out.println("[parity] lookups of users with custom data kept off the raw protobuf codecs on a build with D7: "
                + customDataKeptOffRawProtobuf);
    }

    private static String pairsKey(Engine engine, CoreVersion version) {
        return WasmEngine.of(engine).id() + " on " + version;
    }

    /** DevCycle's build of {@code version}, but its fixed build for a raw protobuf codec where DevCycle's has D8. */
    private static CoreBuild buildFor(Codec codec, CoreVersion version) {
        CoreBuild own = CoreBuild.of(version);
        return codec.rawProtobuf() && own.hasD8() ? new CoreBuild(version, true) : own;
    }

    private static List<Pair> pairs(Engine e, CoreVersion version) {
        return PAIRS.computeIfAbsent(pairsKey(e, version), k -> {
            List<Pair> list = new ArrayList<>();
            for (Codec c : Codec.values()) {
                list.add(new Pair(e, c, Concurrency.MUTEX, buildFor(c, version), PLATFORM, clock));
            }
            if (e == Engine.CHICORY_AOT) {
                // the pool strategy once, on the default codec: it must not change an answer
                list.add(new Pair(e, Codec.DEFAULT, Concurrency.POOL, CoreBuild.of(version), PLATFORM, clock));
            }
            return list;
        });
    }

    /**
     * Small configs (large ones are the core property's job) and many lookups per config: a Wasm
     * evaluator builds a fresh instance per slot on every setConfig, by far the costliest step.
     */
    @Provide
    Arbitrary<Scenario> scenarios() {
        return ScenarioArbitraries.scenarios(Generated.upTo(5, 3), 12, 200, 300, true, false);
    }

    @Provide
    Arbitrary<Scenario> interpreterScenarios() {
        return ScenarioArbitraries.scenarios(Generated.upTo(2, 2), 4, 30, 50, true, false);
    }

    @Property(tries = 50, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void chicoryAot(@ForAll("scenarios") Scenario s, @ForAll CoreVersion version) {
        check(Engine.CHICORY_AOT, version, s);
    }

    @Property(tries = 50, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void chicoryCompiler(@ForAll("scenarios") Scenario s, @ForAll CoreVersion version) {
        check(Engine.CHICORY_COMPILER, version, s);
    }

    @Property(tries = 50, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void wasmtime(@ForAll("scenarios") Scenario s, @ForAll CoreVersion version) {
        check(Engine.WASMTIME, version, s);
    }

    /** On JDK 21+ only (skipped on 17), in a fork with the optimizing Truffle runtime (the graalwasm profile). */
    @Property(tries = 15, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(SkipUnavailableGraalWasm.class)
    void graalwasm(@ForAll("scenarios") Scenario s, @ForAll CoreVersion version) {
        check(Engine.GRAALWASM, version, s);
    }

    /** The interpreter takes milliseconds per call: a few tiny configs. */
    @Property(tries = 6, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void chicoryInterpreter(@ForAll("interpreterScenarios") Scenario s, @ForAll CoreVersion version) {
        check(Engine.CHICORY_INTERPRETER, version, s);
    }

    /** A request's answers from the reference and the core's JSON path, for the JSON and the protobuf codecs. */
    private record Expected(Outcome referenceJson, Outcome referenceProtobuf, Outcome coreJson, Outcome coreProtobuf) {}

    private static void check(Engine engine, CoreVersion version, Scenario s) {
        clock.set(s.now());
        CoreOracle jsonPath = jsonPaths.get(version);
        Mismatches m = new Mismatches(WasmEngine.of(engine).id() + " on " + version);
        String pd = ScenarioArbitraries.FIXED_PLATFORM_DATA;
        List<User> users = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String u : s.userJsons()) {
            // the user's own text, number spellings and all, through the door the CLI uses
            users.add(JsonCodec.parseUser(u));
            texts.add(u);
        }
        // what every pair of a kind must answer: the reference and the core's JSON path, each given the
        // user as a JSON codec or as a protobuf codec presents it (computed once per try)
        Map<Scenario.Request, Case> cases = new LinkedHashMap<>();
        Map<Scenario.Request, Expected> expected = new LinkedHashMap<>();
        for (Scenario.Request r : s.requests()) {
            Case c = Case.variable(s.config(), s.now(), pd, texts.get(r.user()), r.key(), r.type())
                    .withClientCustomData(s.clientCustomData()).on(version);
            cases.put(r, c);
            Outcome refJson = CodecView.referenceAnswer(true, c, clock);
            Outcome coreJson = CodecView.coreAnswer(true, c, jsonPath, clock);
            Case seen = CodecView.protobufInput(c);
            boolean same = seen.user().equals(c.user()) && seen.key().equals(c.key());
            expected.put(r, new Expected(refJson,
                    same ? refJson.asProtobufDelivers() : CodecView.referenceAnswer(false, c, clock),
                    coreJson,
                    same ? coreJson.asProtobufDelivers() : CodecView.coreAnswer(false, c, jsonPath, clock)));
        }
        Case configCase = Case.setConfig(s.config(), s.now(), pd).withClientCustomData(s.clientCustomData()).on(version);
        Outcome refConfig = configCase.reference(clock);
        Outcome coreConfig = configCase.core(jsonPath, clock);
        for (Pair p : pairs(engine, version)) {
            String name = p.name();
            Function<Case, Case.Answers> versusReference =
                    c -> new Case.Answers(p.answer(c, clock), CodecView.referenceAnswer(jsonFor(p, c), c, clock));
            Function<Case, Case.Answers> versusJsonPath =
                    c -> new Case.Answers(CodecView.coreAnswer(jsonFor(p, c), c, jsonPath, clock), p.answer(c, clock));
            Outcome pairConfig = p.timedConfig(() -> p.answer(configCase, clock));
            m.check(name + " vs reference: setConfig", name, configCase, new Case.Answers(pairConfig, refConfig), versusReference);
            m.check(name + " vs core JSON path: setConfig", name, configCase, new Case.Answers(coreConfig, pairConfig), versusJsonPath);
            if (pairConfig.kind() == Outcome.Kind.ERROR) {
                continue;
            }
            boolean rawProtobuf = p.codec().rawProtobuf();
            for (int i = 0; i < s.requests().size(); i++) {
                Scenario.Request r = s.requests().get(i);
                User user = users.get(r.user());
                if (rawProtobuf && !p.build().protobufSafeFor(user.customData() != null || user.privateCustomData() != null)) {
                    customDataKeptOffRawProtobuf++;
                    continue;
                }
                boolean json = p.jsonFor(user);
                Case c = cases.get(r);
                Expected want = expected.get(r);
                Outcome wantReference = json ? want.referenceJson() : want.referenceProtobuf();
                Outcome wantCore = json ? want.coreJson() : want.coreProtobuf();
                Outcome got = p.timed(() -> p.lookup(user, r.key(), r.type()));
                String what = " variable " + r.key() + " (" + r.type() + ")";
                m.check(name + " vs reference:" + what, name, c, new Case.Answers(got, wantReference), versusReference);
                m.check(name + " vs core JSON path:" + what, name, c, new Case.Answers(wantCore, got), versusJsonPath);
                if (json) {
                    // the API form of the same lookup reads the text the core wrote
                    Outcome api = Outcome.ofVariable(() -> p.evaluator().variable(user, r.key(), r.type()));
                    m.check(name + " variable() vs its own variableJson():" + what, name, c, new Case.Answers(got, api),
                            cc -> new Case.Answers(p.answer(cc, clock), p.apiAnswer(cc, clock)));
                }
            }
            if (p.codec() == Codec.JSON) {
                for (int u = 0; u < users.size(); u++) {
                    User user = users.get(u);
                    Case c = Case.bucketedConfig(s.config(), s.now(), pd, texts.get(u)).withClientCustomData(s.clientCustomData())
                            .on(version);
                    Outcome got = p.timed(() -> Outcome.of(() -> p.evaluator().bucketedConfig(user)));
                    m.check(name + " vs reference: bucketedConfig", name, c, new Case.Answers(got, c.reference(clock)),
                            cc -> new Case.Answers(p.answer(cc, clock), cc.reference(clock)));
                }
            }
        }
        try {
            m.assertNone();
        } catch (AssertionError e) {
            // a failure may depend on the calls before it on the same instance: keep the whole try
            saveTry(engine, s);
            throw e;
        }
    }

    /** Whether the pair answers the case as a JSON codec (a setConfig or bucketedConfig case: either way). */
    private static boolean jsonFor(Pair p, Case c) {
        return c.check() != Case.Check.VARIABLE || p.jsonFor(JsonCodec.parseUser(c.user()));
    }

    private static void saveTry(Engine engine, Scenario s) {
        try {
            Path dir = Path.of("target", "parity-failures");
            Files.createDirectories(dir);
            String json = s.toJson();
            Path file = dir.resolve(WasmEngine.of(engine).id() + "-try-" + Integer.toHexString(json.hashCode()) + ".json");
            Files.writeString(file, json, StandardCharsets.UTF_8);
            System.out.println("[parity] " + WasmEngine.of(engine).id() + ": the whole try saved to " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package flagparity.parity;

import flagparity.parity.gen.Generated;
import flagparity.workloads.gen.Pools;
import flagparity.parity.gen.Scenario;
import flagparity.parity.gen.ScenarioArbitraries;
import flagparity.parity.oracle.Case;
import flagparity.parity.oracle.CoreOracle;
import flagparity.parity.oracle.Mismatches;
import flagparity.parity.oracle.MutableClock;
import flagparity.parity.oracle.Outcome;
import flagparity.parity.oracle.SaveFailures;
import flagparity.reference.ReferenceEvaluator;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.WasmEngine;
import flagparity.wasm.engine.Engine;
import java.util.EnumMap;
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
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The reference against the real core, both given the same JSON texts (what a request line holds):
 * variables, bucketed configs, and which configs are accepted. The core runs on the fastest engine
 * ({@code -Dparity.oracle=ENGINE} picks another); it is the oracle, the reference the subject. Each
 * try picks a core version; the reference answers as that version.
 *
 * <p>A failure is minimized on the JSON itself (jqwik's shrinking is off: see {@link Case#minimize}).
 */
@AddLifecycleHook(SaveFailures.class)
class CoreParityProperties {
    private static MutableClock clock;
    private static Map<CoreVersion, CoreOracle> cores;
    private static final Map<CoreVersion, Long> EVALUATIONS = new EnumMap<>(CoreVersion.class);

    @BeforeContainer
    static void open() {
        clock = new MutableClock(Pools.T0);
        cores = CoreOracle.perVersion(WasmEngine.runtime(System.getProperty("parity.oracle", WasmEngine.of(Engine.CHICORY_AOT).id())), clock);
    }

    @AfterContainer
    static void close() {
        Mismatches.printSurvey();
        for (CoreOracle core : cores.values()) {
            System.out.println("[parity] core " + core.version() + " (" + WasmEngine.of(core.engine()).id() + ") vs reference on raw JSON: "
                    + EVALUATIONS.getOrDefault(core.version(), 0L) + " evaluations; core instance replaced "
                    + core.reopened() + " times after aborts");
            core.close();
        }
        EVALUATIONS.clear();
    }

    /** Every try asks this many variables (and a bucketed config per user): the deep run counts on it. */
    static final int MIN_EVALUATIONS_PER_TRY = 40;

    @Provide
    Arbitrary<Scenario> scenarios() {
        return ScenarioArbitraries.scenarios(Generated.everySize(), 8, MIN_EVALUATIONS_PER_TRY, MIN_EVALUATIONS_PER_TRY,
                true, true);
    }

    /**
     * Properties 1, 2 and 4 on raw texts: the reference accepts the configs the core accepts, and
     * gives every request the core's variable (or null, or an error) and every user the core's
     * bucketed config. {@code -Dparity.tries=N} makes this the deep run (see {@link ParityTries}).
     */
    @Property(tries = 150, shrinking = ShrinkingMode.OFF)
    @StatisticsReport(onFailureOnly = true)
    @AddLifecycleHook(ParityTries.class)
    void referenceAgreesWithCore(@ForAll("scenarios") Scenario s, @ForAll CoreVersion version) {
        CoreOracle core = cores.get(version);
        Function<Case, Case.Answers> compare = Case.coreVersusReference(core, clock);
        Statistics.label("core").collect(version.id());
        Mismatches m = new Mismatches("referenceAgreesWithCore");
        clock.set(s.now());
        core.setPlatformData(s.platformData());
        core.setClientCustomData(s.clientCustomData());
        Outcome coreConfig = core.setConfig(s.config());
        ReferenceEvaluator ref = new ReferenceEvaluator(version, JsonCodec.parsePlatformData(s.platformData()), clock);
        if (s.clientCustomData() != null) {
            ref.setClientCustomData(s.clientCustomData());
        }
        Outcome refConfig = Outcome.of(() -> {
            ref.setConfig(s.config());
            return "{}";
        });
        Statistics.label("config").collect(coreConfig.kind() == Outcome.Kind.ERROR ? "rejected" : "accepted");
        m.check("setConfig", Case.setConfig(s.config(), s.now(), s.platformData()).withClientCustomData(s.clientCustomData())
                        .on(version),
                new Case.Answers(coreConfig, refConfig), compare);
        if (coreConfig.kind() == Outcome.Kind.VALUE && refConfig.kind() == Outcome.Kind.VALUE) {
            List<String> users = s.userJsons();
            for (Scenario.Request r : s.requests()) {
                String user = users.get(r.user());
                Outcome expected = core.variable(user, r.key(), r.type()).asApiVariable();
                Outcome actual = Outcome.ofVariable(() -> ref.variable(JsonCodec.parseUser(user), r.key(), r.type()));
                Statistics.label("variable").collect(expected.kind().name());
                m.check("variable " + r.key() + " (" + r.type() + ")",
                        Case.variable(s.config(), s.now(), s.platformData(), user, r.key(), r.type())
                                .withClientCustomData(s.clientCustomData()).on(version),
                        new Case.Answers(expected, actual), compare);
                EVALUATIONS.merge(version, 1L, Long::sum);
            }
            for (String user : users) {
                Outcome expected = core.bucketedConfig(user);
                Outcome actual = Outcome.of(() -> ref.bucketedConfig(JsonCodec.parseUser(user)));
                m.check("bucketedConfig",
                        Case.bucketedConfig(s.config(), s.now(), s.platformData(), user).withClientCustomData(s.clientCustomData())
                                .on(version),
                        new Case.Answers(expected, actual), compare);
                EVALUATIONS.merge(version, 1L, Long::sum);
            }
        }
        m.assertNone();
        // the generators are worth little unless the core accepts their configs and serves values often
        Statistics.label("config").coverage(c -> c.check("accepted").percentage(p -> p >= 90));
        // every version gets its share of the tries
        Statistics.label("core").coverage(c -> {
            for (CoreVersion v : CoreVersion.values()) {
                c.check(v.id()).percentage(p -> p >= 100.0 / CoreVersion.values().length / 2);
            }
        });
        Statistics.label("variable").coverage(c -> {
            c.check("VALUE").percentage(p -> p >= 25);
            c.check("NULL").percentage(p -> p >= 20);
            // errors (an uncovered distribution and the like) are rare: a verify run met none in 5,880
            // lookups once, so only the deep run is held to meeting one
            if (ParityTries.deep()) {
                c.check("ERROR").count(n -> n > 0);
            }
        });
    }
}

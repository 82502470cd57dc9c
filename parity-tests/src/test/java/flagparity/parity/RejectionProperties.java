package flagparity.parity;

import flagparity.parity.gen.Generated;
import flagparity.workloads.gen.Pools;
import flagparity.parity.gen.ScenarioArbitraries;
import flagparity.parity.oracle.Case;
import flagparity.parity.oracle.CoreOracle;
import flagparity.parity.oracle.Mismatches;
import flagparity.parity.oracle.MutableClock;
import flagparity.parity.oracle.Outcome;
import flagparity.parity.oracle.SaveFailures;
import flagparity.workloads.gen.ConfigGenerator;
import flagparity.workloads.gen.Mutations;
import flagparity.workloads.gen.Profile;
import flagparity.workloads.gen.Texts;
import flagparity.workloads.gen.Users;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.VariableType;
import flagparity.wasm.engine.Engine;
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
 * Property 4: a config or user the core rejects is rejected by the reference, and the reverse. The
 * inputs are valid documents with one change each ({@link Mutations}): most the core rejects, some
 * it reads anyway. Every rejection costs the core its instance, so these run on the fastest engine.
 */
@AddLifecycleHook(SaveFailures.class)
class RejectionProperties {
    /** A config every user is served from: the user alone decides whether the lookup is answered. */
    static final String SERVE_ALL = "{\"project\":{\"_id\":\"p\",\"key\":\"p\",\"a0_organization\":\"o\",\"settings\":{}},"
            + "\"environment\":{\"_id\":\"e\",\"key\":\"e\"},\"variables\":[{\"_id\":\"v\",\"type\":\"String\",\"key\":\"k\"}],"
            + "\"features\":[{\"_id\":\"f\",\"type\":\"release\",\"key\":\"f\",\"variations\":[{\"_id\":\"a\",\"name\":\"a\",\"key\":\"a\","
            + "\"variables\":[{\"_var\":\"v\",\"value\":\"on\"}]}],\"configuration\":{\"_id\":\"c\",\"targets\":[{\"_id\":\"t\","
            + "\"_audience\":{\"filters\":{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}},"
            + "\"distribution\":[{\"_variation\":\"a\",\"percentage\":1}]}]}}]}";

    private static MutableClock clock;
    private static Map<CoreVersion, CoreOracle> cores;

    @BeforeContainer
    static void open() {
        clock = new MutableClock(Pools.T0);
        cores = CoreOracle.perVersion(Engine.CHICORY_AOT, clock);
    }

    @AfterContainer
    static void close() {
        Mismatches.printSurvey();
        cores.values().forEach(CoreOracle::close);
    }

    @Provide
    Arbitrary<Mutations.Mutation> configs() {
        return Generated.mutations(c -> Texts.printable(ConfigGenerator.generate(Profile.odd(3, 2), c).toString()));
    }

    @Provide
    Arbitrary<String> users() {
        return Generated.drawn(c -> c.weighted(3, 1) == 0
                ? Mutations.of(c, Texts.printable(Users.odd(c, true).toString())).apply()
                : c.pick(Users.INVALID_TEXTS));
    }

    /** The reference rejects exactly the changed configs the core rejects. */
    @Property(tries = 400, shrinking = ShrinkingMode.OFF)
    @StatisticsReport(onFailureOnly = true)
    void configRejectedByCoreIsRejectedByReference(@ForAll("configs") Mutations.Mutation m, @ForAll CoreVersion version) {
        Mismatches found = new Mismatches("configRejectedByCoreIsRejectedByReference");
        Case c = Case.setConfig(m.apply(), Pools.T0, ScenarioArbitraries.FIXED_PLATFORM_DATA).on(version);
        Function<Case, Case.Answers> compare = Case.coreVersusReference(cores.get(version), clock);
        Case.Answers a = compare.apply(c);
        Statistics.label("core").collect(a.expected().kind() == Outcome.Kind.ERROR ? "rejects" : "accepts");
        found.check("setConfig", c, a, compare);
        found.assertNone();
        bothKindsSeen();
    }

    /** The generated inputs are worth little unless the core rejects many and accepts some. */
    private static void bothKindsSeen() {
        Statistics.label("core").coverage(c -> {
            c.check("rejects").percentage(p -> p >= 20);
            c.check("accepts").percentage(p -> p >= 5);
        });
    }

    /** The reference rejects exactly the users the core rejects (and serves the others the same value). */
    @Property(tries = 400, shrinking = ShrinkingMode.OFF)
    @StatisticsReport(onFailureOnly = true)
    void userRejectedByCoreIsRejectedByReference(@ForAll("users") String user, @ForAll CoreVersion version) {
        Mismatches found = new Mismatches("userRejectedByCoreIsRejectedByReference");
        Case c = Case.variable(SERVE_ALL, Pools.T0, ScenarioArbitraries.FIXED_PLATFORM_DATA, user, "k", VariableType.String)
                .on(version);
        Function<Case, Case.Answers> compare = Case.coreVersusReference(cores.get(version), clock);
        Case.Answers a = compare.apply(c);
        Statistics.label("core").collect(a.expected().kind() == Outcome.Kind.ERROR ? "rejects" : "accepts");
        found.check("variable", c, a, compare);
        Case b = Case.bucketedConfig(SERVE_ALL, Pools.T0, ScenarioArbitraries.FIXED_PLATFORM_DATA, user).on(version);
        found.check("bucketedConfig", b, compare.apply(b), compare);
        found.assertNone();
        bothKindsSeen();
    }
}

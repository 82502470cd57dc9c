package flagparity.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flagparity.parity.gen.Generated;
import flagparity.workloads.gen.Pools;
import flagparity.parity.gen.Scenario;
import flagparity.parity.gen.ScenarioArbitraries;
import flagparity.parity.oracle.CoreOracle;
import flagparity.parity.oracle.MutableClock;
import flagparity.parity.oracle.Outcome;
import flagparity.reference.ReferenceEvaluator;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Variable;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.engine.Engine;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The evaluation reason as core 1.42.8 writes it, text for text: for every variable the core serves,
 * the reference's answer ends in the same {@code ,"eval":{"reason","details","target_id"},"_feature"}
 * (same details text, target id, escaping and key order), and the reference's bucketed config is the
 * core's text exactly ({@code eval} on each feature and variable included). Values and everything
 * else are held to the core by {@link CoreParityProperties}; this one reads the text the core wrote.
 */
class EvalReasonProperties {
    private static final CoreVersion VERSION = CoreVersion.V1_42_8;
    private static MutableClock clock;
    private static CoreOracle core;
    private static long served;

    @BeforeContainer
    static void open() {
        clock = new MutableClock(Pools.T0);
        core = new CoreOracle(Engine.CHICORY_AOT, VERSION, clock);
    }

    @AfterContainer
    static void close() {
        System.out.println("[parity] core " + VERSION.id() + " vs reference, eval text of " + served + " served variables");
        core.close();
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return ScenarioArbitraries.scenarios(Generated.everySize(), 8, 30, 30, true, true);
    }

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void referenceWritesTheCoresReason(@ForAll("scenarios") Scenario s) {
        clock.set(s.now());
        core.setPlatformData(s.platformData());
        core.setClientCustomData(s.clientCustomData());
        if (core.setConfig(s.config()).kind() != Outcome.Kind.VALUE) {
            return; // which configs are taken is CoreParityProperties' business
        }
        ReferenceEvaluator ref = new ReferenceEvaluator(VERSION, JsonCodec.parsePlatformData(s.platformData()), clock);
        if (s.clientCustomData() != null) {
            ref.setClientCustomData(s.clientCustomData());
        }
        ref.setConfig(s.config());
        List<String> users = s.userJsons();
        for (Scenario.Request r : s.requests()) {
            String user = users.get(r.user());
            Outcome expected = core.variable(user, r.key(), r.type());
            int eval = expected.kind() == Outcome.Kind.VALUE ? expected.text().lastIndexOf(",\"eval\":") : -1;
            if (eval < 0) {
                continue;
            }
            Variable v = ref.variable(JsonCodec.parseUser(user), r.key(), r.type());
            String actual = v == null ? "null" : JsonCodec.writeVariable(v);
            String tail = expected.text().substring(eval);
            assertEquals(tail, actual.substring(Math.max(0, actual.length() - tail.length())),
                    "variable " + r.key() + " for " + user + "\ncore:      " + expected.text() + "\nreference: " + actual
                            + "\nconfig: " + s.config());
            served++;
        }
        for (String user : users) {
            Outcome expected = core.bucketedConfig(user);
            if (expected.kind() != Outcome.Kind.VALUE) {
                continue;
            }
            String actual;
            try {
                actual = ref.bucketedConfig(JsonCodec.parseUser(user));
            } catch (EvaluationException e) {
                actual = "error: " + e.getMessage();
            }
            assertEquals(expected.text(), actual, "bucketed config for " + user + "\nconfig: " + s.config());
        }
    }
}

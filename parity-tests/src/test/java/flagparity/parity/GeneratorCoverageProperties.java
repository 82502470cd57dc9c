package flagparity.parity;

import flagparity.parity.gen.Pools;
import flagparity.parity.gen.Scenario;
import flagparity.parity.gen.ScenarioArbitraries;
import flagparity.parity.oracle.CoreOracle;
import flagparity.parity.oracle.MutableClock;
import flagparity.parity.oracle.Outcome;
import flagparity.wasm.Engine;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The generators do their job only if the core accepts their configs and serves values often: with
 * filters drawn independently of users, almost every answer would be "not targeted". This checks,
 * against the core, how the answers are spread.
 */
class GeneratorCoverageProperties {
    private static MutableClock clock;
    private static CoreOracle core;

    @BeforeContainer
    static void open() {
        clock = new MutableClock(Pools.T0);
        core = new CoreOracle(Engine.CHICORY_AOT, clock);
    }

    @AfterContainer
    static void close() {
        core.close();
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return ScenarioArbitraries.scenarios(6, 30, true, true);
    }

    static String why(String config, Scenario.Request r) {
        com.fasterxml.jackson.databind.JsonNode c;
        try { c = flagparity.reference.json.JsonCodec.mapper().readTree(config); } catch (Exception e) { throw new RuntimeException(e); }
        String id = null;
        for (var v : c.path("variables")) if (v.path("key").asText().equals(r.key())) { id = v.path("_id").asText(); if (!v.path("type").asText().equals(r.type().name())) return "wrong type"; }
        if (id == null) return "missing key";
        for (var f : c.path("features")) for (var va : f.path("variations")) for (var vv : va.path("variables")) if (vv.path("_var").asText().equals(id)) {
            int n = f.path("configuration").path("targets").size();
            boolean ro = false; for (var t : f.path("configuration").path("targets")) ro |= t.has("rollout");
            return "targets=" + n + (ro ? " rollout" : "");
        }
        return "unused";
    }

    @Property(tries = 200, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
    void coreAcceptsConfigsAndServesValues(@ForAll("scenarios") Scenario s) {
        clock.set(s.now());
        core.setPlatformData(s.platformData());
        Outcome config = core.setConfig(s.config());
        Statistics.label("config").collect(config.kind() == Outcome.Kind.VALUE ? "accepted" : "rejected: " + config.text());
        if (config.kind() != Outcome.Kind.VALUE) {
            return;
        }
        List<String> users = s.userJsons();
        for (Scenario.Request r : s.requests()) {
            Outcome o = core.variable(users.get(r.user()), r.key(), r.type());
            Statistics.label("variable").collect(o.kind() == Outcome.Kind.ERROR ? "error: " + o.text() : o.kind().name());
            if (o.kind() == Outcome.Kind.NULL) Statistics.label("why").collect(why(s.config(), r));
        }
    }
}

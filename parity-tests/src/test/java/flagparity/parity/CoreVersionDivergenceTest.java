package flagparity.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flagparity.workloads.gen.Pools;
import flagparity.parity.gen.ScenarioArbitraries;
import flagparity.parity.oracle.CoreOracle;
import flagparity.parity.oracle.MutableClock;
import flagparity.parity.oracle.Outcome;
import flagparity.parity.oracle.ResultDiff;
import flagparity.reference.ReferenceEvaluator;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.VariableType;
import flagparity.reference.eval.Murmur3;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.engine.Engine;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The differences between DevCycle's core 1.32.0 and 1.42.8, each pinned by name (results/DIVERGENCES.md,
 * "Core 1.32.0 vs 1.42.8"; each is a rule of {@code flagparity.reference.config.CoreRules}). Every
 * test asks both real cores and checks that they differ as described, and that the reference
 * answering as each version gives that version's answer, text for text. The cores run on wasmtime,
 * whose stack holds where Chicory's JVM stack can run out before the core's own check (V4).
 */
class CoreVersionDivergenceTest {
    private static final String PLATFORM_JSON = ScenarioArbitraries.FIXED_PLATFORM_DATA;
    private static final PlatformData PLATFORM = JsonCodec.parsePlatformData(PLATFORM_JSON);
    private static final String USER = "{\"user_id\":\"u1\",\"email\":\"a@x.com\",\"country\":\"CA\",\"customData\":{\"plan\":\"pro\"}}";
    private static MutableClock clock;
    private static final Map<CoreVersion, CoreOracle> CORES = new EnumMap<>(CoreVersion.class);

    @BeforeAll
    static void open() {
        clock = new MutableClock(Pools.T0);
        for (CoreVersion v : CoreVersion.values()) {
            CoreOracle core = new CoreOracle(Engine.WASMTIME, v, clock);
            core.setPlatformData(PLATFORM_JSON);
            CORES.put(v, core);
        }
    }

    @AfterAll
    static void close() {
        CORES.values().forEach(CoreOracle::close);
    }

    /** Each core's answer to one lookup, after checking that the reference gives it when answering as that core. */
    private static Map<CoreVersion, Outcome> variable(String config, String user) {
        Map<CoreVersion, Outcome> answers = new EnumMap<>(CoreVersion.class);
        for (CoreVersion v : CoreVersion.values()) {
            CoreOracle core = CORES.get(v);
            assertEquals(Outcome.Kind.VALUE, core.setConfig(config).kind(), "core " + v.id() + " takes the config");
            Outcome expected = core.variable(user, "v", VariableType.Boolean);
            ReferenceEvaluator ref = new ReferenceEvaluator(v, PLATFORM, clock);
            ref.setConfig(config);
            Outcome actual = Outcome.ofVariable(() -> ref.variable(JsonCodec.parseUser(user), "v", VariableType.Boolean));
            assertEquals(ResultDiff.diff(expected, actual).orElse(""), "", "the reference as core " + v.id());
            if (expected.kind() == Outcome.Kind.VALUE) {
                assertEquals(expected.text(), actual.text(), "the reference writes core " + v.id() + "'s text");
            }
            answers.put(v, expected);
        }
        return answers;
    }

    private static String config(String targets, String audiences) {
        return "{\"project\":{\"_id\":\"p\",\"key\":\"pk\",\"a0_organization\":\"o\",\"settings\":{}},"
                + "\"environment\":{\"_id\":\"e\",\"key\":\"ek\"},"
                + "\"features\":[{\"_id\":\"f1\",\"key\":\"fk\",\"type\":\"release\",\"variations\":["
                + "{\"_id\":\"va\",\"key\":\"a\",\"name\":\"A\",\"variables\":[{\"_var\":\"x\",\"value\":true}]},"
                + "{\"_id\":\"vb\",\"key\":\"b\",\"name\":\"B\",\"variables\":[{\"_var\":\"x\",\"value\":false}]}],"
                + "\"configuration\":{\"_id\":\"c\",\"targets\":[" + targets + "]}}],"
                + "\"variables\":[{\"_id\":\"x\",\"key\":\"v\",\"type\":\"Boolean\"}],\"audiences\":{" + audiences + "}}";
    }

    private static String target(String id, String operator, String filters, String distribution, String extra) {
        return "{\"_id\":\"" + id + "\",\"_audience\":{\"_id\":\"a" + id + "\",\"filters\":{\"operator\":\"" + operator
                + "\",\"filters\":[" + filters + "]}},\"distribution\":[" + distribution + "]" + extra + "}";
    }

    private static final String ALL = "{\"type\":\"all\"}";
    private static final String ONLY_A = "{\"_variation\":\"va\",\"percentage\":1}";
    private static final String HALVES = "{\"_variation\":\"va\",\"percentage\":0.5},{\"_variation\":\"vb\",\"percentage\":0.5}";

    private static String email(String value) {
        return "{\"type\":\"user\",\"subType\":\"email\",\"comparator\":\"=\",\"values\":[\"" + value + "\"]}";
    }

    /** V1: from 1.42.8 a served variable carries eval (reason, details, target id) and _feature, in that key order. */
    @Test
    void servedVariablesCarryTheReasonAndFeatureFrom1_42_8() {
        String customData = "{\"type\":\"user\",\"subType\":\"customData\",\"dataKey\":\"plan\",\"dataKeyType\":\"String\","
                + "\"comparator\":\"=\",\"values\":[\"pro\"]}";
        Map<CoreVersion, Outcome> a = variable(config(target("t1", "and", email("a@x.com") + "," + customData, ONLY_A, ""), ""), USER);
        assertEquals("{\"_id\":\"x\",\"type\":\"Boolean\",\"key\":\"v\",\"value\":true}", a.get(CoreVersion.V1_32_0).text());
        assertEquals("{\"_id\":\"x\",\"type\":\"Boolean\",\"key\":\"v\",\"value\":true,\"eval\":{\"reason\":\"TARGETING_MATCH\","
                + "\"details\":\"Email AND Custom Data -> plan\",\"target_id\":\"t1\"},\"_feature\":\"f1\"}", a.get(CoreVersion.V1_42_8).text());

        String rollout = ",\"rollout\":{\"type\":\"schedule\",\"startDate\":\"2020-01-01T00:00:00.000Z\"}";
        Outcome split = variable(config(target("t1", "or", email("zz") + "," + ALL, HALVES, rollout), ""), USER).get(CoreVersion.V1_42_8);
        assertEquals("SPLIT", split.tree().at("/eval/reason").asText());
        assertEquals("Random Distribution | Rollout | All Users", split.tree().at("/eval/details").asText());
    }

    /** V1: from 1.42.8 the bucketed config carries eval on each feature, and eval and _feature on each variable. */
    @Test
    void bucketedConfigCarriesTheReasonPerFeatureFrom1_42_8() {
        String audience = "\"A1\":{\"_id\":\"A1\",\"filters\":{\"operator\":\"and\",\"filters\":[" + email("a@x.com") + "]}}";
        String config = config(target("t1", "and", "{\"type\":\"audienceMatch\",\"comparator\":\"=\",\"_audiences\":[\"A1\"]}", ONLY_A, ""),
                audience);
        for (CoreVersion v : CoreVersion.values()) {
            CoreOracle core = CORES.get(v);
            core.setConfig(config);
            Outcome expected = core.bucketedConfig(USER);
            ReferenceEvaluator ref = new ReferenceEvaluator(v, PLATFORM, clock);
            ref.setConfig(config);
            assertEquals(expected.text(), ref.bucketedConfig(JsonCodec.parseUser(USER)), "the reference as core " + v.id());
            boolean writes = v != CoreVersion.V1_32_0;
            assertEquals(writes, expected.tree().at("/features/fk").has("eval"), v.id());
            assertEquals(writes, expected.tree().at("/variables/v").has("_feature"), v.id());
            if (writes) {
                assertEquals("Audience Match -> Email", expected.tree().at("/features/fk/eval/details").asText());
            }
        }
    }

    /**
     * V2: a nested operator that fails no longer decides an {@code or}: 1.32.0 stops there (not
     * targeted), 1.42.8 goes on to the next filter.
     */
    @Test
    void failingNestedOperatorNoLongerDecidesAnOr() {
        String failing = "{\"operator\":\"and\",\"filters\":[" + email("b@x.com") + "]}";
        Map<CoreVersion, Outcome> a = variable(config(target("t1", "or", failing + "," + email("a@x.com"), ONLY_A, ""), ""), USER);
        assertEquals(Outcome.Kind.NULL, a.get(CoreVersion.V1_32_0).kind());
        assertEquals("Email", a.get(CoreVersion.V1_42_8).tree().at("/eval/details").asText());

        // the same rule makes a later target serve under 1.32.0 and this one under 1.42.8: another value
        String fallback = target("t2", "and", ALL, "{\"_variation\":\"vb\",\"percentage\":1}", "");
        Map<CoreVersion, Outcome> b = variable(config(target("t1", "or", failing + "," + ALL, ONLY_A, "") + "," + fallback, ""), USER);
        assertFalse(b.get(CoreVersion.V1_32_0).tree().get("value").asBoolean());
        assertTrue(b.get(CoreVersion.V1_42_8).tree().get("value").asBoolean());
    }

    /**
     * V3: a bucketing hash of exactly 1 (murmur3 0xFFFFFFFF) finds no distribution entry in 1.32.0,
     * which aborts; 1.42.8 gives it the entry whose running sum is exactly 1. The user id was found
     * by inverting murmur3 for target t1's seed.
     */
    @Test
    void bucketingHashOfExactlyOneIsServedFrom1_42_8() {
        String userId = "ZxydaDKf";
        assertEquals(0xFFFFFFFF, Murmur3.hash(userId, Murmur3.hash("t1", 1)));
        String user = "{\"user_id\":\"" + userId + "\"}";
        Map<CoreVersion, Outcome> one = variable(config(target("t1", "and", ALL, ONLY_A, ""), ""), user);
        assertEquals(Outcome.Kind.ERROR, one.get(CoreVersion.V1_32_0).kind());
        assertTrue(one.get(CoreVersion.V1_42_8).tree().get("value").asBoolean());
        // sorted by variation id descending, vb (1.0) reaches 1 first
        String reversed = "{\"_variation\":\"vb\",\"percentage\":1},{\"_variation\":\"va\",\"percentage\":0}";
        Map<CoreVersion, Outcome> two = variable(config(target("t1", "and", ALL, reversed, ""), ""), user);
        assertEquals(Outcome.Kind.ERROR, two.get(CoreVersion.V1_32_0).kind());
        assertFalse(two.get(CoreVersion.V1_42_8).tree().get("value").asBoolean());
    }

    /** A chain of {@code n} audiences, each an and over an audienceMatch of the next, the last an all. */
    private static String chain(int n) {
        StringBuilder audiences = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String filter = i == n - 1 ? ALL : "{\"type\":\"audienceMatch\",\"comparator\":\"=\",\"_audiences\":[\"A" + (i + 1) + "\"]}";
            audiences.append(i > 0 ? "," : "").append("\"A").append(i).append("\":{\"_id\":\"A").append(i)
                    .append("\",\"filters\":{\"operator\":\"and\",\"filters\":[").append(filter).append("]}}");
        }
        return config(target("t1", "and", "{\"type\":\"audienceMatch\",\"comparator\":\"=\",\"_audiences\":[\"A0\"]}", ONLY_A, ""),
                audiences.toString());
    }

    /** {@code n} and operators nested in a target, the innermost over an all. */
    private static String nested(int n) {
        String op = "{\"operator\":\"and\",\"filters\":[" + ALL + "]}";
        for (int i = 2; i < n; i++) op = "{\"operator\":\"and\",\"filters\":[" + op + "]}";
        return config(target("t1", "and", op, ONLY_A, ""), "");
    }

    /**
     * V4: evaluating an audience takes more of the core's stack in 1.42.8 (its larger frames return
     * reasons): a chain of 203 audiences or 478 nested operators aborts there, not in 1.32.0.
     */
    @Test
    void deepAudiencesAbortSoonerFrom1_42_8() {
        Map<CoreVersion, Outcome> at202 = variable(chain(202), USER);
        assertEquals(Outcome.Kind.VALUE, at202.get(CoreVersion.V1_42_8).kind());
        Map<CoreVersion, Outcome> at203 = variable(chain(203), USER);
        assertEquals(Outcome.Kind.VALUE, at203.get(CoreVersion.V1_32_0).kind());
        assertEquals(Outcome.Kind.ERROR, at203.get(CoreVersion.V1_42_8).kind());
        assertEquals(Outcome.Kind.ERROR, variable(chain(271), USER).get(CoreVersion.V1_32_0).kind());

        assertEquals(Outcome.Kind.VALUE, variable(nested(477), USER).get(CoreVersion.V1_42_8).kind());
        Map<CoreVersion, Outcome> at478 = variable(nested(478), USER);
        assertEquals(Outcome.Kind.VALUE, at478.get(CoreVersion.V1_32_0).kind());
        assertEquals(Outcome.Kind.ERROR, at478.get(CoreVersion.V1_42_8).kind());
    }
}

package flagparity.parity.gen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import flagparity.reference.api.VariableType;
import flagparity.parity.oracle.Texts;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Scenarios: a config, a clock time near its rollout dates, platform data, users and the keys they ask for. */
public final class ScenarioArbitraries {
    private ScenarioArbitraries() {}

    /** The platform data the engine x codec properties fix (their evaluators take it once, when built). */
    public static final String FIXED_PLATFORM_DATA =
            "{\"platform\":\"Java\",\"platformVersion\":\"17.0.15\",\"sdkType\":\"server\",\"sdkVersion\":\"2.6.0\",\"hostname\":\"parity\"}";

    /** Milliseconds added to an hour offset: exactly on a boundary, just before or after, or in between. */
    static final List<Long> NOW_DELTAS = List.of(0L, -1L, 1L, 5L, -1000L, 1000L, 1_800_000L, 900_000L);

    /** {@code keyRef} -1 asks for a key the config lacks; {@code typeRef} -1 asks for the variable's own type. */
    record RequestSpec(int user, int keyRef, int typeRef) {}

    public static Arbitrary<Long> nows() {
        return Combinators.combine(Arbitraries.of(Pools.HOUR_OFFSETS), Arbitraries.of(NOW_DELTAS))
                .as((h, d) -> Pools.T0 + h * Pools.HOUR + d);
    }

    public static Arbitrary<String> platformData() {
        return Combinators.combine(Pools.platforms(), Pools.versions())
                .as((p, v) -> {
                    ObjectNode o = Json.object();
                    o.put("platform", p);
                    o.put("platformVersion", v);
                    o.put("sdkType", "server");
                    o.put("sdkVersion", "2.6.0");
                    o.put("hostname", "parity");
                    return Texts.printable(o.toString());
                });
    }

    /**
     * Scenarios of up to {@code maxUsers} users and {@code maxRequests} requests.
     *
     * @param rawNumbers users may spell numbers as only a raw JSON request can (see {@link UserArbitraries#users})
     * @param varyPlatformData draw the platform data, or use {@link #FIXED_PLATFORM_DATA}
     */
    public static Arbitrary<Scenario> scenarios(int maxUsers, int maxRequests, boolean rawNumbers, boolean varyPlatformData) {
        return scenarios(ConfigArbitraries.configs(), maxUsers, 1, maxRequests, rawNumbers, varyPlatformData);
    }

    /** Scenarios over the given configs, with {@code minRequests} to {@code maxRequests} requests. */
    public static Arbitrary<Scenario> scenarios(Arbitrary<ConfigArbitraries.ConfigSpec> configs, int maxUsers, int minRequests,
            int maxRequests, boolean rawNumbers, boolean varyPlatformData) {
        Arbitrary<RequestSpec> request = Combinators.combine(
                        Arbitraries.integers().between(0, maxUsers - 1),
                        Arbitraries.frequency(Tuple.of(25, 0), Tuple.of(1, -1)).flatMap(m -> m < 0
                                ? Arbitraries.just(-1) : Arbitraries.integers().between(0, 100)),
                        Arbitraries.frequency(Tuple.of(30, -1), Tuple.of(1, 0), Tuple.of(1, 1), Tuple.of(1, 2), Tuple.of(1, 3)))
                .as(RequestSpec::new);
        return Combinators.combine(
                        configs,
                        nows(),
                        varyPlatformData ? platformData() : Arbitraries.just(FIXED_PLATFORM_DATA),
                        UserArbitraries.users(rawNumbers).list().ofMinSize(1).ofMaxSize(maxUsers),
                        request.list().ofMinSize(minRequests).ofMaxSize(maxRequests),
                        UserArbitraries.customData(false).map(o -> Texts.printable(o.toString())).injectNull(0.7),
                        spellings(rawNumbers))
                .as(ScenarioArbitraries::scenario);
    }

    /** How the config text is spelled: compact mostly; with raw texts, sometimes indented and escaped, or with a member given twice. */
    static Arbitrary<Tuple.Tuple2<Spellings.Spelling, Integer>> spellings(boolean raw) {
        Arbitrary<Spellings.Spelling> spelling = raw
                ? Arbitraries.frequency(Tuple.of(16, Spellings.Spelling.COMPACT), Tuple.of(2, Spellings.Spelling.PRETTY_ESCAPED),
                        Tuple.of(1, Spellings.Spelling.DUPLICATE_MEMBER))
                : Arbitraries.just(Spellings.Spelling.COMPACT);
        return Combinators.combine(spelling, Arbitraries.integers().between(0, 100_000)).as(Tuple::of);
    }

    static Scenario scenario(ConfigArbitraries.ConfigSpec spec, long now, String platformData, List<ObjectNode> users,
            List<RequestSpec> specs, String clientCustomData, Tuple.Tuple2<Spellings.Spelling, Integer> spelling) {
        ObjectNode config = ConfigArbitraries.build(spec);
        List<String> keys = Scenario.variableKeys(config);
        List<VariableType> types = new ArrayList<>();
        for (var v : config.path("variables")) {
            types.add(VariableType.parse(v.path("type").asText()));
        }
        List<Scenario.Request> requests = new ArrayList<>();
        for (RequestSpec r : specs) {
            int user = r.user() % users.size();
            if (r.keyRef() < 0 || keys.isEmpty()) {
                requests.add(new Scenario.Request(user, "missing-key",
                        VariableType.fromIndex(Math.max(0, r.typeRef()))));
                continue;
            }
            int k = r.keyRef() % keys.size();
            VariableType type = r.typeRef() < 0 ? types.get(k) : VariableType.fromIndex(r.typeRef());
            requests.add(new Scenario.Request(user, keys.get(k), type));
        }
        return new Scenario(Spellings.spell(config, spelling.get1(), spelling.get2()), now, platformData, users, requests, clientCustomData);
    }
}

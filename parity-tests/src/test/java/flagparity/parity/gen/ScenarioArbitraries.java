package flagparity.parity.gen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import flagparity.reference.api.VariableType;
import flagparity.workloads.gen.Choices;
import flagparity.workloads.gen.ConfigGenerator;
import flagparity.workloads.gen.Json;
import flagparity.workloads.gen.Pools;
import flagparity.workloads.gen.Profile;
import flagparity.workloads.gen.Spellings;
import flagparity.workloads.gen.Texts;
import flagparity.workloads.gen.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;

/** Scenarios: a config, a clock time near its rollout dates, platform data, users and the keys they ask for. */
public final class ScenarioArbitraries {
    private ScenarioArbitraries() {}

    /** The platform data the engine x codec properties fix (their evaluators take it once, when built). */
    public static final String FIXED_PLATFORM_DATA =
            "{\"platform\":\"Java\",\"platformVersion\":\"17.0.15\",\"sdkType\":\"server\",\"sdkVersion\":\"2.6.0\",\"hostname\":\"parity\"}";

    /** Milliseconds added to an hour offset: exactly on a boundary, just before or after, or in between. */
    static final List<Long> NOW_DELTAS = List.of(0L, -1L, 1L, 5L, -1000L, 1000L, 1_800_000L, 900_000L);

    public static Arbitrary<Long> nows() {
        return Generated.drawn(ScenarioArbitraries::now);
    }

    private static long now(Choices c) {
        return Pools.T0 + c.pick(Pools.HOUR_OFFSETS) * Pools.HOUR + c.pick(NOW_DELTAS);
    }

    private static String platformData(Choices c) {
        ObjectNode o = Json.object();
        o.put("platform", Pools.platform(c));
        o.put("platformVersion", Pools.version(c));
        o.put("sdkType", "server");
        o.put("sdkVersion", "2.6.0");
        o.put("hostname", "parity");
        return Texts.printable(o.toString());
    }

    /**
     * Scenarios over configs of the given profiles, of up to {@code maxUsers} users and {@code minRequests}
     * to {@code maxRequests} requests.
     *
     * @param rawNumbers users may spell numbers as only a raw JSON request can (see {@link Users#odd}),
     *     and the config text may be spelled otherwise ({@link Spellings})
     * @param varyPlatformData draw the platform data, or use {@link #FIXED_PLATFORM_DATA}
     */
    public static Arbitrary<Scenario> scenarios(Function<Choices, Profile> profiles, int maxUsers, int minRequests,
            int maxRequests, boolean rawNumbers, boolean varyPlatformData) {
        return Generated.drawn(c -> {
            ObjectNode config = ConfigGenerator.generate(profiles.apply(c), c);
            long now = now(c);
            String platformData = varyPlatformData ? platformData(c) : FIXED_PLATFORM_DATA;
            List<ObjectNode> users = new ArrayList<>();
            for (int i = c.between(1, maxUsers); i > 0; i--) {
                users.add(Users.odd(c, rawNumbers));
            }
            List<Scenario.Request> requests = new ArrayList<>();
            List<String> keys = Scenario.variableKeys(config);
            for (int i = c.between(minRequests, maxRequests); i > 0; i--) {
                requests.add(request(c, users.size(), maxUsers, config, keys));
            }
            String clientCustomData = c.percent(30) ? Texts.printable(Users.customData(c, false).toString()) : null;
            Spellings.Spelling spelling = rawNumbers ? Spellings.spelling(c) : Spellings.Spelling.COMPACT;
            return new Scenario(Spellings.spell(config, spelling, c.below(100_001)), now, platformData, users, requests,
                    clientCustomData);
        });
    }

    /** A lookup: mostly a key of the config at its own type, now and then a missing key or another type. */
    private static Scenario.Request request(Choices c, int users, int maxUsers, ObjectNode config, List<String> keys) {
        int user = c.below(maxUsers) % users;
        int typeRef = c.weighted(30, 1, 1, 1, 1) - 1;
        if (c.oneIn(26) || keys.isEmpty()) {
            return new Scenario.Request(user, "missing-key", VariableType.fromIndex(Math.max(0, typeRef)));
        }
        int k = c.below(101) % keys.size();
        VariableType type = typeRef < 0 ? VariableType.parse(config.path("variables").get(k).path("type").asText())
                : VariableType.fromIndex(typeRef);
        return new Scenario.Request(user, keys.get(k), type);
    }
}

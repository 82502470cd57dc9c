package flagparity.parity.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flagparity.workloads.gen.Choices;
import flagparity.workloads.gen.ConfigGenerator;
import flagparity.workloads.gen.Filters;
import flagparity.workloads.gen.Mutations;
import flagparity.workloads.gen.Pools;
import flagparity.workloads.gen.Profile;
import flagparity.workloads.gen.Targets;
import flagparity.workloads.gen.Texts;
import flagparity.workloads.gen.Users;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * The workloads' one generator ({@code flagparity.workloads.gen}) in its odd profile, drawn by jqwik:
 * each value is the generator run on jqwik's random source, so a try is reproducible from jqwik's seed.
 * jqwik does not shrink these values; the properties minimize a failure on its JSON instead
 * ({@link flagparity.parity.oracle.Case#minimize}).
 */
public final class Generated {
    private Generated() {}

    /** What {@code draw} makes of jqwik's random source. */
    public static <T> Arbitrary<T> drawn(Function<Choices, T> draw) {
        return Arbitraries.randomValue(random -> draw.apply(Choices.of(random)));
    }

    /** Odd configs of every size, tiny to large. */
    public static Function<Choices, Profile> everySize() {
        return c -> List.of(Profile.odd(4, 3), Profile.odd(10, 5), Profile.odd(40, 5)).get(c.weighted(6, 3, 1));
    }

    /** Odd configs of up to {@code maxFeatures} features of up to {@code maxTargets} targets. */
    public static Function<Choices, Profile> upTo(int maxFeatures, int maxTargets) {
        return c -> Profile.odd(maxFeatures, maxTargets);
    }

    /** Config JSON texts (as a request line holds them). */
    public static Arbitrary<String> configTexts(Function<Choices, Profile> profiles) {
        return drawn(c -> Texts.printable(ConfigGenerator.generate(profiles.apply(c), c).toString()));
    }

    /** User JSON texts; with {@code rawNumbers} spelled as only a raw request can (see {@link Users#odd}). */
    public static Arbitrary<String> userTexts(boolean rawNumbers) {
        return drawn(c -> Texts.printable(Users.odd(c, rawNumbers).toString()));
    }

    /** Custom data (a flat JSON object). */
    public static Arbitrary<ObjectNode> customData(boolean rawNumbers) {
        return drawn(c -> Users.customData(c, rawNumbers));
    }

    /** Mutations of the documents {@code documents} draws (see {@link Mutations}). */
    public static Arbitrary<Mutations.Mutation> mutations(Function<Choices, String> documents) {
        return drawn(c -> Mutations.of(c, documents.apply(c)));
    }

    /** Single filters (not operators) of every kind but audienceMatch. */
    public static Arbitrary<JsonNode> filterLeaves() {
        return drawn(Filters::oddLeaf);
    }

    /** A top-level operator and the config-level audiences it may match (JSON texts). */
    public static Arbitrary<Tuple.Tuple2<String, String>> operatorsWithAudiences() {
        return drawn(c -> {
            List<ObjectNode> both = Filters.oddOperatorWithAudiences(c);
            return Tuple.of(Texts.printable(both.get(0).toString()), Texts.printable(both.get(1).toString()));
        });
    }

    /** Rollouts (JSON texts) of every type, dated near {@link Pools#T0}. */
    public static Arbitrary<String> rollouts() {
        return drawn(c -> Targets.rollout(c).toString());
    }

    public static Arbitrary<String> versions() {
        return drawn(Pools::version);
    }

    public static Arbitrary<String> userIds() {
        return drawn(Pools::userId);
    }

    public static Arbitrary<Number> numbers() {
        return drawn(Pools::number);
    }
}

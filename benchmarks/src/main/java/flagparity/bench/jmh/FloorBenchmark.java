package flagparity.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import flagparity.reference.ReferenceEvaluator;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.eval.Murmur3;
import flagparity.reference.explain.Explanation;
import flagparity.reference.explain.TargetTrace;
import flagparity.reference.api.JsonCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference against its floor: the same lookup written by hand for this one (config, key, user),
 * doing only what no evaluator can skip for it: find the key, hash the user id with the serving
 * target's seed, pick the distribution entry, return the ready variable. It leaves out what the
 * reference also does: the audience checks (of the serving target and of the targets tried before
 * it), the type check and the config snapshot read. Setup takes the serving target from the
 * reference's own explanation and checks that the floor returns the reference's answer; it refuses a
 * lookup whose target buckets by custom data or has a rollout (the floor is written for user_id
 * bucketing without a rollout, the headline's shape).
 *
 * <p>Run: {@code java -jar benchmarks/target/flagparity.jar jmh FloorBenchmark -prof gc}, with the
 * workload params ({@code -p config=FILE -p key=... -p user=...}) of the lookup to compare, or a
 * {@link LookupCase} by id ({@code -p lookupCase=dvc-v-key-25,dvc-v-key-80-5cd}), which overrides them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class FloorBenchmark {
    /** A {@link LookupCase} id, or empty for the {@link Workload} params. */
    @Param({""})
    public String lookupCase;

    // Inputs of the timed calls: non-final, so the JIT cannot treat them as constants.
    private ReferenceEvaluator reference;
    private HandWritten floor;
    private User user;
    private String key;
    private VariableType type;

    /** The one lookup, by hand: a map from key to its serving target's seed, cumulative distribution and answers. */
    static final class HandWritten {
        private final Map<String, Target> byKey = new HashMap<>();

        static final class Target {
            final int seed;
            final double[] upTo;
            final Variable[] served;

            Target(int seed, double[] upTo, Variable[] served) {
                this.seed = seed;
                this.upTo = upTo;
                this.served = served;
            }
        }

        Variable variable(User user, String key) {
            Target t = byKey.get(key);
            if (t == null) {
                return null;
            }
            double hash = (Murmur3.hash(user.userId(), t.seed) & 0xFFFFFFFFL) / Murmur3.MAX_HASH;
            double[] upTo = t.upTo;
            for (int i = 0; i < upTo.length; i++) {
                if (hash < upTo[i]) {
                    return t.served[i];
                }
            }
            return null;
        }
    }

    @Setup(Level.Trial)
    public void setUp(Workload workload) throws JsonProcessingException {
        LookupCase c = lookupCase.isEmpty() ? new LookupCase("", workload.config, workload.user, workload.key, true, "")
                : LookupCase.byId(lookupCase);
        String configJson = flagparity.workloads.Workloads.config(c.config());
        user = Lookup.parseUser(c.user());
        key = c.key();
        type = Lookup.typeOf(configJson, key, c.config());
        reference = new ReferenceEvaluator();
        reference.setConfig(configJson);
        Variable want = reference.variable(user, key, type);
        Explanation why = reference.explain(user, key, type);
        if (want == null) {
            throw new IllegalStateException("the reference serves no " + key + " to " + JsonCodec.writeUser(user));
        }
        TargetTrace taken = why.targets().stream().filter(TargetTrace::taken).findFirst().orElseThrow();
        if (taken.rollout() != null || !"user_id".equals(taken.bucketingKey()) && taken.bucketingKey() != null) {
            throw new IllegalArgumentException("the floor is written for a target bucketing by user_id without a rollout;"
                    + " " + key + "'s target " + taken.targetId() + " has " + taken.bucketingKey() + " / " + taken.rollout());
        }
        floor = new HandWritten();
        floor.byKey.put(key, target(configJson, why.featureId(), taken.targetId(), want, why.variationId()));
        if (!want.equals(floor.variable(user, key))) {
            throw new IllegalStateException("the hand-written lookup answers " + floor.variable(user, key) + ", the reference " + want);
        }
    }

    /** The target's seed and distribution in the core's order (variation id descending), the user's entry holding the answer. */
    private static HandWritten.Target target(String configJson, String featureId, String targetId, Variable answer,
            String variationId) throws JsonProcessingException {
        for (JsonNode f : JsonCodec.mapper().readTree(configJson).path("features")) {
            if (!featureId.equals(f.path("_id").asText())) {
                continue;
            }
            for (JsonNode t : f.path("configuration").path("targets")) {
                if (!targetId.equals(t.path("_id").asText())) {
                    continue;
                }
                List<JsonNode> entries = new ArrayList<>();
                t.path("distribution").forEach(entries::add);
                entries.sort((a, b) -> b.path("_variation").asText().compareTo(a.path("_variation").asText()));
                double[] upTo = new double[entries.size()];
                Variable[] served = new Variable[entries.size()];
                double sum = 0;
                for (int i = 0; i < upTo.length; i++) {
                    sum += entries.get(i).path("percentage").asDouble();
                    upTo[i] = sum;
                    if (variationId.equals(entries.get(i).path("_variation").asText())) {
                        served[i] = answer;
                    }
                }
                return new HandWritten.Target(Murmur3.hash(targetId, 1), upTo, served);
            }
        }
        throw new IllegalStateException("no target " + targetId + " in feature " + featureId);
    }

    @Benchmark
    public Variable reference() {
        return reference.variable(user, key, type);
    }

    @Benchmark
    public Variable handWritten() {
        return floor.variable(user, key);
    }
}

package flagparity.bench.openfeature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import flagparity.workloads.Workloads;
import flagparity.openfeature.FlagparityProvider;
import flagparity.reference.api.CoreVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * On the newest core (1.42.8) there is no DevCycle provider to compare with: {@link FlagparityProvider}
 * on the reference is checked against the same provider on the core itself (chicory-aot, its default
 * codec), for every OpenFeature type on the large workload: value, reason, error code, variant and
 * every flag metadata entry (feature, variation, target, the core's {@code eval.details}) must be equal.
 */
class NewestCoreProperties {
    private static final String REFERENCE = "newest-reference";
    private static final String CORE = "newest-core";
    private static final String ENGINE = "chicory-aot";
    private static final Value OBJECT_DEFAULT = new Value(new ImmutableStructure(Map.of("default", new Value(true))));
    private static List<String> keys;

    @BeforeContainer
    static void start() throws IOException {
        String config = Workloads.config("large");
        keys = new ArrayList<>();
        for (JsonNode v : new ObjectMapper().readTree(config).path("variables")) {
            keys.add(v.path("key").asText());
        }
        OpenFeatureAPI.getInstance().setProviderAndWait(REFERENCE, FlagparityProvider.builder().configJson(config)
                .coreVersion(CoreVersion.V1_42_8).build());
        OpenFeatureAPI.getInstance().setProviderAndWait(CORE, FlagparityProvider.builder().configJson(config)
                .engine(ENGINE).coreVersion(CoreVersion.V1_42_8).build());
    }

    @AfterContainer
    static void stop() {
        OpenFeatureAPI.getInstance().setProviderAndWait(REFERENCE, new NoOpProvider());
        OpenFeatureAPI.getInstance().setProviderAndWait(CORE, new NoOpProvider());
    }

    @Provide
    Arbitrary<EvaluationContext> contexts() {
        return Contexts.contexts();
    }

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void answersAndReasonsAreTheCores(@ForAll("contexts") EvaluationContext context,
            @ForAll @Size(6) List<@IntRange(min = 0, max = 9999) Integer> picks) {
        List<String> asked = new ArrayList<>();
        for (int p : picks) {
            asked.add(keys.get(p % keys.size()));
        }
        asked.add("no-such-variable");
        Client reference = OpenFeatureAPI.getInstance().getClient(REFERENCE);
        Client core = OpenFeatureAPI.getInstance().getClient(CORE);
        for (String key : asked) {
            check(key, context, reference.getBooleanDetails(key, false, context), core.getBooleanDetails(key, false, context));
            check(key, context, reference.getStringDetails(key, "d", context), core.getStringDetails(key, "d", context));
            check(key, context, reference.getIntegerDetails(key, -7, context), core.getIntegerDetails(key, -7, context));
            check(key, context, reference.getDoubleDetails(key, -7.5, context), core.getDoubleDetails(key, -7.5, context));
            check(key, context, reference.getObjectDetails(key, OBJECT_DEFAULT, context),
                    core.getObjectDetails(key, OBJECT_DEFAULT, context));
        }
    }

    private static void check(String key, EvaluationContext context, FlagEvaluationDetails<?> ours, FlagEvaluationDetails<?> core) {
        String a = describe(ours);
        String b = describe(core);
        if (!a.equals(b)) {
            throw new AssertionError("\"" + key + "\" for " + context.asObjectMap() + ": reference " + a + ", core " + b);
        }
    }

    private static String describe(FlagEvaluationDetails<?> d) {
        Object v = d.getValue() instanceof Value && ((Value) d.getValue()).isStructure()
                ? ((Value) d.getValue()).asStructure().asObjectMap() : d.getValue();
        return v + " " + d.getReason() + " " + d.getErrorCode() + " variant " + d.getVariant() + " "
                + new java.util.TreeMap<>(d.getFlagMetadata().asUnmodifiableMap());
    }
}

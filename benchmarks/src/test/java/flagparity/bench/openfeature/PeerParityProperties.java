package flagparity.bench.openfeature;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.devcycle.sdk.server.local.api.DevCycleLocalClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import flagparity.workloads.Workloads;
import flagparity.openfeature.FlagparityProvider;
import flagparity.reference.api.CoreVersion;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Peer parity: DevCycle's own OpenFeature provider ({@code DevCycleProvider}, java-server-sdk 2.6.0)
 * and {@link FlagparityProvider} (reference, core 1.32.0: the peer's own core), both polling the
 * same local config server, answer random OpenFeature contexts with the same value, and both serve
 * or both fall back to the default, for every OpenFeature type, on the generated workloads (large:
 * the size of a real large DevCycle config; medium; small).
 *
 * <p>Reasons are not compared: DevCycle's provider answers {@code TARGETING_MATCH} for every served
 * value and {@code DEFAULT} otherwise (the README lists every difference). Object lookups pass a
 * structure as default (DevCycle's provider refuses any other default with {@code TYPE_MISMATCH}).
 *
 * <p>DevCycle's SDK drives its core through the protobuf entry points, where a user's custom data
 * can be freed too early (D7, results/DIVERGENCES.md): a peer instance that met it may answer wrongly
 * later. So a mismatch is asked again of a fresh DevCycle client: if that one agrees, the mismatch
 * was D7 damage and is counted (at most {@link #MAX_D7} per run); if it still disagrees, the
 * property fails.
 */
class PeerParityProperties {
    @Provide
    Arbitrary<EvaluationContext> contexts() {
        return Contexts.contexts();
    }

    private static final String SDK_KEY = "dvc_server_flagparity_openfeature";
    private static final String DEVCYCLE = "peer-devcycle";
    private static final String FLAGPARITY = "peer-flagparity";
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration SWAP_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_D7 = 5;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Value OBJECT_DEFAULT = new Value(new ImmutableStructure(Map.of("default", new Value(true))));

    private static LocalConfigCdn server;
    private static DevCycleLocalClient devcycle;
    private static String currentConfig;
    private static List<String> keys;
    private static final AtomicInteger d7 = new AtomicInteger();
    private static long lookups;
    private static long served;

    @BeforeContainer
    static void start() throws Exception {
        server = new LocalConfigCdn(SDK_KEY);
        server.serve(Workloads.config("large"));
        currentConfig = "large";
        keys = variableKeys(Workloads.config("large"));
        startDevCycle();
        OpenFeatureAPI.getInstance().setProviderAndWait(FLAGPARITY, FlagparityProvider.builder()
                .sdkKey(SDK_KEY).cdnUri(server.uri()).pollInterval(POLL).coreVersion(CoreVersion.V1_32_0).build());
    }

    @AfterContainer
    static void stop() {
        System.out.println("[openfeature peer parity] " + lookups + " lookups per provider, " + served
                + " served a value; DevCycle client replaced " + d7.get() + " times after D7 damage");
        OpenFeatureAPI.getInstance().setProviderAndWait(FLAGPARITY, new NoOpProvider());
        OpenFeatureAPI.getInstance().setProviderAndWait(DEVCYCLE, new NoOpProvider());
        server.close();
    }

    private static void startDevCycle() throws Exception {
        devcycle = DevCycleClients.start(server, POLL, SWAP_TIMEOUT);
        // setProviderAndWait shuts the previous DevCycle provider (and its client) down
        OpenFeatureAPI.getInstance().setProviderAndWait(DEVCYCLE, devcycle.getOpenFeatureProvider());
    }

    @Property(tries = 120, shrinking = ShrinkingMode.OFF)
    void onTheLargeWorkload(@ForAll("contexts") EvaluationContext context,
            @ForAll @Size(6) List<@IntRange(min = 0, max = 9999) Integer> picks) throws Exception {
        check("large", context, picks);
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void onTheMediumWorkload(@ForAll("contexts") EvaluationContext context,
            @ForAll @Size(6) List<@IntRange(min = 0, max = 9999) Integer> picks) throws Exception {
        check("medium", context, picks);
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void onTheSmallWorkload(@ForAll("contexts") EvaluationContext context,
            @ForAll @Size(6) List<@IntRange(min = 0, max = 9999) Integer> picks) throws Exception {
        check("small", context, picks);
    }

    private static void check(String workload, EvaluationContext context, List<Integer> picks) throws Exception {
        use(workload);
        List<String> asked = new ArrayList<>();
        for (int p : picks) {
            asked.add(keys.get(p % keys.size()));
        }
        asked.add("no-such-variable");
        for (String key : asked) {
            for (Lookup lookup : Lookup.values()) {
                compare(workload, context, key, lookup);
            }
        }
    }

    private static void compare(String workload, EvaluationContext context, String key, Lookup lookup) throws Exception {
        lookups++;
        Answer ours = lookup.ask(client(FLAGPARITY), key, context);
        Answer theirs = lookup.ask(client(DEVCYCLE), key, context);
        if (ours.equals(theirs)) {
            served += ours.served() ? 1 : 0;
            return;
        }
        // D7 may have damaged the peer's core: ask a fresh one
        System.out.println("[openfeature peer parity] mismatch, asking a fresh DevCycle client: " + workload + " "
                + lookup + " \"" + key + "\" for " + context.asObjectMap() + ": flagparity " + ours + ", DevCycle " + theirs);
        startDevCycle();
        Answer fresh = lookup.ask(client(DEVCYCLE), key, context);
        String what = workload + " " + lookup + " \"" + key + "\" for " + context.asObjectMap()
                + ": flagparity " + ours + ", DevCycle " + theirs + ", a fresh DevCycle client " + fresh;
        if (!ours.equals(fresh)) {
            throw new AssertionError("the providers disagree on " + what);
        }
        System.out.println("[openfeature peer parity] D7 damage in DevCycle's client: " + what);
        assertTrue(d7.incrementAndGet() <= MAX_D7, "more than " + MAX_D7 + " D7 replacements");
    }

    private static Client client(String domain) {
        return OpenFeatureAPI.getInstance().getClient(domain);
    }

    /** Serves {@code workload} and waits until both providers have it in service. */
    private static void use(String workload) throws Exception {
        if (workload.equals(currentConfig)) {
            return;
        }
        String config = Workloads.config(workload);
        String etag = server.serve(config);
        server.awaitAdopted(etag, SWAP_TIMEOUT, LocalConfigCdn.Client.DEVCYCLE, LocalConfigCdn.Client.FLAGPARITY);
        currentConfig = workload;
        keys = variableKeys(config);
    }

    private static List<String> variableKeys(String config) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode v : MAPPER.readTree(config).path("variables")) {
            out.add(v.path("key").asText());
        }
        return out;
    }

    /** What a lookup gave: the value (a structure as plain maps) and whether it was served; equality ignores the reason. */
    private record Answer(Object value, boolean served, String reason) {
        static Answer of(FlagEvaluationDetails<?> d) {
            Object v = d.getValue() instanceof Value ? plain((Value) d.getValue()) : d.getValue();
            boolean served = d.getErrorCode() == null && !"DEFAULT".equals(d.getReason());
            return new Answer(v, served, d.getReason() + (d.getErrorCode() == null ? "" : " " + d.getErrorCode() + ": " + d.getErrorMessage()));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Answer && Objects.equals(value, ((Answer) o).value) && served == ((Answer) o).served;
        }

        @Override
        public int hashCode() {
            return Objects.hash(value, served);
        }

        private static Object plain(Value v) {
            return v.isStructure() ? v.asStructure().asObjectMap() : v.isList() ? v.asList().stream().map(Answer::plain).toList()
                    : v.asObject();
        }
    }

    /** The five OpenFeature lookups. */
    private enum Lookup {
        BOOLEAN(c -> (k, x) -> c.getBooleanDetails(k, false, x)),
        STRING(c -> (k, x) -> c.getStringDetails(k, "default", x)),
        INTEGER(c -> (k, x) -> c.getIntegerDetails(k, -7, x)),
        DOUBLE(c -> (k, x) -> c.getDoubleDetails(k, -7.5, x)),
        OBJECT(c -> (k, x) -> c.getObjectDetails(k, OBJECT_DEFAULT, x));

        private final Function<Client, java.util.function.BiFunction<String, EvaluationContext, FlagEvaluationDetails<?>>> call;

        Lookup(Function<Client, java.util.function.BiFunction<String, EvaluationContext, FlagEvaluationDetails<?>>> call) {
            this.call = call;
        }

        Answer ask(Client client, String key, EvaluationContext context) {
            return Answer.of(call.apply(client).apply(key, context));
        }
    }
}

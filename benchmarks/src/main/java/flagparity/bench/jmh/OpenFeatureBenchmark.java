package flagparity.bench.jmh;

import com.devcycle.sdk.server.local.api.DevCycleLocalClient;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import flagparity.workloads.Workloads;
import flagparity.bench.openfeature.DevCycleClients;
import flagparity.bench.openfeature.LocalConfigCdn;
import flagparity.openfeature.FlagparityProvider;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One OpenFeature lookup, {@code client.getBooleanValue(key, false, context)}, with DevCycle's own
 * provider ({@code devcycle}: java-server-sdk 2.6.0's {@code DevCycleProvider}, core 1.32.0) and with
 * {@link FlagparityProvider} ({@code flagparity}: the reference at its newest core), both fed by one local config CDN with the large
 * workload; and the same lookup as a plain {@code Evaluator.variable} on the evaluator behind
 * flagparity's provider ({@code evaluator}): {@code flagparity - evaluator} is what the provider and
 * OpenFeature's client add (context mapping, answer, hooks). The context is the headline user
 * ({@link Workloads#DEFAULT_USER_JSON}: targeting key 12345, an email) and the key
 * {@link Workloads#DEFAULT_KEY}; setup proves each is served {@code true}.
 *
 * <p>Run (each param in its own forks, so the JIT sees one implementation per JVM):
 * {@code java -jar benchmarks/target/flagparity.jar jmh OpenFeatureBenchmark -f 2 -prof gc -rf json}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class OpenFeatureBenchmark {
    private static final String SDK_KEY = "dvc_server_flagparity_jmh";
    private static final String DOMAIN = "jmh";
    private static final Duration POLL = Duration.ofSeconds(30);
    private static final Duration START = Duration.ofSeconds(60);

    @Param({"flagparity", "devcycle", "evaluator"})
    public String provider;

    private LocalConfigCdn cdn;
    private DevCycleLocalClient devcycle;
    private Evaluator evaluator;
    private BooleanSupplier lookup;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        cdn = new LocalConfigCdn(SDK_KEY);
        cdn.serve(Workloads.config("large"));
        String key = Workloads.DEFAULT_KEY;
        EvaluationContext context = new ImmutableContext("12345", Map.of("email", new Value("some.user@gmail.com")));
        evaluator = Engines.create(FlagparityProvider.REFERENCE, EngineSettings.defaults());
        switch (provider) {
            case "flagparity":
                OpenFeatureAPI.getInstance().setProviderAndWait(DOMAIN, FlagparityProvider.builder()
                        .sdkKey(SDK_KEY).cdnUri(cdn.uri()).pollInterval(POLL).evaluator(evaluator).build());
                break;
            case "devcycle":
                devcycle = DevCycleClients.start(cdn, POLL, START);
                OpenFeatureAPI.getInstance().setProviderAndWait(DOMAIN, devcycle.getOpenFeatureProvider());
                break;
            case "evaluator":
                evaluator.setConfig(Workloads.config("large"));
                User user = User.builder("12345").email("some.user@gmail.com").build();
                Variable served = evaluator.variable(user, key, VariableType.Boolean);
                if (served == null || !Boolean.TRUE.equals(served.value())) {
                    throw new IllegalStateException("the evaluator does not serve " + key + " = true: " + served);
                }
                lookup = () -> (Boolean) evaluator.variable(user, key, VariableType.Boolean).value();
                return;
            default:
                throw new IllegalArgumentException("provider is flagparity, devcycle or evaluator, not " + provider);
        }
        Client client = OpenFeatureAPI.getInstance().getClient(DOMAIN);
        FlagEvaluationDetails<Boolean> d = client.getBooleanDetails(key, false, context);
        if (!Boolean.TRUE.equals(d.getValue()) || d.getErrorCode() != null || "DEFAULT".equals(d.getReason())) {
            throw new IllegalStateException(provider + " does not serve " + key + " = true: " + d);
        }
        lookup = () -> client.getBooleanValue(key, false, context);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        // replacing the provider shuts it (and DevCycle's client) down
        OpenFeatureAPI.getInstance().setProviderAndWait(DOMAIN, new NoOpProvider());
        evaluator.close();
        cdn.close();
    }

    @Benchmark
    public boolean getBooleanValue() {
        return lookup.getAsBoolean();
    }
}

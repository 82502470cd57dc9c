package flagparity.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import flagparity.bench.engines.AllVariables;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.User;
import flagparity.reference.api.UserEvaluator;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A request handler asking for {@code keyCount} (10) flags of one user: {@link Evaluator#forUser}
 * once and the lookups on the bound user ({@link #boundUser}), against as many separate
 * {@code variable} calls ({@link #variableCalls}), per engine. DevCycle's SDK has no bound user: it
 * makes the separate calls, or its own {@code allVariables} ({@link #sdkAllVariables}, devcycle-sdk
 * only). One op is all of a request's lookups.
 *
 * <p>The keys are the workload's key and the next variables of the config (in config order,
 * wrapping at the end) that the reference serves the user; setup checks that the engine serves
 * every one of them, so no null-answer path is timed.
 *
 * <p>Run: {@code java -jar benchmarks/target/flagparity.jar jmh BoundUserBenchmark -prof gc}, with
 * {@code -p codec=...} for the Wasm codecs ({@code reference} and {@code devcycle-sdk} only with the
 * default, {@link Combinations}), {@code -p core=1.32.0,1.32.0-d7fix} ({@link Served#core}) and
 * {@code -p lookupCase=dvc-v-key-25,dvc-v-key-80-5cd} for DevCycle's config and a user with custom data.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class BoundUserBenchmark {
    private static final String WORKLOAD = "workload";

    @Param({EngineParam.ALL})
    public String engine;

    /** How many keys one request asks for. */
    @Param({"10"})
    public int keyCount;

    /**
     * A {@link LookupCase} id ({@code dvc-v-key-25-5cd}) whose config, user and key to start from
     * instead of the {@link Workload} params (which JMH still lists), or {@value #WORKLOAD} for those.
     */
    @Param({WORKLOAD})
    public String lookupCase;

    // Inputs of the timed calls: non-final, so the JIT cannot treat them as constants.
    private Evaluator evaluator;
    private User user;
    private String[] keys;
    private VariableType[] types;

    @Setup(Level.Trial)
    public void setUp(Served served, WasmSetting setting, Workload workload, BenchmarkParams params) {
        if (WORKLOAD.equals(lookupCase)) {
            served.open(engine, setting, workload);
        } else {
            served.open(engine, setting.codec, setting.concurrency, LookupCase.byId(lookupCase));
        }
        evaluator = served.evaluator;
        if (params.getBenchmark().endsWith("sdkAllVariables") && !(evaluator instanceof AllVariables)) {
            throw new IllegalArgumentException("skipped: allVariables is DevCycle's SDK's call; " + engine
                    + " answers the same question with boundUser");
        }
        user = served.user;
        chooseKeys(served.lookup().configJson(), served.key);
        for (int i = 0; i < keyCount; i++) {
            if (evaluator.variable(user, keys[i], types[i]) == null) {
                throw new IllegalStateException(engine + " serves no " + types[i] + " \"" + keys[i] + "\" to "
                        + JsonCodec.writeUser(user) + ", which the reference serves");
            }
        }
    }

    /** {@code first} and the next variables that the reference serves the user, in config order from {@code first} on, wrapping. */
    private void chooseKeys(String configJson, String first) {
        List<String> all = new ArrayList<>();
        List<VariableType> allTypes = new ArrayList<>();
        try {
            for (JsonNode v : JsonCodec.mapper().readTree(configJson).path("variables")) {
                all.add(v.path("key").asText());
                allTypes.add(VariableType.parse(v.path("type").asText()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the workload's config is not JSON", e);
        }
        List<String> chosen = new ArrayList<>();
        List<VariableType> chosenTypes = new ArrayList<>();
        try (Evaluator reference = Engines.create(Engines.reference().id(), EngineSettings.builder().build())) {
            reference.setConfig(configJson);
            int start = Math.max(0, all.indexOf(first));
            for (int i = 0; i < all.size() && chosen.size() < keyCount; i++) {
                String key = all.get((start + i) % all.size());
                VariableType type = allTypes.get((start + i) % all.size());
                if (!chosen.contains(key) && reference.variable(user, key, type) != null) {
                    chosen.add(key);
                    chosenTypes.add(type);
                }
            }
        }
        if (chosen.size() < keyCount) {
            throw new IllegalArgumentException("the config serves only " + chosen.size() + " keys to "
                    + JsonCodec.writeUser(user) + "; " + keyCount + " are needed");
        }
        keys = chosen.toArray(new String[0]);
        types = chosenTypes.toArray(new VariableType[0]);
    }

    @Benchmark
    public void boundUser(Blackhole bh) {
        UserEvaluator bound = evaluator.forUser(user);
        for (int i = 0; i < keyCount; i++) {
            bh.consume(bound.variable(keys[i], types[i]));
        }
    }

    @Benchmark
    public void variableCalls(Blackhole bh) {
        for (int i = 0; i < keyCount; i++) {
            bh.consume(evaluator.variable(user, keys[i], types[i]));
        }
    }

    @Benchmark
    public Object sdkAllVariables() {
        return ((AllVariables) evaluator).allVariables(user);
    }
}

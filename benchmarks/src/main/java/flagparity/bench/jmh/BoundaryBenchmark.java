package flagparity.bench.jmh;

import flagparity.workloads.Workloads;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.WasmEngine;
import flagparity.wasm.engine.Engine;
import flagparity.wasm.ProtobufMessages;
import flagparity.wasm.engine.CoreBuild;
import flagparity.wasm.engine.CoreInstance;
import java.time.Clock;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where a Wasm lookup's time goes, per codec, stage by stage, on the core's preallocated entry points
 * (the request written into memory pinned once per instance, one export call per lookup):
 * <ol>
 *   <li>{@code encode}: the request in Java, by the adapter's own encoder ({@link JsonCodec#writeUser}
 *       for {@code json}, {@link ProtobufMessages#request} for {@code protobuf});</li>
 *   <li>{@code copyIn}: the request written into the core's linear memory (UTF-16 strings or a Uint8Array);</li>
 *   <li>{@code core}: the export on the request in memory, the core's own work, result left unread
 *       ({@code variableForUserPreallocated}, {@code variableForUser_PB_Preallocated});</li>
 *   <li>{@code copyOut}: the result read out of linear memory;</li>
 *   <li>{@code decode}: the result in Java, by the adapter's own decoder ({@link JsonCodec#parseVariable}
 *       for {@code json}, {@link ProtobufMessages#variable} for {@code protobuf}).</li>
 * </ol>
 * The whole lookup is {@link VariableBenchmark} with codec {@code json-preallocated} or
 * {@code protobuf-preallocated}; what it costs beyond the sum of the stages is the adapter's dispatch
 * and locking. The non-preallocated entry points differ from these in copy-in only (the core allocates
 * the request on each call: four more export calls); compare them through VariableBenchmark's codecs.
 *
 * <p>{@code encode} and {@code decode} do not depend on the engine, so they have only the codec and
 * workload params (JMH gives each method the params of the states it reads); the three stages in the
 * core also have {@code engine}. {@code copyOut} reads the result the setup's lookup left: nothing calls
 * the core while it runs, so the result stays where it is.
 *
 * <p>Run: {@code java -jar benchmarks/target/flagparity.jar jmh BoundaryBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BoundaryBenchmark {
    static final String SDK_KEY = "dvc_server_flagparity_bench";

    /** One request in one codec's wire form, and the core's real answer to it. */
    @State(Scope.Benchmark)
    public static class Request {
        @Param({"json", "protobuf"})
        public String codec;

        boolean json;
        User user;
        String key;
        VariableType type;
        String userJson;
        byte[] params;
        String jsonResponse;
        byte[] protobufResponse;

        @Setup(Level.Trial)
        public void setUp(Workload workload) {
            if (!"json".equals(codec) && !"protobuf".equals(codec)) {
                throw new IllegalArgumentException("unknown codec \"" + codec + "\" (json, protobuf; both on the"
                        + " preallocated entry points)");
            }
            json = "json".equals(codec);
            user = Lookup.parseUser(workload.user);
            key = workload.key;
            String configJson = Workloads.config(workload.config);
            type = Lookup.typeOf(configJson, key, workload.config);
            userJson = JsonCodec.writeUser(user);
            params = ProtobufMessages.request(SDK_KEY, user, key, type);
            try (CoreInstance core = Core.open(Engine.CHICORY_AOT, configJson)) {
                if (json) {
                    jsonResponse = core.variableForUserPreallocated(SDK_KEY, userJson, key, type.index());
                } else {
                    protobufResponse = core.variableForUserProtobufPreallocated(params);
                }
            }
            if (decode() == null) {
                throw new IllegalStateException("the core serves no value of " + key + " to " + workload.user);
            }
        }

        Variable decode() {
            return json ? (jsonResponse == null ? null : JsonCodec.parseVariable(jsonResponse))
                    : ProtobufMessages.variable(protobufResponse);
        }
    }

    /**
     * One core instance loaded with the workload's config, the request written and run once by the
     * stages; {@code result} is where that run left its answer.
     */
    @State(Scope.Benchmark)
    public static class Core {
        @Param({EngineParam.ALL})
        public String engine;

        CoreInstance instance;
        int userChars;
        int keyChars;
        int typeIndex;
        int length;
        int result;

        static CoreInstance open(Engine engine, String configJson) {
            CoreInstance core = CoreInstance.open(engine, CoreBuild.newest(), null, Clock.systemUTC());
            try {
                core.setPlatformData(JsonCodec.writePlatformData(PlatformData.javaSdkDefault()));
                core.setConfig(SDK_KEY, configJson);
                return core;
            } catch (RuntimeException e) {
                core.close();
                throw e;
            }
        }

        @Setup(Level.Trial)
        public void setUp(Request r, Workload workload) {
            EngineParam.require(engine, EngineParam.core(), "Wasm core");
            instance = open(WasmEngine.runtime(engine), Workloads.config(workload.config));
            userChars = r.userJson.length();
            keyChars = r.key.length();
            typeIndex = r.type.index();
            Variable staged;
            if (r.json) {
                instance.writeJsonRequest(r.userJson, r.key);
                result = instance.runJsonPreallocated(SDK_KEY, userChars, keyChars, typeIndex);
                staged = JsonCodec.parseVariable(instance.readJsonResult(result));
            } else {
                length = instance.writeProtobufRequest(r.params);
                result = instance.runProtobufPreallocated(length);
                staged = ProtobufMessages.variable(instance.readProtobufResult(result));
            }
            if (!staged.equals(r.decode())) {
                throw new IllegalStateException(engine + " answers differently from chicory-aot's whole lookup");
            }
        }

        @TearDown(Level.Iteration)
        public void checkUsable() {
            if (!instance.usable()) {
                throw new IllegalStateException(engine + ": the core trapped during the iteration");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            instance.close();
        }
    }

    @Benchmark
    public Object encode(Request r) {
        return r.json ? JsonCodec.writeUser(r.user) : ProtobufMessages.request(SDK_KEY, r.user, r.key, r.type);
    }

    @Benchmark
    public int copyIn(Core c, Request r) {
        if (r.json) {
            c.instance.writeJsonRequest(r.userJson, r.key);
            return r.userJson.length();
        }
        return c.instance.writeProtobufRequest(r.params);
    }

    @Benchmark
    public int core(Core c, Request r) {
        return r.json ? c.instance.runJsonPreallocated(SDK_KEY, c.userChars, c.keyChars, c.typeIndex)
                : c.instance.runProtobufPreallocated(c.length);
    }

    @Benchmark
    public Object copyOut(Core c, Request r) {
        return r.json ? c.instance.readJsonResult(c.result) : c.instance.readProtobufResult(c.result);
    }

    @Benchmark
    public Variable decode(Request r) {
        return r.json ? JsonCodec.parseVariable(r.jsonResponse) : ProtobufMessages.variable(r.protobufResponse);
    }
}

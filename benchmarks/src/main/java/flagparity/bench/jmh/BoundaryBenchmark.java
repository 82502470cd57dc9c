package flagparity.bench.jmh;

import flagparity.bench.data.Workloads;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.json.JsonCodec;
import flagparity.wasm.Engine;
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
 * Where a Wasm lookup's time goes, per codec: {@code encode} the request on the Java side,
 * {@code call} the core's export on the encoded request (copy in, the core's own work, copy out),
 * {@code decode} the answer on the Java side. The whole lookup through the adapter is
 * {@link VariableBenchmark} with the same engine and codec; what it costs beyond the sum of these
 * three is the adapter's own dispatch and locking.
 *
 * <p>{@code encode} and {@code decode} do not depend on the engine, so they have only the codec's
 * params (JMH gives each method the params of the states it reads). {@code call} is per engine and
 * per entry point: {@code preallocated=true} uses the core's preallocated variants, which write into
 * buffers pinned once per instance instead of allocating in the core on every call.
 *
 * <p>Not split yet: copy in, the core's own work and copy out inside {@code call}, which needs
 * hooks the adapters do not offer (write a request into the pinned buffer; run the export on it and
 * return the result pointer unread; read a result at a pointer). The protobuf encoder and decoder are
 * stand-ins ({@link Wire}).
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

    /** One request and the core's real answer to it, in one codec's wire form. */
    @State(Scope.Benchmark)
    public static class Request {
        @Param({"json", "protobuf"})
        public String codec;

        @Param({"large"})
        public String config;

        /** User JSON, or a path to a user JSON file ({@link Lookup#parseUser}). */
        @Param({Workloads.DEFAULT_USER_JSON})
        public String user;

        @Param({Workloads.DEFAULT_KEY})
        public String key;

        Wire wire;
        String configJson;
        User parsedUser;
        VariableType type;
        Object encoded;
        Object response;

        @Setup(Level.Trial)
        public void setUp() {
            wire = Wire.parse(codec);
            configJson = Workloads.config(config);
            parsedUser = Lookup.parseUser(user);
            type = Lookup.typeOf(configJson, key, config);
            encoded = wire.encode(SDK_KEY, parsedUser, key, type);
            try (CoreInstance core = Core.open(Engine.CHICORY_AOT, configJson)) {
                response = wire.call(core, SDK_KEY, encoded, key, type, false);
            }
            if (response == null) {
                throw new IllegalStateException("the core serves no value of " + key + " to " + user);
            }
        }
    }

    /** One core instance, loaded with the request's config. */
    @State(Scope.Benchmark)
    public static class Core {
        @Param({"chicory-aot", "wasmtime"})
        public String engine;

        @Param({"false", "true"})
        public boolean preallocated;

        CoreInstance instance;

        static CoreInstance open(Engine engine, String configJson) {
            CoreInstance core = CoreInstance.open(engine, null, Clock.systemUTC());
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
        public void setUp(Request r) {
            instance = open(Engine.parse(engine), r.configJson);
            Object answer = r.wire.call(instance, SDK_KEY, r.encoded, r.key, r.type, preallocated);
            if (!r.wire.decode(answer).equals(r.wire.decode(r.response))) {
                throw new IllegalStateException(engine + " answers differently from chicory-aot");
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
        return r.wire.encode(SDK_KEY, r.parsedUser, r.key, r.type);
    }

    @Benchmark
    public Object call(Core c, Request r) {
        return r.wire.call(c.instance, SDK_KEY, r.encoded, r.key, r.type, c.preallocated);
    }

    @Benchmark
    public Variable decode(Request r) {
        return r.wire.decode(r.response);
    }
}

package flagparity.wasm;

import flagparity.reference.api.Evaluator;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/** DevCycle's Wasm core behind {@link Evaluator}, on one engine, codec and concurrency strategy. */
public final class WasmEvaluator implements Evaluator {

    private WasmEvaluator(Builder b) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Variable variable(User user, String key, VariableType type) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The variable JSON exactly as the core wrote it (JSON codec path), or {@code null}. */
    public String variableJson(User user, String key, VariableType type) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public String bucketedConfig(User user) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void setConfig(String configJson) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void setClientCustomData(String customDataJson) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** How many instances were thrown away and rebuilt after a core abort. */
    public long instancesReplaced() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The largest linear memory, in 64 KiB pages, of this evaluator's instances. */
    public int memoryPages() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void close() {}

    /** Builds a {@link WasmEvaluator}; every setting has a default. */
    public static final class Builder {
        private Engine engine = Engine.CHICORY_AOT;
        private Codec codec = Codec.JSON;
        private Concurrency concurrency = Concurrency.MUTEX;
        private int poolSize = Runtime.getRuntime().availableProcessors();
        private Path wasmFile;
        private PlatformData platformData;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        public Builder engine(Engine v) { this.engine = Objects.requireNonNull(v); return this; }
        public Builder codec(Codec v) { this.codec = Objects.requireNonNull(v); return this; }
        public Builder concurrency(Concurrency v) { this.concurrency = Objects.requireNonNull(v); return this; }

        /** Instances in a {@link Concurrency#POOL} (default: available processors). */
        public Builder poolSize(int v) {
            if (v < 1) throw new IllegalArgumentException("poolSize must be at least 1, not " + v);
            this.poolSize = v;
            return this;
        }

        /** Another core to run instead of the built-in one (not with {@link Engine#CHICORY_AOT}). */
        public Builder wasmFile(Path v) { this.wasmFile = v; return this; }
        /** Default {@link PlatformData#javaSdkDefault()}. */
        public Builder platformData(PlatformData v) { this.platformData = v; return this; }
        /** The clock the core's {@code Date.now} reads (it decides rollouts). */
        public Builder clock(Clock v) { this.clock = Objects.requireNonNull(v); return this; }

        public WasmEvaluator build() {
            return new WasmEvaluator(this);
        }
    }
}

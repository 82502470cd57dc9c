package flagparity.wasm.engine;

import com.dylibso.chicory.wasm.Parser;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;

/**
 * The core on GraalWasm: one polyglot {@link Engine} per module, shared by every instance's context,
 * so what Truffle compiled for one instance serves all of them (a pool's too). Made reflectively by
 * {@link CoreModule} (this module is built only on JDK 21+).
 */
final class GraalWasmModule extends CoreModule {
    /** Null when each instance gets its own engine ({@link EngineTuning#GRAALWASM_SHARED_ENGINE}). */
    private final Engine shared;
    private final Source source;

    GraalWasmModule(byte[] wasm) {
        super(Parser.parse(wasm));
        this.shared = EngineTuning.graalWasmSharedEngine() ? newEngine() : null;
        this.source = Source.newBuilder("wasm", ByteSequence.create(wasm), "bucketing-lib.wasm").buildLiteral();
    }

    static Engine newEngine() {
        return Engine.newBuilder("wasm").options(EngineTuning.graalWasmOptions()).build();
    }

    @Override
    WasmInstance instantiate(CoreCalls host, CallDeadlines deadlines) {
        return shared != null ? new GraalWasmInstance(host, deadlines, shared, false, source)
                : new GraalWasmInstance(host, deadlines, newEngine(), true, source);
    }
}

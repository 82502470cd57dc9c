package flagparity.wasm.engine;

import com.dylibso.chicory.wasm.Parser;
import java.time.Clock;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;

/**
 * The core on GraalWasm: one polyglot {@link Engine} per module, shared by every instance's context,
 * so what Truffle compiled for one instance serves all of them (a pool's too). Made reflectively by
 * {@link CoreModule} (this module is built only on JDK 21+).
 */
final class GraalWasmModule extends CoreModule {
    private final Engine engine;
    private final Source source;

    GraalWasmModule(byte[] wasm) {
        super(Parser.parse(wasm));
        this.engine = Engine.newBuilder("wasm")
                .build();
        this.source = Source.newBuilder("wasm", ByteSequence.create(wasm), "bucketing-lib.wasm").buildLiteral();
    }

    @Override
    CoreInstance instantiate(Clock clock) {
        return new GraalWasmCoreInstance(this, clock, engine, source);
    }
}

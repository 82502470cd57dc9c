package flagparity.wasm.engine;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import io.github.kawamuray.wasmtime.Config;
import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.OptLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * The core compiled once by wasmtime (Cranelift); instances share the engine and module, each has
 * its own store. Engine and module live as long as the JVM (they are cached by {@link CoreModule}).
 */
final class WasmtimeModule extends CoreModule {
    private final Engine engine;
    private final Module module;
    /** The names of the imported functions, in the module's import order. */
    private final List<String> importNames;

    WasmtimeModule(WasmModule parsed, byte[] wasm, boolean deadlines) {
        super(parsed);
        // Not disposed: whether wasmtime-java's Engine(Config) takes ownership of it is not documented,
        // and the engine (one per core, for the JVM's life) keeps no reference a leak would grow.
        Config config = new Config()
                .epochInterruption(deadlines)
                .craneliftOptLevel(OptLevel.valueOf(EngineTuning.wasmtimeOptLevel()));
        this.engine = new Engine(config);
        if (deadlines) {
            DeadlineTimer.tickEpochs(engine); // the timer advances the epoch; a store traps past its deadline
        }
        this.module = Module.fromBinary(engine, wasm);
        List<String> names = new ArrayList<>();
        parsed.importSection().stream().forEach(imp -> {
            if (imp.importType() != ExternalType.FUNCTION || !"env".equals(imp.module())) {
                throw new IllegalArgumentException("the core imports " + imp.module() + "." + imp.name()
                        + ", which no engine here provides");
            }
            names.add(imp.name());
        });
        this.importNames = List.copyOf(names);
    }

    @Override
    WasmInstance instantiate(CoreCalls host, CallDeadlines deadlines) {
        return new WasmtimeInstance(host, deadlines, engine, module, importNames);
    }
}

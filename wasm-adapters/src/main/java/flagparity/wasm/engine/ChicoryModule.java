package flagparity.wasm.engine;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.function.Function;

/** The core on Chicory: interpreted, compiled to bytecode at load time, or compiled by the build (chicory-aot). */
final class ChicoryModule extends CoreModule {
    private final WasmModule module;
    /** Null for the interpreter. */
    private final Function<Instance, Machine> machineFactory;

    /** {@code aotMachines}: chicory-aot's build-time compiled machines (null for the other engines). */
    ChicoryModule(Engine engine, WasmModule module, Function<Instance, Machine> aotMachines) {
        super(module);
        this.module = module;
        switch (engine) {
            case CHICORY_INTERPRETER:
                this.machineFactory = null;
                break;
            case CHICORY_COMPILER:
                // FAIL, as in the build-time compile: every function of the core compiles.
                MachineFactoryCompiler.Builder compiler = MachineFactoryCompiler.builder(module)
                        .withInterpreterFallback(InterpreterFallback.FAIL);
                int perClass = EngineTuning.chicoryFunctionsPerClass();
                if (perClass > 0) {
                    compiler.withMaxFunctionsPerClass(perClass);
                }
                this.machineFactory = compiler.compile();
                break;
            case CHICORY_AOT:
                this.machineFactory = aotMachines;
                break;
            default:
                throw new IllegalArgumentException(engine + " is not a Chicory engine");
        }
    }

    @Override
    WasmInstance instantiate(CoreCalls host, CallDeadlines deadlines) {
        return new ChicoryInstance(host, deadlines, module, machineFactory);
    }
}

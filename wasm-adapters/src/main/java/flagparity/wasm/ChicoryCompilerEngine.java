package flagparity.wasm;

import flagparity.wasm.engine.Engine;

/** Chicory's runtime compiler: the module is compiled to JVM bytecode when it is loaded. */
public final class ChicoryCompilerEngine extends WasmEngine {
    public ChicoryCompilerEngine() {
        super("chicory-compiler", Engine.CHICORY_COMPILER, true, "#17BECF");
    }
}

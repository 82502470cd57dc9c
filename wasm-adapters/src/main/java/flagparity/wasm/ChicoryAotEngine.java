package flagparity.wasm;

import flagparity.wasm.engine.Engine;

/** Chicory's build-time compiler: a class generated from the built-in core by the build. */
public final class ChicoryAotEngine extends WasmEngine {
    public ChicoryAotEngine() {
        super("chicory-aot", Engine.CHICORY_AOT, true, "#1F77B4");
    }
}

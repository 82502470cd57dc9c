package flagparity.wasm;

import flagparity.wasm.engine.Engine;

/** wasmtime-java 0.19.0: Cranelift JIT behind JNI (see {@link Engine#WASMTIME} for its stack needs). */
public final class WasmtimeEngine extends WasmEngine {
    public WasmtimeEngine() {
        super("wasmtime", Engine.WASMTIME, true, "#FF7F0E");
    }
}

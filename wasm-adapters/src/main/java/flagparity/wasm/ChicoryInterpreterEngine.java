package flagparity.wasm;

import flagparity.wasm.engine.Engine;

/** Chicory's interpreter: pure Java, no code generation; slow (milliseconds per lookup). */
public final class ChicoryInterpreterEngine extends WasmEngine {
    public ChicoryInterpreterEngine() {
        super("chicory-interpreter", Engine.CHICORY_INTERPRETER, false, "#9467BD");
    }
}

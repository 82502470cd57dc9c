package flagparity.wasm;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A Wasm engine the core can run on, named as everywhere in flagparity (CLI, JMH params, results). */
public enum Engine {
    /** Chicory's interpreter: pure Java, no code generation; slow (milliseconds per lookup). */
    CHICORY_INTERPRETER("chicory-interpreter"),
    /** Chicory's runtime compiler: the module is compiled to JVM bytecode when it is loaded. */
    CHICORY_COMPILER("chicory-compiler"),
    /** Chicory's build-time compiler: a class generated from the built-in core by the build. */
    CHICORY_AOT("chicory-aot"),
    /**
     * wasmtime-java 0.19.0 (Cranelift JIT behind JNI). Wasm runs on the calling thread's native stack:
     * the most deeply nested input the core takes needs about 300 KiB of it, and a call back into the
     * JVM at that depth needs more. Call it from threads with at least 512 KiB of stack (the JVM's
     * default is 1 MiB): with 256 or 384 KiB a deeply nested config crashed the JVM here (a stack
     * overflow in native code, or wasmtime-java aborting the process when the callback overflowed).
     */
    WASMTIME("wasmtime");

    private final String id;

    Engine(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Engine parse(String id) {
        for (Engine e : values()) {
            if (e.id.equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown engine \"" + id + "\" (expected one of "
                + Arrays.stream(values()).map(Engine::id).collect(Collectors.joining(", ")) + ")");
    }
}

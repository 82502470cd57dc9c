package flagparity.wasm.engine;

/**
 * A Wasm runtime (and mode) the adapters run the core on. Its name and what it declares live in its
 * registration, a {@code flagparity.wasm.WasmEngine} ({@code WasmEngine.of(engine).id()},
 * {@code WasmEngine.runtime(id)}), so this package names no engine.
 */
public enum Engine {
    /** Chicory's interpreter: pure Java, no code generation; slow (milliseconds per lookup). */
    CHICORY_INTERPRETER,
    /** Chicory's runtime compiler: the module is compiled to JVM bytecode when it is loaded. */
    CHICORY_COMPILER,
    /** Chicory's build-time compiler: a class generated from the built-in core by the build. */
    CHICORY_AOT,
    /**
     * wasmtime-java 0.19.0 (Cranelift JIT behind JNI). Wasm runs on the calling thread's native stack:
     * the most deeply nested input the core takes needs about 300 KiB of it, and a call back into the
     * JVM at that depth needs more. Call it from threads with at least 512 KiB of stack (the JVM's
     * default is 1 MiB): with 256 or 384 KiB a deeply nested config crashed the JVM here (a stack
     * overflow in native code, or wasmtime-java aborting the process when the callback overflowed).
     */
    WASMTIME,
    /**
     * GraalWasm 25.0.2 (Truffle): the {@code graalwasm} module, built only on JDK 21+. Fast only on the
     * optimizing Truffle runtime (JVMCI enabled, Graal's compiler jar on the upgrade module path);
     * otherwise it interprets.
     */
    GRAALWASM
}

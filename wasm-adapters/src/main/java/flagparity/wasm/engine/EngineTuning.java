package flagparity.wasm.engine;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engines' own options, to measure their fast paths: read from system properties when a module
 * is first loaded, so a JMH fork takes them from {@code -jvmArgsAppend -D...} and every other run
 * gets the defaults, which are the settings that served best here (or the engine's own where none
 * measured better). Modules are cached per JVM, so set them before the first evaluator is built.
 *
 * <ul>
 *   <li>{@value #WASMTIME_OPT_LEVEL}: Cranelift's {@code none}, {@code speed} (default),
 *       {@code speed_and_size}. Epoch interruption stays off (wasmtime-java 0.19.0 exposes no fuel),
 *       so no check is compiled into loops.</li>
 *   <li>{@value #CHICORY_FUNCTIONS_PER_CLASS}: functions per generated class of Chicory's runtime
 *       compiler; unset for Chicory's default.</li>
 *   <li>{@value #GRAALWASM_SHARED_ENGINE}: {@code true} (default) shares one polyglot engine among all
 *       instances of a core, so Truffle compiles the core once; {@code false} gives each instance its
 *       own.</li>
 *   <li>{@value #GRAALWASM_OPTION_PREFIX}{@code NAME=VALUE}: any polyglot engine option for GraalWasm,
 *       e.g. {@code -Dflagparity.graalwasm.option.engine.MultiTier=false}.</li>
 * </ul>
 */
public final class EngineTuning {
    public static final String WASMTIME_OPT_LEVEL = "flagparity.wasmtime.optLevel";
    public static final String CHICORY_FUNCTIONS_PER_CLASS = "flagparity.chicory.maxFunctionsPerClass";
    public static final String GRAALWASM_SHARED_ENGINE = "flagparity.graalwasm.sharedEngine";
    public static final String GRAALWASM_OPTION_PREFIX = "flagparity.graalwasm.option.";

    private EngineTuning() {}

    /** Cranelift's optimisation level, as wasmtime-java's {@code OptLevel} constant name. */
    static String wasmtimeOptLevel() {
        String v = System.getProperty(WASMTIME_OPT_LEVEL, "speed").toUpperCase(Locale.ROOT);
        if (!v.equals("NONE") && !v.equals("SPEED") && !v.equals("SPEED_AND_SIZE")) {
            throw new IllegalArgumentException(WASMTIME_OPT_LEVEL + " must be none, speed or speed_and_size, not " + v);
        }
        return v;
    }

    /** Functions per class of Chicory's runtime compiler, or 0 for its default. */
    static int chicoryFunctionsPerClass() {
        String v = System.getProperty(CHICORY_FUNCTIONS_PER_CLASS);
        if (v == null) {
            return 0;
        }
        int n = Integer.parseInt(v.trim());
        if (n < 1) {
            throw new IllegalArgumentException(CHICORY_FUNCTIONS_PER_CLASS + " must be at least 1, not " + n);
        }
        return n;
    }

    static boolean graalWasmSharedEngine() {
        return Boolean.parseBoolean(System.getProperty(GRAALWASM_SHARED_ENGINE, "true"));
    }

    /** Polyglot engine options for GraalWasm, by name. */
    static Map<String, String> graalWasmOptions() {
        Map<String, String> options = new TreeMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(GRAALWASM_OPTION_PREFIX)) {
                options.put(name.substring(GRAALWASM_OPTION_PREFIX.length()), System.getProperty(name));
            }
        }
        return options;
    }
}

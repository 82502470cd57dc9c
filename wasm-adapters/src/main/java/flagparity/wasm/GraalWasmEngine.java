package flagparity.wasm;

import flagparity.reference.api.Availability;
import flagparity.wasm.engine.CoreInstance;
import flagparity.wasm.engine.Engine;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;

/**
 * GraalWasm 25.0.2 on the optimizing Truffle runtime. This descriptor loads on any JDK; the engine
 * itself is the {@code graalwasm} module, built only on JDK 21+ and loaded reflectively, so on JDK 17
 * the registry lists it as unavailable with the reason.
 *
 * <p>A JVM running it needs GraalVM's jars laid out by that module's build ({@code
 * graalwasm/target/graalwasm}: Graal's compiler on the upgrade module path, polyglot, truffle and
 * wasm on the module path) and JVMCI enabled: {@link #jvmArgs()}, which {@code flagparity jmh}
 * appends to the forks of a run that names this engine. Another location:
 * {@code -Dflagparity.graalwasm.jars=DIR}.
 *
 * <p>A call past its deadline is stopped by cancelling the instance's polyglot context
 * ({@code close(true)}), which ends the instance as every stopped call does on the other engines.
 */
public final class GraalWasmEngine extends WasmEngine {
    public static final String JARS_PROPERTY = "flagparity.graalwasm.jars";
    private static final String GRAALVM_VERSION = "25.0.2";

    public GraalWasmEngine() {
        super("graalwasm", Engine.GRAALWASM, true, "#E377C2");
    }

    @Override
    public Availability availability() {
        if (Runtime.version().feature() < 21) {
            return Availability.unavailable("needs JDK 21 or newer (running " + Runtime.version() + ")");
        }
        if (!present(CoreInstance.GRAALWASM_MODULE)) {
            return Availability.unavailable("the graalwasm module is not on the class path (it is built only on JDK 21+)");
        }
        if (!present("org.graalvm.polyglot.Engine")) {
            Path jars = jars();
            return Availability.unavailable(jars == null
                    ? "GraalVM's jars were not found: build on JDK 21+ or set -D" + JARS_PROPERTY + "=DIR"
                    : "GraalVM's polyglot is not on the module path: start the JVM with " + String.join(" ", jvmArgs()));
        }
        return Availability.available();
    }

    @Override
    public List<String> jvmArgs() {
        Path jars = jars();
        if (jars == null) {
            return List.of();
        }
        return List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "--upgrade-module-path=" + jars.resolve("upgrade").resolve("compiler-" + GRAALVM_VERSION + ".jar"),
                "--module-path=" + jars.resolve("modules"), "--add-modules=ALL-MODULE-PATH",
                "--enable-native-access=ALL-UNNAMED");
    }

    /** The directory the graalwasm module's build lays GraalVM's jars out in, or null if none is found. */
    private static Path jars() {
        String set = System.getProperty(JARS_PROPERTY);
        if (set != null) {
            return Path.of(set).toAbsolutePath();
        }
        CodeSource source = GraalWasmEngine.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return null;
        }
        try {
            // from wasm-adapters/target/classes or benchmarks/target/flagparity.jar up to the repository
            for (Path p = Path.of(source.getLocation().toURI()).toAbsolutePath(); p != null; p = p.getParent()) {
                Path candidate = p.resolve("graalwasm").resolve("target").resolve("graalwasm");
                if (Files.isDirectory(candidate.resolve("upgrade"))) {
                    return candidate;
                }
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, GraalWasmEngine.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

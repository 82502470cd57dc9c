package flagparity.wasm.engine;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A core loaded (and, where the engine compiles, compiled) once, from which any number of instances
 * are made. Loading is the expensive part (the Chicory runtime compiler takes about a second), so
 * modules are cached for the life of the JVM, keyed by engine and the wasm's SHA-256.
 *
 * <p>The built-in cores, one per {@link CoreBuild}, are read from {@link #resource} and must have
 * the SHA-256 their version pins; chicory-aot runs the class the build compiled from each
 * ({@link #aotClassName}).
 */
abstract class CoreModule {
    private static final Map<String, CoreModule> CACHE = new ConcurrentHashMap<>();
    private static final Map<CoreBuild, byte[]> BUILT_IN = new ConcurrentHashMap<>();

    private final Map<String, FunctionType> exportTypes;
    private final long staticDataEnd;

    CoreModule(WasmModule parsed) {
        this.exportTypes = exportTypes(parsed);
        this.staticDataEnd = staticDataEnd(parsed);
    }

    /**
     * The built-in core {@code build} (its SHA-256 checked), or the wasm file {@code wasmOrNull}, on
     * {@code engine}, for instances whose calls have {@code deadlines} or not (wasmtime compiles the
     * epoch checks into the code, so it keeps a module of each kind).
     */
    static CoreModule load(Engine engine, CoreBuild build, Path wasmOrNull) {
        return load(engine, build, wasmOrNull, true);
    }

    static CoreModule load(Engine engine, CoreBuild build, Path wasmOrNull, boolean deadlines) {
        String kind = engine == Engine.WASMTIME && !deadlines ? ":no-deadlines" : "";
        if (wasmOrNull == null) {
            return CACHE.computeIfAbsent(engine.name() + ":" + build.wasmSha256() + kind,
                    k -> create(engine, builtIn(build), build, deadlines));
        }
        byte[] wasm = readFile(wasmOrNull);
        return CACHE.computeIfAbsent(engine.name() + ":" + sha256(wasm) + kind, k -> create(engine, wasm, null, deadlines));
    }

    /** {@code builtInOrNull}: the build whose built-in wasm {@code wasm} is, or null for a wasm file. */
    private static CoreModule create(Engine engine, byte[] wasm, CoreBuild builtInOrNull, boolean deadlines) {
        switch (engine) {
            case CHICORY_INTERPRETER:
            case CHICORY_COMPILER:
                return new ChicoryModule(engine, Parser.parse(wasm), null);
            case CHICORY_AOT:
                if (builtInOrNull == null) {
                    throw new IllegalArgumentException("Chicory's build-time compiler runs only the built-in cores, which the build"
                            + " compiled to bytecode; use chicory-compiler for another wasm file");
                }
                return aot(builtInOrNull);
            case WASMTIME:
                return new WasmtimeModule(Parser.parse(wasm), wasm, deadlines);
            case GRAALWASM:
                return graalWasm(wasm);
            default:
                throw new IllegalArgumentException("no such engine: " + engine);
        }
    }

    /** Where the Maven build puts the wasm of {@code build} on the class path. */
    static String resource(CoreBuild build) {
        return "/flagparity/wasm/cores/" + build.id() + "/bucketing-lib.release.wasm";
    }

    /** The class the Maven build compiled {@code build}'s wasm to (one chicory-compiler-maven-plugin execution each). */
    static String aotClassName(CoreBuild build) {
        return "flagparity.wasm.chicory.FlagCore_" + build.id().replace('.', '_').replace('-', '_');
    }

    /** The build-time compiled core: its generated class's static {@code load()} module and {@code create} machine. */
    private static CoreModule aot(CoreBuild version) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> c = Class.forName(aotClassName(version));
            MethodHandle load = lookup.findStatic(c, "load", MethodType.methodType(WasmModule.class));
            MethodHandle create = lookup.findStatic(c, "create", MethodType.methodType(Machine.class, Instance.class));
            Function<Instance, Machine> machines = instance -> {
                try {
                    return (Machine) create.invoke(instance);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            };
            return new ChicoryModule(Engine.CHICORY_AOT, (WasmModule) load.invoke(), machines);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no build-time compiled class for core " + version
                    + " (" + aotClassName(version) + "): add its chicory-compiler-maven-plugin execution", e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot load " + aotClassName(version), e);
        }
    }

    private static CoreModule graalWasm(byte[] wasm) {
        try {
            return (CoreModule) Class.forName(CoreInstance.GRAALWASM_MODULE).getDeclaredConstructor(byte[].class).newInstance(wasm);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("graalwasm is not on the class path: it is built only on JDK 21 or newer", e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                    : new IllegalStateException("GraalWasm failed to load the core", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the GraalWasm module", e);
        }
    }

    /** A new instance whose host imports call {@code host}, for calls with {@code deadlines}. */
    abstract WasmInstance instantiate(CoreCalls host, CallDeadlines deadlines);

    /** The signature of export {@code name}. */
    final FunctionType exportType(String name) {
        FunctionType t = exportTypes.get(name);
        if (t == null) {
            throw new IllegalArgumentException("the core exports no function \"" + name + "\"");
        }
        return t;
    }

    /**
     * The first address past the module's data segments. The core's own strings (its abort messages'
     * file names among them) all lie below it.
     */
    final long staticDataEnd() {
        return staticDataEnd;
    }

    private static long staticDataEnd(WasmModule m) {
        long end = 0;
        for (DataSegment segment : m.dataSection().dataSegments()) {
            if (segment instanceof ActiveDataSegment) {
                List<Instruction> offset = ((ActiveDataSegment) segment).offsetInstructions();
                if (!offset.isEmpty() && offset.get(0).opcode() == OpCode.I32_CONST) {
                    end = Math.max(end, (offset.get(0).operand(0) & 0xFFFFFFFFL) + segment.data().length);
                }
            }
        }
        return end;
    }

    private static Map<String, FunctionType> exportTypes(WasmModule m) {
        List<Integer> importedTypes = new ArrayList<>();
        for (int i = 0; i < m.importSection().importCount(); i++) {
            Import imp = m.importSection().getImport(i);
            if (imp.importType() == ExternalType.FUNCTION) {
                importedTypes.add(((FunctionImport) imp).typeIndex());
            }
        }
        int importedFunctions = importedTypes.size();
        Map<String, FunctionType> out = new HashMap<>();
        for (int i = 0; i < m.exportSection().exportCount(); i++) {
            Export e = m.exportSection().getExport(i);
            if (e.exportType() != ExternalType.FUNCTION) {
                continue;
            }
            int fn = e.index();
            int typeIndex = fn < importedFunctions
                    ? importedTypes.get(fn)
                    : m.functionSection().getFunctionType(fn - importedFunctions);
            out.put(e.name(), m.typeSection().getType(typeIndex));
        }
        return Map.copyOf(out);
    }

    /** The built-in wasm of {@code build}, read once and checked against the SHA-256 its version pins. */
    static byte[] builtIn(CoreBuild build) {
        return BUILT_IN.computeIfAbsent(build, b -> {
            byte[] bytes = readResource(resource(b));
            String sha = sha256(bytes);
            if (!sha.equals(b.wasmSha256())) {
                throw new IllegalStateException("the built-in core " + resource(b) + " has sha256 " + sha
                        + ", but core " + b + " pins " + b.wasmSha256());
            }
            return bytes;
        });
    }

    private static byte[] readResource(String name) {
        try (InputStream in = CoreModule.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the built-in core " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readFile(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read wasm file " + p, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package flagparity.wasm.engine;

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
import flagparity.wasm.Engine;
import flagparity.wasm.chicory.FlagCore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A core loaded (and, where the engine compiles, compiled) once, from which any number of instances
 * are made. Loading is the expensive part (the Chicory runtime compiler takes about a second), so
 * modules are cached for the life of the JVM, keyed by engine and the wasm's SHA-256.
 */
abstract class CoreModule {
    private static final String BUILT_IN = "/flagparity/wasm/bucketing-lib.release.wasm";
    private static final Map<String, CoreModule> CACHE = new ConcurrentHashMap<>();

    private final Map<String, FunctionType> exportTypes;
    private final long staticDataEnd;

    CoreModule(WasmModule parsed) {
        this.exportTypes = exportTypes(parsed);
        this.staticDataEnd = staticDataEnd(parsed);
    }

    /** The core in this jar, read and hashed once. */
    private static final class BuiltIn {
        static final byte[] BYTES = readBuiltIn();
        static final String SHA256 = sha256(BYTES);
    }

    static CoreModule load(Engine engine, Path wasmOrNull) {
        byte[] wasm = wasmOrNull == null ? BuiltIn.BYTES : readFile(wasmOrNull);
        String sha = wasmOrNull == null ? BuiltIn.SHA256 : sha256(wasm);
        return CACHE.computeIfAbsent(engine.id() + ":" + sha, k -> create(engine, wasm, sha));
    }

    private static CoreModule create(Engine engine, byte[] wasm, String sha) {
        switch (engine) {
            case CHICORY_INTERPRETER:
            case CHICORY_COMPILER:
                return new ChicoryModule(engine, Parser.parse(wasm));
            case CHICORY_AOT:
                if (!sha.equals(BuiltIn.SHA256)) {
                    throw new IllegalArgumentException("chicory-aot runs only the built-in core, which the build"
                            + " compiled to bytecode; use chicory-compiler for another wasm file");
                }
                return new ChicoryModule(engine, FlagCore.load());
            case WASMTIME:
                return new WasmtimeModule(Parser.parse(wasm), wasm);
            default:
                throw new IllegalArgumentException("no such engine: " + engine);
        }
    }

    abstract CoreInstance instantiate(Clock clock);

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

    private static byte[] readBuiltIn() {
        try (InputStream in = CoreModule.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in core " + BUILT_IN + " is missing from the classpath");
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

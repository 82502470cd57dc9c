package flagparity.wasm.engine;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import flagparity.wasm.engine.CoreCalls.Export;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Any export of one core instance called by name, for the core's test-hook exports (the parity
 * tests compare the reference's parts with them): arguments lowered and results lifted by the
 * export's signature.
 */
public final class CoreHooks {
    private final CoreModule module;
    private final CoreCalls calls;
    private final LinearMemory memory;
    private final Export fnSetArgumentsLength;
    private final Map<String, Export> exports = new HashMap<>();

    CoreHooks(CoreModule module, CoreCalls calls, LinearMemory memory) {
        this.module = module;
        this.calls = calls;
        this.memory = memory;
        this.fnSetArgumentsLength = calls.export("__setArgumentsLength");
    }

    /**
     * Calls an export taking strings (or null) and numbers and returning a string (or null). A
     * {@link String} or null goes in as an AssemblyScript string; a {@link Boolean} as 0 or 1; a
     * {@link Number} as the parameter's type (i32, i64, f32, f64). Trailing arguments may be left out:
     * an export with optional parameters (such as {@code evaluateOperatorFromJSON}'s audiences) then
     * uses their defaults, any other gets 0.
     */
    public String callForString(String export, Object... args) {
        return memory.liftString((int) call(export, args));
    }

    /** Calls an export returning a bool. */
    public boolean callForBoolean(String export, Object... args) {
        return call(export, args) != 0;
    }

    /** Calls an export returning a number: an f64, or an i32 read as unsigned, or an i64. */
    public double callForDouble(String export, Object... args) {
        FunctionType type = module.exportType(export);
        long raw = call(export, args);
        ValType result = type.returns().isEmpty() ? null : type.returns().get(0);
        if (ValType.F64.equals(result)) {
            return Double.longBitsToDouble(raw);
        }
        if (ValType.I32.equals(result)) {
            return raw & 0xFFFFFFFFL;
        }
        return raw;
    }

    private long call(String name, Object[] args) {
        FunctionType type = module.exportType(name);
        List<ValType> params = type.params();
        if (args.length > params.size()) {
            throw new IllegalArgumentException(name + " takes " + params.size() + " arguments, not " + args.length);
        }
        Export fn = exports.computeIfAbsent(name, calls::export);
        long[] raw = new long[params.size()];
        int[] pinned = new int[args.length];
        int pins = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                ValType p = params.get(i);
                if (a == null) {
                    raw[i] = 0;
                } else if (a instanceof String) {
                    int ptr = memory.newString((String) a);
                    memory.pin(ptr);
                    pinned[pins++] = ptr;
                    raw[i] = ptr;
                } else if (a instanceof Boolean) {
                    raw[i] = (Boolean) a ? 1 : 0;
                } else if (a instanceof Number && ValType.F64.equals(p)) {
                    raw[i] = Double.doubleToRawLongBits(((Number) a).doubleValue());
                } else if (a instanceof Number && ValType.F32.equals(p)) {
                    raw[i] = Float.floatToRawIntBits(((Number) a).floatValue());
                } else if (a instanceof Number) {
                    raw[i] = ValType.I32.equals(p) ? ((Number) a).intValue() : ((Number) a).longValue();
                } else {
                    throw new IllegalArgumentException("cannot pass a " + a.getClass().getSimpleName() + " to " + name);
                }
            }
            // Exports with optional parameters fill those past this count with their defaults.
            calls.invoke(fnSetArgumentsLength, args.length);
            return calls.invoke(fn, raw);
        } finally {
            for (int i = 0; i < pins && calls.usable(); i++) {
                memory.unpin(pinned[i]);
            }
        }
    }
}

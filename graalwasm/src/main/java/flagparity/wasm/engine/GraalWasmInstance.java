package flagparity.wasm.engine;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/** One GraalWasm instance of the core, in its own context on the module's shared engine. */
final class GraalWasmInstance implements WasmInstance {
    private final Context context;
    /** The engine, when it is this instance's own (closed with it). */
    private final Engine ownEngine;
    private final Value exports;
    private final Value memory;
    /** Cancels this instance's call past its deadline: a cancelled context is closed for good. */
    private final DeadlineTimer.Watch watch;

    GraalWasmInstance(CoreCalls host, CallDeadlines deadlines, Engine engine, boolean ownsEngine, Source source) {
        this.ownEngine = ownsEngine ? engine : null;
        this.context = Context.newBuilder("wasm").engine(engine).build();
        // close(true) waits for the cancelled call to unwind: off the timer's thread, which serves every instance
        this.watch = deadlines.enforced()
                ? new DeadlineTimer.Watch(() -> Thread.ofPlatform().daemon().start(() -> context.close(true)))
                : null;
        try {
            Value module = context.eval(source);
            ProxyObject env = ProxyObject.fromMap(Map.of(
                    "abort", (ProxyExecutable) args -> {
                        host.hostAbort(args[0].asInt(), args[1].asInt(), args[2].asInt(), args[3].asInt());
                        return null;
                    },
                    "Date.now", (ProxyExecutable) args -> host.hostDateNow(),
                    "console.log", (ProxyExecutable) args -> {
                        host.hostConsoleLog(args[0].asInt());
                        return null;
                    },
                    "seed", (ProxyExecutable) args -> host.hostSeed()));
            Value instance = module.newInstance(ProxyObject.fromMap(Map.of("env", env)));
            this.exports = instance.getMember("exports");
            this.memory = exports.getMember("memory");
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    @Override
    public ExportCall lookup(String name, FunctionType type) {
        Value fn = exports.getMember(name);
        if (fn == null || !fn.canExecute()) {
            throw new IllegalArgumentException("the core exports no function \"" + name + "\"");
        }
        List<ValType> params = type.params();
        ValType result = type.returns().isEmpty() ? null : type.returns().get(0);
        return args -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = toValue(params.get(i), args[i]);
            }
            Value r = fn.execute(values);
            return result == null ? 0 : fromValue(result, r);
        };
    }

    /** A call that returned as the timer fired counts as stopped too: the context is closing anyway. */
    @Override
    public CallWatch watch() {
        return watch != null ? watch : CallWatch.NONE;
    }

    private static Object toValue(ValType type, long raw) {
        if (ValType.I32.equals(type)) return (int) raw;
        if (ValType.I64.equals(type)) return raw;
        if (ValType.F64.equals(type)) return Double.longBitsToDouble(raw);
        if (ValType.F32.equals(type)) return Float.intBitsToFloat((int) raw);
        throw new IllegalArgumentException("cannot pass a " + type + " to the core");
    }

    private static long fromValue(ValType type, Value v) {
        if (ValType.I32.equals(type)) return v.asInt();
        if (ValType.I64.equals(type)) return v.asLong();
        if (ValType.F64.equals(type)) return Double.doubleToRawLongBits(v.asDouble());
        if (ValType.F32.equals(type)) return Float.floatToRawIntBits(v.asFloat());
        throw new IllegalArgumentException("the core returned a " + type);
    }

    @Override
    public int readInt(int address) {
        return memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, address & 0xFFFFFFFFL);
    }

    @Override
    public void writeInt(int address, int value) {
        memory.writeBufferInt(ByteOrder.LITTLE_ENDIAN, address & 0xFFFFFFFFL, value);
    }

    @Override
    public byte[] readBytes(int address, int length) {
        byte[] out = new byte[length];
        memory.readBuffer(address & 0xFFFFFFFFL, out, 0, length);
        return out;
    }

    @Override
    public void writeBytes(int address, byte[] bytes, int offset, int length) {
        // The polyglot buffer API has no bulk write: eight bytes per call, then the rest one by one.
        long base = address & 0xFFFFFFFFL;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long v = 0;
            for (int b = 7; b >= 0; b--) {
                v = v << 8 | (bytes[offset + i + b] & 0xFFL);
            }
            memory.writeBufferLong(ByteOrder.LITTLE_ENDIAN, base + i, v);
        }
        for (; i < length; i++) {
            memory.writeBufferByte(base + i, bytes[offset + i]);
        }
    }

    @Override
    public int memoryPages() {
        return (int) (memory.getBufferSize() >>> 16);
    }

    @Override
    public void release() {
        if (watch != null) {
            watch.close();
        }
        context.close(true);
        if (ownEngine != null) {
            ownEngine.close();
        }
    }
}

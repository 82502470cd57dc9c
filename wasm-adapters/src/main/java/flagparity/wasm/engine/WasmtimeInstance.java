package flagparity.wasm.engine;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.github.kawamuray.wasmtime.Disposable;
import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Extern;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.Instance;
import io.github.kawamuray.wasmtime.Memory;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.Val;
import io.github.kawamuray.wasmtime.WasmFunctions;
import io.github.kawamuray.wasmtime.WasmValType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One wasmtime-java instance of the core, in its own store. The four host functions are made once
 * here and disposed with the instance (DevCycle's SDK 2.6.0 made a new one per call and leaked
 * native memory).
 */
final class WasmtimeInstance implements WasmInstance, WasmInstance.CallWatch {
    private final CoreCalls host;
    private final Store<Void> store;
    private final Instance instance;
    private final Memory memory;
    /** Native handles to free on close, newest first. */
    private final Deque<Disposable> owned = new ArrayDeque<>();
    /**
     * A view of linear memory. wasmtime reserves a static region for a memory with a maximum this
     * small, so growing never moves it: the view is only refreshed when an address falls past its end.
     */
    private ByteBuffer view;
    /** The epoch ({@link DeadlineTimer#epoch()}) at which the store's current deadline falls. */
    private long armedUntil;
    /** Whether calls have deadlines (the engine then interrupts at epochs). */
    private final boolean deadlines;

    WasmtimeInstance(CoreCalls host, CallDeadlines deadlines, Engine engine, Module module, List<String> importNames) {
        this.host = host;
        this.store = new Store<>(null, engine);
        owned.push(store);
        this.deadlines = deadlines.enforced();
        if (this.deadlines) {
            armEpochDeadline(deadlines.config().toNanos()); // the core's start function runs while instantiating
        }
        List<Extern> imports = new ArrayList<>();
        for (String name : importNames) {
            Func f = hostFunction(name);
            owned.push(f);
            imports.add(Extern.fromFunc(f));
        }
        this.instance = new Instance(store, module, imports);
        owned.push(instance);
        this.memory = instance.getMemory(store, "memory")
                .orElseThrow(() -> new IllegalArgumentException("the core exports no memory"));
        owned.push(memory);
        this.view = freshView();
    }

    private Func hostFunction(String name) {
        switch (name) {
            case "abort":
                return WasmFunctions.wrap(store, WasmValType.I32, WasmValType.I32, WasmValType.I32, WasmValType.I32,
                        (Integer msg, Integer file, Integer line, Integer col) -> host.hostAbort(msg, file, line, col));
            case "Date.now":
                return WasmFunctions.wrap(store, WasmValType.F64, () -> host.hostDateNow());
            case "console.log":
                return WasmFunctions.wrap(store, WasmValType.I32, (Integer msg) -> host.hostConsoleLog(msg));
            case "seed":
                return WasmFunctions.wrap(store, WasmValType.F64, () -> host.hostSeed());
            default:
                throw new IllegalArgumentException("the core imports env." + name + ", which no engine here provides");
        }
    }

    private ByteBuffer freshView() {
        return memory.buffer(store).order(ByteOrder.LITTLE_ENDIAN);
    }

    private ByteBuffer view(int address, int length) {
        if ((long) address + length > view.capacity()) {
            view = freshView();
        }
        return view;
    }

    @Override
    public ExportCall lookup(String name, FunctionType type) {
        Func fn = instance.getFunc(store, name)
                .orElseThrow(() -> new IllegalArgumentException("the core exports no function \"" + name + "\""));
        owned.push(fn);
        List<ValType> params = type.params();
        ValType result = type.returns().isEmpty() ? null : type.returns().get(0);
        return args -> {
            Val[] vals = new Val[args.length];
            for (int i = 0; i < args.length; i++) {
                vals[i] = toVal(params.get(i), args[i]);
            }
            Val[] results = fn.call(store, vals);
            return result == null ? 0 : fromVal(results[0]);
        };
    }

    /** Itself when calls have deadlines: the store's epoch deadline stops them. */
    @Override
    public CallWatch watch() {
        return deadlines ? this : CallWatch.NONE;
    }

    @Override
    public void arm(long nanos) {
        armEpochDeadline(nanos);
    }

    /** Whether wasmtime stopped the call at its epoch deadline (the only interrupt it has here). */
    @Override
    public boolean stopped(Throwable failure) {
        if (!(failure instanceof RuntimeException)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("interrupt")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lets the next call run {@code nanos} (at least, and at most an eighth more plus two ticks). The
     * store's deadline is an epoch, so it is set again only when the epochs left drop below what the
     * call needs or exceed it by more than that eighth: mostly no native call per lookup.
     */
    private void armEpochDeadline(long nanos) {
        long ticks = (nanos + DeadlineTimer.TICK_NANOS - 1) / DeadlineTimer.TICK_NANOS + 1;
        long slack = Math.max(1, ticks / 8);
        long now = DeadlineTimer.epoch();
        long left = armedUntil - now;
        if (left < ticks || left > ticks + slack) {
            store.setEpochDeadline(ticks + slack);
            armedUntil = now + ticks + slack;
        }
    }

    private static Val toVal(ValType type, long raw) {
        if (ValType.I32.equals(type)) return Val.fromI32((int) raw);
        if (ValType.I64.equals(type)) return Val.fromI64(raw);
        if (ValType.F64.equals(type)) return Val.fromF64(Double.longBitsToDouble(raw));
        if (ValType.F32.equals(type)) return Val.fromF32(Float.intBitsToFloat((int) raw));
        throw new IllegalArgumentException("cannot pass a " + type + " to the core");
    }

    private static long fromVal(Val v) {
        switch (v.getType()) {
            case I32: return v.i32();
            case I64: return v.i64();
            case F64: return Double.doubleToRawLongBits(v.f64());
            case F32: return Float.floatToRawIntBits(v.f32());
            default: throw new IllegalArgumentException("the core returned a " + v.getType());
        }
    }

    @Override
    public int readInt(int address) {
        return view(address, 4).getInt(address);
    }

    @Override
    public void writeInt(int address, int value) {
        view(address, 4).putInt(address, value);
    }

    @Override
    public byte[] readBytes(int address, int length) {
        byte[] out = new byte[length];
        view(address, length).get(address, out);
        return out;
    }

    @Override
    public void writeBytes(int address, byte[] bytes, int offset, int length) {
        view(address, length).put(address, bytes, offset, length);
    }

    @Override
    public int memoryPages() {
        return memory.size(store);
    }

    @Override
    public void release() {
        while (!owned.isEmpty()) {
            owned.pop().dispose();
        }
    }
}

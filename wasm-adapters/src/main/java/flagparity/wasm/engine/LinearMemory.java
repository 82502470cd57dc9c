package flagparity.wasm.engine;

import flagparity.wasm.engine.CoreCalls.Export;
import java.util.HashMap;
import java.util.Map;

/**
 * The core's linear memory as AssemblyScript lays values out in it: strings and Uint8Arrays made
 * with {@code __new}, kept alive with {@code __pin}/{@code __unpin}, and read back.
 */
final class LinearMemory {
    static final int ARRAY_BUFFER_ID = 1;
    static final int STRING_ID = 2;
    static final int UINT8ARRAY_ID = 9;

    private final WasmInstance runtime;
    private final CoreCalls calls;
    private final Export fnNew;
    private final Export fnPin;
    private final Export fnUnpin;
    private final Map<String, Integer> pinnedKeys = new HashMap<>();

    LinearMemory(CoreCalls calls) {
        this.runtime = calls.runtime();
        this.calls = calls;
        this.fnNew = calls.export("__new");
        this.fnPin = calls.export("__pin");
        this.fnUnpin = calls.export("__unpin");
    }

    void pin(int ptr) {
        calls.invoke(fnPin, ptr);
    }

    void unpin(int ptr) {
        calls.invoke(fnUnpin, ptr);
    }

    /** A new, unpinned string holding {@code s}. */
    int newString(String s) {
        int ptr = (int) calls.invoke(fnNew, (long) s.length() << 1, STRING_ID);
        writeChars(ptr, s);
        return ptr;
    }

    /** A new pinned string of {@code chars} code units; {@code old} (0 for none) is unpinned. */
    int regrowString(int old, int chars) {
        int ptr = (int) calls.invoke(fnNew, (long) chars << 1, STRING_ID);
        pin(ptr);
        if (old != 0) {
            unpin(old);
        }
        return ptr;
    }

    /** Writes {@code s} as UTF-16LE code units at {@code ptr}. */
    void writeChars(int ptr, String s) {
        int n = s.length();
        byte[] utf16 = new byte[n << 1];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            utf16[i << 1] = (byte) c;
            utf16[(i << 1) + 1] = (byte) (c >>> 8);
        }
        runtime.writeBytes(ptr, utf16, 0, utf16.length);
    }

    /** The AssemblyScript string at {@code ptr}, code unit for code unit, or null for 0. */
    String liftString(int ptr) {
        return liftString(runtime, ptr);
    }

    /** As {@link #liftString(int)}, for the host imports, which run before this exists. */
    static String liftString(WasmInstance runtime, int ptr) {
        if (ptr == 0) {
            return null;
        }
        int byteLength = runtime.readInt(ptr - 4);
        byte[] utf16 = runtime.readBytes(ptr, byteLength);
        char[] chars = new char[byteLength >>> 1];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((utf16[i << 1] & 0xFF) | (utf16[(i << 1) + 1] & 0xFF) << 8);
        }
        return new String(chars);
    }

    /** A new Uint8Array holding {@code data}; unpinned, so it must be the last value lowered before the call. */
    int newUint8Array(byte[] data) {
        int buffer = (int) calls.invoke(fnNew, data.length, ARRAY_BUFFER_ID);
        pin(buffer);
        int header = newUint8ArrayHeader(buffer, data.length);
        runtime.writeBytes(buffer, data, 0, data.length);
        unpin(buffer);
        return header;
    }

    /**
     * A new pinned Uint8Array of {@code capacity} bytes, to be written in place; returns its header
     * (index 0) and data address (index 1).
     */
    int[] newPinnedUint8Array(int capacity) {
        int buffer = (int) calls.invoke(fnNew, capacity, ARRAY_BUFFER_ID);
        pin(buffer);
        int header = newUint8ArrayHeader(buffer, capacity);
        pin(header);
        unpin(buffer);
        return new int[] {header, buffer};
    }

    private int newUint8ArrayHeader(int buffer, int length) {
        int header = (int) calls.invoke(fnNew, 12, UINT8ARRAY_ID);
        runtime.writeInt(header, buffer);
        runtime.writeInt(header + 4, buffer);
        runtime.writeInt(header + 8, length);
        return header;
    }

    /** The bytes of the Uint8Array at {@code ptr}, or null for 0. */
    byte[] liftUint8Array(int ptr) {
        if (ptr == 0) {
            return null;
        }
        return runtime.readBytes(runtime.readInt(ptr + 4), runtime.readInt(ptr + 8));
    }

    void writeBytes(int address, byte[] bytes, int offset, int length) {
        runtime.writeBytes(address, bytes, offset, length);
    }

    /** The SDK key as a string pinned for the life of the instance (it goes into every lookup). */
    int pinnedKey(String sdkKey) {
        Integer ptr = pinnedKeys.get(sdkKey);
        if (ptr == null) {
            ptr = newString(sdkKey);
            pin(ptr);
            pinnedKeys.put(sdkKey, ptr);
        }
        return ptr;
    }

    int pages() {
        return runtime.memoryPages();
    }
}

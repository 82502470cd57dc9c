package flagparity.wasm.engine;

import com.dylibso.chicory.wasm.types.FunctionType;

/**
 * What a Wasm runtime gives one instance of the core: its exports, a way to stop a call at its
 * deadline, and its linear memory. One class per runtime implements it ({@link ChicoryInstance},
 * {@link WasmtimeInstance}, graalwasm's {@code GraalWasmInstance}); everything above it
 * ({@link CoreCalls}, {@link LinearMemory}, {@link CoreInstance}) is runtime-neutral.
 */
interface WasmInstance {

    /** One exported function as the runtime calls it: arguments and the result as raw Wasm values (f64 as bits). */
    interface ExportCall {
        /** The first result, or 0 for none. Called only by {@link CoreCalls#invoke}. */
        long call(long... args);
    }

    /** Looks up export {@code name} once; {@code type} is its signature. */
    ExportCall lookup(String name, FunctionType type);

    /** Stops an export call at its deadline: armed before each call ({@link CoreCalls#invoke}), asked after it. */
    interface CallWatch {
        /** For calls without a deadline. */
        CallWatch NONE = new CallWatch() {
            @Override
            public void arm(long nanos) {}

            @Override
            public boolean stopped(Throwable failure) {
                return false;
            }
        };

        /** Before the call: it may run {@code nanos}. */
        void arm(long nanos);

        /**
         * After the call: whether the runtime stopped it at its deadline. {@code failure} is what the
         * call threw, or null when it returned (a runtime whose stop outlives the call says true then).
         */
        boolean stopped(Throwable failure);
    }

    /** What stops this instance's calls at their deadline ({@link CallWatch#NONE} when they have none). */
    CallWatch watch();

    int readInt(int address);

    void writeInt(int address, int value);

    byte[] readBytes(int address, int length);

    void writeBytes(int address, byte[] bytes, int offset, int length);

    /** Pages (64 KiB) of linear memory. */
    int memoryPages();

    /** Releases the runtime's resources for this instance. */
    void release();
}

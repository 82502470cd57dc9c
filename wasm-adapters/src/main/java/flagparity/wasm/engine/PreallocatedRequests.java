package flagparity.wasm.engine;

import flagparity.wasm.engine.CoreCalls.Export;

/**
 * Request buffers pinned in the core's memory for the life of the instance and reused by every
 * lookup: the user and key strings of {@code variableForUserPreallocated}, the Uint8Array of
 * {@code variableForUser_PB_Preallocated} (each regrown when too small, the old one unpinned), and
 * a user kept in memory across the lookups of one bound user ({@code Evaluator.forUser}).
 *
 * <p>A holder is the caller's bound user, compared by identity; an instance keeps one at a time per
 * entry point, so another holder (or a plain lookup into the same buffer) writes its own.
 */
final class PreallocatedRequests {
    private static final int MIN_PREALLOCATED = 512;

    private final CoreCalls calls;
    private final LinearMemory memory;
    private final Export fnVariableForUser;
    private final Export fnVariableForUserPreallocated;
    private final Export fnVariableForUserPbPreallocated;

    private int userBuffer;
    private int userBufferChars;
    private int keyBuffer;
    private int keyBufferChars;
    private int pbHeader;
    private int pbData;
    private int pbCapacity;
    /** The bound users whose requests are in memory, or null. */
    private Object heldUserHolder;
    private int heldUser;
    private Object preallocatedUserHolder;
    private Object pbUserHolder;

    PreallocatedRequests(CoreCalls calls, LinearMemory memory, Export fnVariableForUser) {
        this.calls = calls;
        this.memory = memory;
        this.fnVariableForUser = fnVariableForUser;
        this.fnVariableForUserPreallocated = calls.export("variableForUserPreallocated");
        this.fnVariableForUserPbPreallocated = calls.export("variableForUser_PB_Preallocated");
    }

    String variableForUser(String sdkKey, String userJson, String key, int typeIndex) {
        writeJsonRequest(userJson, key);
        return memory.liftString(runJson(sdkKey, userJson.length(), key.length(), typeIndex));
    }

    void writeJsonRequest(String userJson, String key) {
        writeJsonUser(userJson);
        preallocatedUserHolder = null;
        writeJsonKey(key);
    }

    private void writeJsonUser(String userJson) {
        if (userJson.length() > userBufferChars) {
            int chars = Math.max(Math.max(userJson.length(), userBufferChars * 2), MIN_PREALLOCATED);
            userBuffer = memory.regrowString(userBuffer, chars);
            userBufferChars = chars;
        }
        memory.writeChars(userBuffer, userJson);
    }

    private void writeJsonKey(String key) {
        if (key.length() > keyBufferChars) {
            int chars = Math.max(Math.max(key.length(), keyBufferChars * 2), MIN_PREALLOCATED / 4);
            keyBuffer = memory.regrowString(keyBuffer, chars);
            keyBufferChars = chars;
        }
        memory.writeChars(keyBuffer, key);
    }

    int runJson(String sdkKey, int userChars, int keyChars, int typeIndex) {
        if (userChars < 0 || userChars > userBufferChars || keyChars < 0 || keyChars > keyBufferChars) {
            throw new IllegalArgumentException("the request is " + userChars + " + " + keyChars
                    + " chars but only " + userBufferChars + " + " + keyBufferChars + " were written");
        }
        return (int) calls.invoke(fnVariableForUserPreallocated, memory.pinnedKey(sdkKey), userBuffer, userChars,
                keyBuffer, keyChars, typeIndex, 0);
    }

    int writeProtobufRequest(byte[] params) {
        ensurePbCapacity(params.length);
        pbUserHolder = null;
        memory.writeBytes(pbData, params, 0, params.length);
        return params.length;
    }

    private void ensurePbCapacity(int length) {
        if (length > pbCapacity) {
            regrowPbBuffer(Math.max(Math.max(length, pbCapacity * 2), MIN_PREALLOCATED));
            pbUserHolder = null;
        }
    }

    int runProtobuf(int length) {
        if (length < 0 || length > pbCapacity) {
            throw new IllegalArgumentException("the request is " + length + " bytes but only " + pbCapacity
                    + " were written");
        }
        return (int) calls.invoke(fnVariableForUserPbPreallocated, pbHeader, length);
    }

    private void regrowPbBuffer(int capacity) {
        int[] array = memory.newPinnedUint8Array(capacity);
        if (pbHeader != 0) {
            memory.unpin(pbHeader);
        }
        pbHeader = array[0];
        pbData = array[1];
        pbCapacity = capacity;
    }

    String variableForHeldUser(Object holder, String sdkKey, String userJson, String key, int typeIndex) {
        int sdk = memory.pinnedKey(sdkKey);
        if (heldUserHolder != holder) {
            int user = memory.newString(userJson);
            memory.pin(user);
            if (heldUser != 0) {
                memory.unpin(heldUser);
            }
            heldUser = user;
            heldUserHolder = holder;
        }
        int variableKey = memory.newString(key);
        return memory.liftString((int) calls.invoke(fnVariableForUser, sdk, heldUser, variableKey, typeIndex, 0));
    }

    String variableForHeldUserPreallocated(Object holder, String sdkKey, String userJson, String key, int typeIndex) {
        if (preallocatedUserHolder != holder) {
            writeJsonUser(userJson);
            preallocatedUserHolder = holder;
        }
        writeJsonKey(key);
        return memory.liftString(runJson(sdkKey, userJson.length(), key.length(), typeIndex));
    }

    byte[] variableForHeldUserProtobuf(Object holder, byte[] userPart, byte[] keyPart) {
        int length = userPart.length + keyPart.length;
        ensurePbCapacity(length);
        if (pbUserHolder != holder) {
            memory.writeBytes(pbData, userPart, 0, userPart.length);
            pbUserHolder = holder;
        }
        memory.writeBytes(pbData + userPart.length, keyPart, 0, keyPart.length);
        return memory.liftUint8Array(runProtobuf(length));
    }
}

package flagparity.wasm;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a lookup crosses into the core and back. */
public enum Codec {
    /** {@code variableForUser}: the user as a UTF-16 JSON string, the variable back as a JSON string. */
    JSON("json"),
    /** {@code variableForUser_PB}: a fresh {@code VariableForUserParams_PB} buffer per call, {@code SDKVariable_PB} back. */
    PROTOBUF("protobuf"),
    /**
     * {@code variableForUser_PB_Preallocated}: the protobuf request written into one pinned buffer
     * per instance, reused and grown as needed, so a lookup allocates nothing on the way in.
     */
    PROTOBUF_PREALLOCATED("protobuf-preallocated");

    private final String id;

    Codec(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Codec parse(String id) {
        for (Codec c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown codec \"" + id + "\" (expected one of "
                + Arrays.stream(values()).map(Codec::id).collect(Collectors.joining(", ")) + ")");
    }
}

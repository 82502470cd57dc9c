package flagparity.wasm;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a lookup crosses into the core and back. */
public enum Codec {
    /** {@code variableForUser}: the user as a UTF-16 JSON string, the variable back as a JSON string. */
    JSON("json"),
    /**
     * {@code variableForUserPreallocated}: the user JSON and key written into two strings pinned once
     * per instance, reused and grown as needed: one export call per lookup instead of five.
     */
    JSON_PREALLOCATED("json-preallocated"),
    /** {@code variableForUser_PB}: a fresh {@code VariableForUserParams_PB} buffer per call, {@code SDKVariable_PB} back. */
    PROTOBUF("protobuf"),
    /**
     * {@code variableForUser_PB_Preallocated}: the protobuf request written into one buffer pinned
     * once per instance, reused and grown as needed: one export call per lookup instead of five.
     */
    PROTOBUF_PREALLOCATED("protobuf-preallocated");

    private final String id;

    Codec(String id) {
        this.id = id;
    }

    /** True for the codecs that send the user as JSON and get the variable back as JSON. */
    public boolean json() {
        return this == JSON || this == JSON_PREALLOCATED;
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

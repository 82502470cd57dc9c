package flagparity.wasm;

import flagparity.reference.api.User;
import flagparity.wasm.engine.CoreBuild;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a lookup crosses into the core and back. {@link #SAFE} is the default wherever a user does not
 * pick one; the four raw codecs stay selectable by name, for measuring the entry points one by one.
 */
public enum Codec {
    /**
     * The safe policy, decided by the core build run ({@link CoreBuild#protobufSafeFor}): on a build
     * with D8 (DevCycle's 1.42.8: any protobuf lookup can have its answer's evalReason freed while it
     * is built) every user goes over {@link #JSON_PREALLOCATED}; on a build with D7 only (1.32.0) a
     * user with customData or privateCustomData goes over {@link #JSON_PREALLOCATED} (its protobuf
     * entry points can free that data mid-call, then abort, answer wrongly or loop) and every other
     * user over {@link #PROTOBUF_PREALLOCATED}, the cheapest entry point; on a fixed build
     * ({@code -d7fix}) everyone goes over protobuf. So each answer is the one the core gives on the
     * entry point it was asked through, and none is exposed to D7 or D8 (results/DIVERGENCES.md).
     */
    SAFE("safe"),
    /** {@code variableForUser}: the user as a UTF-16 JSON string, the variable back as a JSON string. */
    JSON("json"),
    /**
     * {@code variableForUserPreallocated}: the user JSON and key written into two strings pinned once
     * per instance, reused and grown as needed: one export call per lookup instead of five.
     */
    JSON_PREALLOCATED("json-preallocated"),
    /**
     * {@code variableForUser_PB}: a fresh {@code VariableForUserParams_PB} buffer per call,
     * {@code SDKVariable_PB} back. Exposed to D7 for users with custom data, and to D8 for every
     * user on 1.42.8: see {@link #SAFE}.
     */
    PROTOBUF("protobuf"),
    /**
     * {@code variableForUser_PB_Preallocated}: the protobuf request written into one buffer pinned
     * once per instance, reused and grown as needed: one export call per lookup instead of five.
     * Exposed to D7 for users with custom data, and to D8 for every user on 1.42.8: see {@link #SAFE}.
     */
    PROTOBUF_PREALLOCATED("protobuf-preallocated");

    /** The id of the codec wherever a user does not pick one (a constant, for annotations). */
    public static final String DEFAULT_ID = "safe";
    /** The codec wherever a user does not pick one. */
    public static final Codec DEFAULT = parse(DEFAULT_ID);

    private final String id;

    Codec(String id) {
        this.id = id;
    }

    /** True for the codecs that always send the user as JSON and get the variable back as JSON. */
    public boolean json() {
        return this == JSON || this == JSON_PREALLOCATED;
    }

    /** The raw protobuf codecs: every user through a protobuf entry point, D7 and D8 or not. */
    public boolean rawProtobuf() {
        return this == PROTOBUF || this == PROTOBUF_PREALLOCATED;
    }

    /**
     * The raw codec this one sends {@code user} through on {@code core}: itself for a raw codec; for
     * {@link #SAFE}, protobuf where the build's protobuf entry points are safe for that user, else JSON.
     */
    public Codec route(User user, CoreBuild core) {
        if (this != SAFE) {
            return this;
        }
        boolean customData = user.customData() != null || user.privateCustomData() != null;
        return core.protobufSafeFor(customData) ? PROTOBUF_PREALLOCATED : JSON_PREALLOCATED;
    }

    /** The text help and docs show for this codec: its id, and the defect when it has one. */
    public String description() {
        return switch (this) {
            case SAFE -> "safe (JSON on a core with D8; else protobuf, JSON for users with custom data on a core with D7)";
            case PROTOBUF, PROTOBUF_PREALLOCATED -> id
                    + " (D7: users with custom data can get aborts, wrong answers, loops; D8 on 1.42.8: any user)";
            default -> id;
        };
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

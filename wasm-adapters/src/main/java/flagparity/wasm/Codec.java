package flagparity.wasm;

import flagparity.reference.api.User;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a lookup crosses into the core and back. {@link #SAFE} is the default wherever a user does not
 * pick one; the four raw codecs stay selectable by name, for measuring the entry points one by one.
 */
public enum Codec {
    /**
     * The D7-safe policy: a user with customData or privateCustomData goes over
     * {@link #JSON_PREALLOCATED} on a core that has D7 (results/DIVERGENCES.md: its protobuf entry
     * points can free that data mid-call, then abort, answer wrongly or loop), every other user over
     * {@link #PROTOBUF_PREALLOCATED}, the cheapest entry point. So each answer is the one the core
     * gives on the entry point it was asked through, and none is exposed to D7.
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
     * {@code SDKVariable_PB} back. Exposed to D7 for users with custom data: see {@link #SAFE}.
     */
    PROTOBUF("protobuf"),
    /**
     * {@code variableForUser_PB_Preallocated}: the protobuf request written into one buffer pinned
     * once per instance, reused and grown as needed: one export call per lookup instead of five.
     * Exposed to D7 for users with custom data: see {@link #SAFE}.
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

    /** The raw protobuf codecs: every user through a protobuf entry point, D7 or not. */
    public boolean rawProtobuf() {
        return this == PROTOBUF || this == PROTOBUF_PREALLOCATED;
    }

    /**
     * The raw codec this one sends {@code user} through, on a core that has D7 or not: itself for a
     * raw codec; for {@link #SAFE}, JSON for a user with custom data on a core with D7, else protobuf.
     */
    public Codec route(User user, boolean coreHasD7) {
        if (this != SAFE) {
            return this;
        }
        boolean customData = user.customData() != null || user.privateCustomData() != null;
        return coreHasD7 && customData ? JSON_PREALLOCATED : PROTOBUF_PREALLOCATED;
    }

    /** The text help and docs show for this codec: its id, and the defect when it has one. */
    public String description() {
        return switch (this) {
            case SAFE -> "safe (protobuf, JSON for users with custom data on a core with D7)";
            case PROTOBUF, PROTOBUF_PREALLOCATED -> id + " (D7: users with custom data can get aborts, wrong answers, loops)";
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

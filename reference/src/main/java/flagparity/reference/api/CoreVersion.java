package flagparity.reference.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A release of DevCycle's bucketing core whose semantics flagparity knows: the one list of core
 * versions. The reference answers as the version it is given; the Wasm adapters run that version's
 * wasm. Adding a version is one constant here plus its wasm (see ARCHITECTURE.md).
 */
public enum CoreVersion {
    /** The core inside DevCycle's Java SDK 2.6.0 (npm {@code @devcycle/bucketing-assembly-script@1.32.0}). */
    V1_32_0("1.32.0"),
    /** npm {@code @devcycle/bucketing-assembly-script@1.42.8}, the build DevCycle's Java SDK 2.8.1+ embeds. */
    V1_42_8("1.42.8");

    private final String id;

    CoreVersion(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The newest version: the default wherever a user does not pick one. */
    public static CoreVersion newest() {
        CoreVersion[] all = values();
        return all[all.length - 1];
    }

    public static CoreVersion parse(String id) {
        for (CoreVersion v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown core version \"" + id + "\" (expected one of "
                + Arrays.stream(values()).map(CoreVersion::id).collect(Collectors.joining(", ")) + ")");
    }
}

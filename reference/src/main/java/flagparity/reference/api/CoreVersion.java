package flagparity.reference.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A release of DevCycle's bucketing core whose semantics flagparity knows: the one list of core
 * versions. The reference answers as the version it is given; the Wasm adapters run that version's
 * wasm, whose SHA-256 is pinned here (the adapters check the bytes they load against it). Adding a
 * version is one constant here plus its vendored wasm and one build-time compile (see
 * ARCHITECTURE.md, "Core versions"), and the reference's rules for it in
 * {@code flagparity.reference.config.CoreRules} (the reference does not compile without them).
 */
public enum CoreVersion {
    /** The core inside DevCycle's Java SDK 2.6.0 (npm {@code @devcycle/bucketing-assembly-script@1.32.0}). */
    V1_32_0("1.32.0", "2aec3c52b19a7dec81f19d70c81806429b972213f836f3e35d9715422359ce5f", true),
    /**
     * npm {@code @devcycle/bucketing-assembly-script@1.42.8}, the build DevCycle's Java SDK 2.8.1+ embeds
     * (its wasm is byte-identical to 1.42.1's and 1.42.6's).
     */
    V1_42_8("1.42.8", "ea2a28c87451f8605fac11f4fe695e5b268d1ebf6e33f9d53d2f885c644e1826", true);

    private final String id;
    private final String wasmSha256;
    private final boolean hasD7;

    CoreVersion(String id, String wasmSha256, boolean hasD7) {
        this.id = id;
        this.wasmSha256 = wasmSha256;
        this.hasD7 = hasD7;
    }

    public String id() {
        return id;
    }

    /** The SHA-256 (lower-case hex) of the {@code bucketing-lib.release.wasm} the adapters run for this version. */
    public String wasmSha256() {
        return wasmSha256;
    }

    /**
     * Whether the core's protobuf entry points can free a user's custom data while using it (D7 in
     * results/DIVERGENCES.md): such users must not be sent to them.
     */
    public boolean hasD7() {
        return hasD7;
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
        throw new IllegalArgumentException("unknown core version \"" + id + "\" (expected one of " + ids() + ")");
    }

    /** The versions' ids, comma separated, oldest first (for help texts and messages). */
    public static String ids() {
        return Arrays.stream(values()).map(CoreVersion::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}

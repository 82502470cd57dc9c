package flagparity.reference.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A release of DevCycle's bucketing core whose semantics flagparity knows: the one list of core
 * versions. The reference answers as the version it is given; the Wasm adapters run that version's
 * wasm, or this project's fixed build of it, whose SHA-256s are pinned here (the adapters check the
 * bytes they load against them; {@code flagparity.wasm.engine.CoreBuild} names the builds). Adding a
 * version is one constant here plus its vendored wasm and one build-time compile (see
 * ARCHITECTURE.md, "Core versions"), and the reference's rules for it in
 * {@code flagparity.reference.config.CoreRules} (the reference does not compile without them).
 */
public enum CoreVersion {
    /** The core inside DevCycle's Java SDK 2.6.0 (npm {@code @devcycle/bucketing-assembly-script@1.32.0}). */
    V1_32_0("1.32.0", "2aec3c52b19a7dec81f19d70c81806429b972213f836f3e35d9715422359ce5f", true, false,
            "f1da3e0650c8b677da4ca3f385c23f9f8203691acc6a8b9d1f33e709a961619f"),
    /**
     * npm {@code @devcycle/bucketing-assembly-script@1.42.8}, the build DevCycle's Java SDK 2.8.1+ embeds
     * (its wasm is byte-identical to 1.42.1's and 1.42.6's).
     */
    V1_42_8("1.42.8", "ea2a28c87451f8605fac11f4fe695e5b268d1ebf6e33f9d53d2f885c644e1826", true, true,
            "b17680851e141993bdfa860c71997b5674be8a3ae4f1d795a3bcd95cc922ecd4");

    /** What the id of a version's fixed build adds to the version's ({@code 1.42.8-d7fix}). */
    public static final String FIXED_SUFFIX = "-d7fix";

    private final String id;
    private final String wasmSha256;
    private final boolean hasD7;
    private final boolean hasD8;
    private final String fixedWasmSha256;

    CoreVersion(String id, String wasmSha256, boolean hasD7, boolean hasD8, String fixedWasmSha256) {
        this.id = id;
        this.wasmSha256 = wasmSha256;
        this.hasD7 = hasD7;
        this.hasD8 = hasD8;
        this.fixedWasmSha256 = fixedWasmSha256;
    }

    public String id() {
        return id;
    }

    /** The SHA-256 (lower-case hex) of DevCycle's {@code bucketing-lib.release.wasm} of this version. */
    public String wasmSha256() {
        return wasmSha256;
    }

    /**
     * Whether DevCycle's wasm of this version can free a user's custom data on its protobuf entry
     * points while still using it (D7 in results/DIVERGENCES.md): such users must not be sent there.
     */
    public boolean hasD7() {
        return hasD7;
    }

    /**
     * Whether DevCycle's wasm of this version can free part of any protobuf answer while building it
     * (D8 in results/DIVERGENCES.md, whatever the user): its protobuf entry points are exposed for
     * every user.
     */
    public boolean hasD8() {
        return hasD8;
    }

    /**
     * The SHA-256 of this project's fixed build of this version (D7 and D8 repaired, answers
     * unchanged: core id {@code VERSION}{@value #FIXED_SUFFIX}), or null when there is none.
     */
    public String fixedWasmSha256() {
        return fixedWasmSha256;
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

package flagparity.wasm.engine;

import flagparity.reference.api.CoreVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A wasm build of a core version the adapters run: DevCycle's own ({@code 1.42.8}), or this
 * project's fixed build of it ({@code 1.42.8-d7fix}: two store offsets moved so that D7 and D8 cannot
 * happen; the same answers). Derived from {@link CoreVersion}, the one list of versions: a version
 * has a fixed build when it pins one ({@link CoreVersion#fixedWasmSha256()}). The reference answers a
 * build as its {@link #version()}.
 */
public record CoreBuild(CoreVersion version, boolean fixed) {
    public CoreBuild {
        Objects.requireNonNull(version, "version");
        if (fixed && version.fixedWasmSha256() == null) {
            throw new IllegalArgumentException("core " + version + " has no fixed build");
        }
    }

    /** DevCycle's own build of {@code version}. */
    public static CoreBuild of(CoreVersion version) {
        return new CoreBuild(version, false);
    }

    /** DevCycle's build of the newest version: the default wherever a user does not pick one. */
    public static CoreBuild newest() {
        return of(CoreVersion.newest());
    }

    /** Every build, oldest version first, each version's own build before its fixed one. */
    public static List<CoreBuild> all() {
        List<CoreBuild> out = new ArrayList<>();
        for (CoreVersion v : CoreVersion.values()) {
            out.add(of(v));
            if (v.fixedWasmSha256() != null) {
                out.add(new CoreBuild(v, true));
            }
        }
        return List.copyOf(out);
    }

    public static CoreBuild parse(String id) {
        for (CoreBuild b : all()) {
            if (b.id().equals(id)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown core \"" + id + "\" (expected one of " + ids() + ")");
    }

    /** Every build's id, comma separated (for help texts and messages). */
    public static String ids() {
        return all().stream().map(CoreBuild::id).collect(Collectors.joining(", "));
    }

    /** {@code 1.42.8}, {@code 1.42.8-d7fix}: the name used by the CLI, JMH params and results. */
    public String id() {
        return version.id() + (fixed ? CoreVersion.FIXED_SUFFIX : "");
    }

    /** The SHA-256 the build's wasm must have. */
    public String wasmSha256() {
        return fixed ? version.fixedWasmSha256() : version.wasmSha256();
    }

    /** The build's wasm bytes (a copy), checked against {@link #wasmSha256()}. */
    public byte[] wasm() {
        return CoreModule.builtIn(this).clone();
    }

    /** Whether this wasm has D7 (results/DIVERGENCES.md): protobuf is unsafe for users with custom data. */
    public boolean hasD7() {
        return !fixed && version.hasD7();
    }

    /** Whether this wasm has D8 (results/DIVERGENCES.md): protobuf is unsafe for every user. */
    public boolean hasD8() {
        return !fixed && version.hasD8();
    }

    /** Whether a user (with custom data or not) can be sent through this build's protobuf entry points. */
    public boolean protobufSafeFor(boolean userHasCustomData) {
        return !hasD8() && !(hasD7() && userHasCustomData);
    }

    @Override
    public String toString() {
        return id();
    }
}

package flagparity.bench.jmh;

import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EngineDescriptor;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.wasm.engine.CoreBuild;
import java.util.ArrayList;

/**
 * The core a command ({@code --core}), the latency harness or a benchmark ({@code -p core=}) asks an
 * engine for: a {@link CoreBuild} id (DevCycle's build of a version, {@code 1.32.0}, or this project's
 * fixed build of it, {@code 1.32.0-d7fix}), or {@value #NEWEST}, DevCycle's build of the newest version
 * the engine runs (1.42.8 for the reference and the Wasm engines, 1.32.0 for DevCycle's SDK, which
 * embeds only that one). {@value #NEWEST} is the default everywhere, so the peer keeps running in
 * the default settings while every other engine answers as the newest core. The reference answers a
 * fixed build as its version; the SDK peer refuses one ({@link EngineDescriptor#takesFixedBuild()}).
 */
public final class CoreChoice {
    /** Each engine's newest core. */
    public static final String NEWEST = "newest";
    /** The help text of every {@code --core} option (picocli fills in the candidates and the default). */
    public static final String DESCRIPTION = "DevCycle core to answer as: ${COMPLETION-CANDIDATES}"
            + " (default: ${DEFAULT-VALUE}, the newest the engine runs: 1.42.8; devcycle-sdk: 1.32.0)."
            + " VERSION" + CoreVersion.FIXED_SUFFIX + " is this project's build of VERSION with"
            + " defects D7 and D8 repaired (the same answers; the reference answers it as VERSION).";
    private static final CoreChoice ENGINES_NEWEST = new CoreChoice(null);

    /** The build asked for, or null for the engine's newest version in DevCycle's build. */
    private final CoreBuild build;

    private CoreChoice(CoreBuild build) {
        this.build = build;
    }

    /**
     * The choice {@code id} names.
     *
     * @throws IllegalArgumentException for an unknown id, naming every accepted one
     */
    public static CoreChoice parse(String id) {
        if (NEWEST.equals(id)) {
            return ENGINES_NEWEST;
        }
        try {
            return new CoreChoice(CoreBuild.parse(id));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown core \"" + id + "\" (expected one of "
                    + String.join(", ", new Ids()) + ")", e);
        }
    }

    /** DevCycle's build of {@code version}. */
    public static CoreChoice of(CoreVersion version) {
        return new CoreChoice(CoreBuild.of(version));
    }

    /** {@code settings} asking for this core (left unset for {@value #NEWEST}). */
    public EngineSettings.Builder applyTo(EngineSettings.Builder settings) {
        return build == null ? settings : settings.coreVersion(build.version()).fixedBuild(build.fixed());
    }

    /**
     * Refuses, as skipped, an engine that cannot run this core (the SDK peer on 1.42.8 or on a fixed
     * build): JMH runs every combination of {@code -p} values, and such a combination has nothing to measure.
     */
    public void requireRunBy(EngineDescriptor engine) {
        try {
            Engines.check(engine, applyTo(EngineSettings.builder()).build());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("skipped: " + e.getMessage(), e);
        }
    }

    /** Every accepted value: each build (oldest version first, DevCycle's before the fixed one), then {@value #NEWEST}. */
    public static final class Ids extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        public Ids() {
            for (CoreBuild b : CoreBuild.all()) {
                add(b.id());
            }
            add(NEWEST);
        }
    }
}

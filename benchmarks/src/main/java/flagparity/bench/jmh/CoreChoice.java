package flagparity.bench.jmh;

import flagparity.reference.api.CoreVersion;
import java.util.ArrayList;

/**
 * The core version a command ({@code --core}), the latency harness or a benchmark ({@code -p core=})
 * asks an engine to answer as: a {@link CoreVersion} id, or {@value #NEWEST}, the newest version
 * the engine runs (1.42.8 for the reference and the Wasm engines, 1.32.0 for DevCycle's SDK, which
 * embeds only that one). {@value #NEWEST} is the default everywhere, so the peer keeps running in
 * the default settings while every other engine answers as the newest core.
 */
public final class CoreChoice {
    /** Each engine's newest core. */
    public static final String NEWEST = "newest";
    /** The help text of every {@code --core} option (picocli fills in the candidates and the default). */
    public static final String DESCRIPTION = "DevCycle core version to answer as: ${COMPLETION-CANDIDATES}"
            + " (default: ${DEFAULT-VALUE}, the newest the engine runs: 1.42.8; devcycle-sdk: 1.32.0).";

    private CoreChoice() {}

    /** The version {@code id} names, or null for {@value #NEWEST} (the engine's newest, as the engine settings take it). */
    public static CoreVersion parse(String id) {
        return NEWEST.equals(id) ? null : CoreVersion.parse(id);
    }

    /** Every accepted value, the versions oldest first, then {@value #NEWEST} (for help texts). */
    public static final class Ids extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        public Ids() {
            for (CoreVersion v : CoreVersion.values()) {
                add(v.id());
            }
            add(NEWEST);
        }
    }
}

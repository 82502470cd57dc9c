package flagparity.bench.engines;

import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EngineDescriptor;
import flagparity.reference.api.EngineKind;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.User;
import java.util.List;

/**
 * The registration of {@link DevCycleSdkPeer}: DevCycle's Java SDK 2.6.0, which runs core 1.32.0
 * compiled by Wasmtime. It reads the system clock and its own platform data, takes configs only by
 * polling, and has no bucketed-config call.
 */
public final class DevCycleSdkEngine implements EngineDescriptor {
    @Override public String id() { return "devcycle-sdk"; }
    @Override public EngineKind kind() { return EngineKind.PEER; }
    @Override public List<String> codecs() { return List.of(); }
    @Override public List<String> concurrencies() { return List.of(); }
    @Override public List<CoreVersion> coreVersions() { return List.of(CoreVersion.V1_32_0); }
    @Override public boolean compiled() { return true; }
    @Override public String colour() { return "#D62728"; }
    @Override public boolean bucketsConfig() { return false; }
    @Override public boolean swapsConfig() { return false; }

    @Override
    public String timingRefusal(User user) {
        if (user.customData() != null && user.privateCustomData() != null) {
            return "DevCycle's Java SDK 2.6.0 traps (MEMORY_OUT_OF_BOUNDS) after about 900-1,050 calls with a user"
                    + " that has both customData and privateCustomData and then serves defaults, which would be"
                    + " timed instead (the core's D7 on its protobuf path: results/DIVERGENCES.md); drop one of the"
                    + " two maps";
        }
        return null;
    }

    @Override
    public Evaluator create(EngineSettings s) {
        return DevCycleSdkPeer.start(s.clock(), s.platformData().orElse(null));
    }
}

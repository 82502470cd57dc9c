package flagparity.reference;

import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EngineDescriptor;
import flagparity.reference.api.EngineKind;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.PlatformData;
import java.util.List;

/**
 * The registration of {@link ReferenceEvaluator}: every core version, no codec, no concurrency setting
 * (it takes no lock). A fixed build ({@code 1.32.0-d7fix}) is answered as its version: the fixed
 * builds answer as DevCycle's, and the reference runs no wasm.
 */
public final class ReferenceEngine implements EngineDescriptor {
    @Override public String id() { return "reference"; }
    @Override public EngineKind kind() { return EngineKind.REFERENCE; }
    @Override public List<String> codecs() { return List.of(); }
    @Override public List<String> concurrencies() { return List.of(); }
    @Override public List<CoreVersion> coreVersions() { return List.of(CoreVersion.values()); }
    @Override public boolean takesFixedBuild() { return true; }
    @Override public boolean compiled() { return false; }
    @Override public String colour() { return "#2CA02C"; }

    @Override
    public Evaluator create(EngineSettings s) {
        return new ReferenceEvaluator(Engines.coreVersion(this, s), s.platformData().orElse(PlatformData.javaSdkDefault()),
                s.clock());
    }
}

package flagparity.reference;

import flagparity.reference.api.Evaluator;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.config.CompiledConfig;
import flagparity.reference.config.ConfigParser;
import flagparity.reference.explain.Explanation;
import java.time.Clock;
import java.util.Objects;

/** The pure-Java evaluator of DevCycle's bucketing semantics. (Skeleton.) */
public final class ReferenceEvaluator implements Evaluator {
    private final PlatformData platformData;
    private final Clock clock;
    private volatile CompiledConfig config;

    public ReferenceEvaluator(PlatformData platformData, Clock clock) {
        this.platformData = Objects.requireNonNull(platformData, "platformData");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ReferenceEvaluator() {
        this(PlatformData.javaSdkDefault(), Clock.systemUTC());
    }

    @Override
    public Variable variable(User user, String key, VariableType type) {
        return null;
    }

    public Explanation explain(User user, String key, VariableType type) {
        return new Explanation(null, "{}");
    }

    @Override
    public String bucketedConfig(User user) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void setConfig(String configJson) {
        config = ConfigParser.parse(configJson);
    }

    @Override
    public void setClientCustomData(String customDataJson) {
    }
}

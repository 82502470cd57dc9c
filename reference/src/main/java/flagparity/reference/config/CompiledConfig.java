package flagparity.reference.config;

import java.util.HashMap;
import java.util.Map;

/**
 * A DevCycle server config compiled for evaluation: features in config order, variable bindings by
 * key, and the project and environment JSON the bucketed config starts with. Immutable; build one
 * with {@link ConfigParser#parse(String, CoreRules)}.
 */
public final class CompiledConfig {
    private final CoreRules rules;
    private final String projectJson;
    private final String environmentJson;
    private final boolean passthroughRollouts;
    private final CompiledFeature[] features;
    private final HashMap<String, VariableBinding> bindings;

    CompiledConfig(CoreRules rules, String projectJson, String environmentJson, boolean passthroughRollouts, CompiledFeature[] features,
            Map<String, VariableBinding> bindings) {
        this.rules = rules;
        this.projectJson = projectJson;
        this.environmentJson = environmentJson;
        this.passthroughRollouts = passthroughRollouts;
        this.features = features.clone();
        this.bindings = new HashMap<>(bindings);
    }

    /** The rules of the core version it was compiled for. */
    public CoreRules rules() { return rules; }
    /** The project as the bucketed config writes it. */
    public String projectJson() { return projectJson; }
    /** The environment as the bucketed config writes it. */
    public String environmentJson() { return environmentJson; }

    /**
     * Whether rollouts are checked while looking for a target (a user outside one target's rollout
     * falls through to the next), i.e. {@code project.settings.disablePassthroughRollouts} is not true.
     */
    public boolean passthroughRollouts() { return passthroughRollouts; }

    public int featureCount() { return features.length; }
    public CompiledFeature feature(int i) { return features[i]; }

    /** The binding for variable {@code key}, or null when the config has no such variable. */
    public VariableBinding binding(String key) {
        return bindings.get(key);
    }
}

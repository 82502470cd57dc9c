package flagparity.reference.config;

/** A feature with its targets, in config order. */
public final class CompiledFeature {
    private final String id;
    private final String key;
    private final String type;
    private final CompiledTarget[] targets;

    CompiledFeature(String id, String key, String type, CompiledTarget[] targets) {
        this.id = id;
        this.key = key;
        this.type = type;
        this.targets = targets.clone();
    }

    public String id() { return id; }
    public String key() { return key; }
    public String type() { return type; }
    public int targetCount() { return targets.length; }
    public CompiledTarget target(int i) { return targets[i]; }
}

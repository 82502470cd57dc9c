package flagparity.reference.config;

/** A DevCycle server config compiled for evaluation. Immutable. (Skeleton.) */
public final class CompiledConfig {
    CompiledConfig() {}
}

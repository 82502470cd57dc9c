package flagparity.reference.config;

import flagparity.reference.api.ConfigException;

/** Parses and validates a DevCycle server config as the core does. (Skeleton.) */
public final class ConfigParser {
    private ConfigParser() {}

    /** Parses {@code json} into a compiled config, or throws saying what is wrong and where. */
    public static CompiledConfig parse(String json) {
        if (json == null) {
            throw new ConfigException("config is null");
        }
        return new CompiledConfig();
    }
}

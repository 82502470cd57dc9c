package flagparity.bench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import flagparity.workloads.Workloads;
import flagparity.bench.jmh.CoreChoice;
import flagparity.reference.api.ConfigException;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.Explaining;
import flagparity.reference.api.InvalidUserException;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code explain}: how the reference evaluator reaches its answer for one user and key. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explains, with the reference evaluator, how a user gets (or does not get) a variable.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "DevCycle server config JSON, or a built-in workload: small, medium, large, xlarge, devcycle-large (DevCycle's own test config).")
    private String config;

    @Option(names = "--user", required = true, paramLabel = "JSON", description = "The user JSON.")
    private String user;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "The variable key.")
    private String key;

    @Option(names = "--type", paramLabel = "T",
            description = "Boolean, Number, String or JSON (default: the type of the config's variable KEY, else Boolean).")
    private String type;

    @Option(names = "--now", paramLabel = "EPOCH_MS",
            description = "Pin the clock to this instant, in ms since the epoch (default: the system clock).")
    private Long now;

    @Option(names = "--core", paramLabel = "CORE", converter = CoreId.class, defaultValue = CoreChoice.NEWEST,
            completionCandidates = CoreChoice.Ids.class, description = CoreChoice.DESCRIPTION)
    private CoreChoice core;

    @Override
    public Integer call() {
        User parsedUser;
        try {
            parsedUser = JsonCodec.parseUser(user);
        } catch (InvalidUserException e) {
            throw new ParameterException(spec.commandLine(), "--user: " + e.getMessage(), e);
        }
        String json;
        try {
            json = Workloads.config(config);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new UnusableConfigException("cannot read the config: " + e.getMessage(), e);
        }
        VariableType variableType;
        try {
            variableType = type != null ? VariableType.parse(type) : typeInConfig(json);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--type: " + e.getMessage(), e);
        }
        Clock clock = now == null ? Clock.systemUTC() : Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC);
        EngineSettings settings = core.applyTo(EngineSettings.builder())
                .platformData(PlatformData.javaSdkDefault()).clock(clock).build();
        try (Evaluator reference = Engines.create(Engines.reference().id(), settings)) {
            try {
                reference.setConfig(json);
            } catch (ConfigException e) {
                throw new UnusableConfigException("the config " + config + " was rejected by reference: "
                        + e.getMessage(), e);
            }
            spec.commandLine().getOut().println(JsonCodec.lossless(((Explaining) reference).explainJson(parsedUser, key, variableType)));
        }
        return 0;
    }

    /** The type of the config's variable {@link #key}, or Boolean when there is none. */
    private VariableType typeInConfig(String json) {
        try {
            for (JsonNode v : JsonCodec.mapper().readTree(json).path("variables")) {
                if (key.equals(v.path("key").textValue())) {
                    return VariableType.parse(v.path("type").textValue());
                }
            }
        } catch (JsonProcessingException e) {
            throw new UnusableConfigException("the config " + config + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return VariableType.Boolean;
    }
}

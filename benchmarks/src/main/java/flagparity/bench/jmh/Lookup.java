package flagparity.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import flagparity.workloads.Workloads;
import flagparity.reference.api.EngineDescriptor;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.Health;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.engine.CoreBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One engine loaded with one workload, and the lookup the benchmarks and the latency harness time:
 * {@code variable(user, key, type)} for a user and key that are really served.
 *
 * <p>Opening refuses, loudly, every setting whose timings would be void: a key that the config
 * lacks or that the user is not served (a {@code null} answer is a different, cheaper path), and a
 * user the engine itself refuses to be timed with ({@link EngineDescriptor#timingRefusal}).
 * {@link #checkHealthy()} catches what can only be seen afterwards ({@link Health}).
 */
public final class Lookup implements AutoCloseable {
    private final String engine;
    private final Evaluator evaluator;
    private final User user;
    private final String key;
    private final VariableType type;
    private final String configJson;
    private final boolean served;
    private final CoreBuild core;

    private Lookup(String engine, Evaluator evaluator, User user, String key, VariableType type, String configJson,
            boolean served, CoreBuild core) {
        this.engine = engine;
        this.core = core;
        this.evaluator = evaluator;
        this.user = user;
        this.key = key;
        this.type = type;
        this.configJson = configJson;
        this.served = served;
    }

    /**
     * Builds the engine ({@link Engines#create} with the system clock and the engine's default
     * platform data) answering as {@code core}, loads the config and checks that {@code user} is
     * served {@code key}.
     *
     * @param poolSize instances of a {@code pool}; 0 for the number of available processors
     * @param config a built-in workload name or a config file path ({@link Workloads#config})
     * @param coreCollectEvery a full collection of the Wasm core's heap after every this many lookups
     *     per instance (0 never; see {@link EngineSettings#collectEvery()})
     * @param core the core to answer as ({@link CoreChoice})
     * @throws IllegalArgumentException for a setting that cannot be measured (see the class comment)
     * @throws IllegalStateException when the engine does not serve the variable
     */
    public static Lookup open(String engine, String codec, String concurrency, int poolSize, String config,
            User user, String key, int coreCollectEvery, CoreChoice core) {
        return open(engine, codec, concurrency, poolSize, config, user, key, coreCollectEvery, true, core);
    }

    /**
     * A lookup of the headline spread: as {@link #open(String, String, String, int, String, User, String, int, CoreChoice)},
     * except that a case meant to answer nothing (an unknown key, asked as a Boolean) is checked to
     * answer {@code null} instead.
     */
    public static Lookup open(String engine, String codec, String concurrency, int poolSize, LookupCase c,
            CoreChoice core) {
        return open(engine, codec, concurrency, poolSize, c.config(), parseUser(c.user()), c.key(), 0, c.served(), core);
    }

    private static Lookup open(String engine, String codec, String concurrency, int poolSize, String config,
            User user, String key, int coreCollectEvery, boolean served, CoreChoice core) {
        EngineDescriptor descriptor = EngineParam.descriptor(engine);
        String refusal = descriptor.timingRefusal(user);
        if (refusal != null) {
            throw new IllegalArgumentException(engine + " cannot be measured with this user: " + refusal);
        }
        String configJson = Workloads.config(config);
        VariableType type = served ? typeOf(configJson, key, config) : VariableType.Boolean;
        EngineSettings settings = core.applyTo(settings(descriptor, codec, concurrency, poolSize))
                .collectEvery(coreCollectEvery).build();
        Evaluator evaluator = Engines.create(engine, settings);
        try {
            evaluator.setConfig(configJson);
            Lookup lookup = new Lookup(engine, evaluator, user, key, type, configJson, served,
                    new CoreBuild(Engines.coreVersion(descriptor, settings), settings.fixedBuild()));
            if (!served && lookup.call() != null) {
                throw new IllegalStateException(engine + " serves \"" + key + "\" in config " + config
                        + ", which the case expects to answer nothing");
            }
            if (served && lookup.call() == null) {
                throw new IllegalStateException(engine + " serves no value of " + type + " variable \"" + key
                        + "\" to user " + JsonCodec.writeUser(user) + " in config " + config
                        + ": timing a null answer measures a different path; pick a key the user is served");
            }
            lookup.checkHealthy();
            return lookup;
        } catch (RuntimeException e) {
            evaluator.close();
            throw e;
        }
    }

    /**
     * A user from its JSON text or, when {@code jsonOrPath} does not start with <code>{</code>, from
     * the JSON file at that path: JMH splits {@code -p} values at commas, so a user with more than one
     * field can only be given on its command line as a file.
     */
    public static User parseUser(String jsonOrPath) {
        String json = jsonOrPath;
        if (!jsonOrPath.stripLeading().startsWith("{")) {
            try {
                json = Files.readString(Path.of(jsonOrPath), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("user \"" + jsonOrPath
                        + "\" is neither a JSON object nor a readable file: " + e, e);
            }
        }
        return JsonCodec.parseUser(json);
    }

    /** {@code 0} stands for the adapters' default, one instance per available processor. */
    public static int resolvePoolSize(int poolSize) {
        if (poolSize < 0) {
            throw new IllegalArgumentException("poolSize must be >= 0 (0 = available processors), not " + poolSize);
        }
        return poolSize == 0 ? Runtime.getRuntime().availableProcessors() : poolSize;
    }

    /**
     * The settings of a benchmark: {@code codec} and {@code concurrency} are passed only to an engine
     * that has such a setting (the benchmarks name one for every engine), {@code poolSize} 0 stands
     * for the available processors. The engine's newest core unless the caller asks for another
     * ({@link CoreChoice#applyTo}: the {@code --core} option, the {@code core} JMH param).
     */
    public static EngineSettings.Builder settings(EngineDescriptor engine, String codec, String concurrency,
            int poolSize) {
        return EngineSettings.builder()
                .codec(engine.codecs().isEmpty() ? null : codec)
                .concurrency(engine.concurrencies().isEmpty() ? null : concurrency)
                .poolSize(resolvePoolSize(poolSize));
    }

    /** The type of variable {@code key} in the config's {@code variables}. */
    static VariableType typeOf(String configJson, String key, String configName) {
        JsonNode variables;
        try {
            variables = JsonCodec.mapper().readTree(configJson).path("variables");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("config " + configName + " is not JSON: " + e.getOriginalMessage(), e);
        }
        for (JsonNode v : variables) {
            if (key.equals(v.path("key").asText(null))) {
                return VariableType.parse(v.path("type").asText());
            }
        }
        throw new IllegalArgumentException("config " + configName + " has no variable \"" + key + "\"");
    }

    /** The timed call. */
    public Variable call() {
        return evaluator.variable(user, key, type);
    }

    /**
     * Throws when the run so far cannot be trusted: the engine recovered from a failure the caller
     * did not see ({@link Health}: a core abort and rebuild, a default the SDK peer served).
     */
    public void checkHealthy() {
        if (!served) {
            return; // the SDK peer counts every default it serves as trouble, and here every answer is one
        }
        if (evaluator instanceof Health) {
            String trouble = ((Health) evaluator).trouble();
            if (trouble != null) {
                throw new IllegalStateException(engine + ": " + trouble);
            }
        }
    }

    public Evaluator evaluator() { return evaluator; }
    public User user() { return user; }
    public String key() { return key; }
    public VariableType type() { return type; }
    /** The core the engine answers as (the one asked for, or DevCycle's build of the engine's newest version). */
    public CoreBuild core() { return core; }
    /** The config text the evaluator was given. */
    public String configJson() { return configJson; }

    @Override
    public void close() {
        evaluator.close();
    }
}

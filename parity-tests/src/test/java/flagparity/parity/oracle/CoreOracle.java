package flagparity.parity.oracle;

import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.VariableType;
import flagparity.wasm.engine.CallDeadlines;
import flagparity.wasm.engine.CoreAbortException;
import flagparity.wasm.engine.Engine;
import flagparity.wasm.engine.CoreBuild;
import flagparity.wasm.engine.CoreInstance;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The real core, called with raw JSON texts exactly as a request holds them: the oracle of the
 * parity properties. An abort makes a core instance unusable, so after one the instance is replaced
 * and given the current platform data and config again.
 */
public final class CoreOracle implements AutoCloseable {
    static final String SDK_KEY = "parity";

    private final Engine engine;
    private final CoreVersion version;
    private final Clock clock;
    private CoreInstance core;
    private String platformData;
    private String config;
    private String clientCustomData;
    private long reopened;

    public CoreOracle(Engine engine, CoreVersion version, Clock clock) {
        this.engine = engine;
        this.version = version;
        this.clock = clock;
    }

    /** One oracle per core version, all on {@code engine} and reading {@code clock}. */
    public static Map<CoreVersion, CoreOracle> perVersion(Engine engine, Clock clock) {
        Map<CoreVersion, CoreOracle> out = new EnumMap<>(CoreVersion.class);
        for (CoreVersion v : CoreVersion.values()) {
            out.put(v, new CoreOracle(engine, v, clock));
        }
        return out;
    }

    public Engine engine() {
        return engine;
    }

    public CoreVersion version() {
        return version;
    }

    /** How often an abort made the oracle replace its instance. */
    public long reopened() {
        return reopened;
    }

    /**
     * The deadlines of the parity's cores (oracles and pairs): the properties check answers, not time,
     * and on a loaded machine (parity beside other builds) a lookup can stall past the engines' 1 s
     * default; a stuck core still fails, after 30 s. Deadlines themselves are tested in wasm-adapters.
     */
    public static final CallDeadlines DEADLINES = new CallDeadlines(Duration.ofSeconds(30), Duration.ofSeconds(60));

    private CoreInstance core() {
        if (core == null) {
            core = CoreInstance.open(engine, CoreBuild.of(version), null, clock, DEADLINES);
            if (platformData != null) {
                core.setPlatformData(platformData);
            }
            if (config != null) {
                core.setConfig(SDK_KEY, config);
            }
            if (clientCustomData != null) {
                core.setClientCustomData(SDK_KEY, clientCustomData);
            }
        }
        return core;
    }

    private void discard() {
        if (core != null) {
            core.close();
            core = null;
            reopened++;
        }
    }

    /** Sets the platform data; the core must accept it. */
    public void setPlatformData(String json) {
        if (!json.equals(platformData)) {
            core().setPlatformData(json);
            platformData = json;
        }
    }

    /** Sets the config: the VALUE outcome {@code "{}"} when accepted, an error when the core aborts. */
    public Outcome setConfig(String json) {
        if (json.equals(config)) {
            return Outcome.json("{}");
        }
        try {
            core().setConfig(SDK_KEY, json);
            config = json;
            return Outcome.json("{}");
        } catch (CoreAbortException e) {
            // the instance is gone; the next one starts without a config
            config = null;
            discard();
            return Outcome.error(e.coreMessage());
        }
    }

    /**
     * Sets the client custom data; {@code null} sets an empty object, which the core treats as none
     * (it starts every SDK key with an empty object).
     */
    public void setClientCustomData(String json) {
        String data = json == null ? "{}" : json;
        if (data.equals(clientCustomData == null ? "{}" : clientCustomData)) {
            return;
        }
        core().setClientCustomData(SDK_KEY, data);
        clientCustomData = data;
    }

    public Outcome variable(String userJson, String key, VariableType type) {
        try {
            return Outcome.json(core().variableForUser(SDK_KEY, userJson, key, type.index()));
        } catch (CoreAbortException e) {
            discard();
            return Outcome.error(e.coreMessage());
        }
    }

    public Outcome bucketedConfig(String userJson) {
        try {
            return Outcome.json(core().generateBucketedConfigForUser(SDK_KEY, userJson));
        } catch (CoreAbortException e) {
            discard();
            return Outcome.error(e.coreMessage());
        }
    }

    /** Calls a test-hook export returning a boolean: {@code "true"}/{@code "false"} as a value, or the abort. */
    public Outcome hookBoolean(String export, Object... args) {
        try {
            return Outcome.json(Boolean.toString(core().hooks().callForBoolean(export, args)));
        } catch (CoreAbortException e) {
            discard();
            return Outcome.error(e.coreMessage());
        }
    }

    public Outcome hookString(String export, Object... args) {
        try {
            String s = core().hooks().callForString(export, args);
            return s == null ? Outcome.NULL : Outcome.json(flagparity.reference.api.JsonCodec.mapper().valueToTree(s).toString());
        } catch (CoreAbortException e) {
            discard();
            return Outcome.error(e.coreMessage());
        }
    }

    public long murmurhash(String key, long seed) {
        return core().murmurhashV3(key, seed);
    }

    @Override
    public void close() {
        if (core != null) {
            core.close();
            core = null;
        }
    }
}

package flagparity.bench.cli;

import flagparity.bench.data.Workloads;
import flagparity.bench.engines.Engines;
import flagparity.reference.api.ConfigException;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.PlatformData;
import flagparity.reference.json.JsonCodec;
import flagparity.wasm.Codec;
import flagparity.wasm.Concurrency;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** The options that choose an engine and load a config, shared by {@code eval} and {@code bucket}. */
final class EngineOptions {
    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "DevCycle server config JSON as its CDN serves it, or a built-in workload: small, medium, large, xlarge.")
    String config;

    @Option(names = "--engine", defaultValue = Engines.REFERENCE, paramLabel = "E", converter = EngineId.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = EngineIds.class)
    String engine;

    @Option(names = "--codec", defaultValue = "json", paramLabel = "C", converter = CodecId.class,
            completionCandidates = CodecIds.class,
            description = "Wasm engines: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String codec;

    @Option(names = "--now", paramLabel = "EPOCH_MS",
            description = "Pin the clock to this instant, in ms since the epoch (default: the system clock).")
    Long now;

    @Option(names = "--platform-data", paramLabel = "JSON", converter = PlatformDataJson.class,
            description = "Platform data JSON (default: what DevCycle's Java SDK sends).")
    PlatformData platformData;

    Clock clock() {
        return now == null ? Clock.systemUTC() : Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC);
    }

    /**
     * The engine with the config loaded; the caller closes it.
     *
     * @throws ParameterException when the engine cannot honour the options (a usage error)
     * @throws UnusableConfigException when the config cannot be read or is rejected
     */
    Evaluator open(CommandLine cmd, String concurrency) {
        String json;
        try {
            json = Workloads.config(config);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new UnusableConfigException("cannot read the config: " + e.getMessage(), e);
        }
        Evaluator evaluator;
        try {
            evaluator = Engines.create(engine, codec, concurrency, Runtime.getRuntime().availableProcessors(),
                    clock(), platformData);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, e.getMessage(), e);
        }
        try {
            evaluator.setConfig(json);
            return evaluator;
        } catch (ConfigException e) {
            evaluator.close();
            throw new UnusableConfigException("the config " + config + " was rejected by " + engine + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            evaluator.close();
            throw e;
        }
    }

    static final class EngineIds extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        EngineIds() {
            super(Engines.engineIds());
        }
    }

    static final class CodecIds extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        CodecIds() {
            for (Codec c : Codec.values()) {
                add(c.id());
            }
        }
    }

    static final class EngineId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!Engines.engineIds().contains(value)) {
                throw new TypeConversionException("unknown engine \"" + value + "\" (expected one of "
                        + String.join(", ", Engines.engineIds()) + ")");
            }
            return value;
        }
    }

    static final class CodecId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return Codec.parse(value).id();
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ConcurrencyId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return Concurrency.parse(value).id();
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class PlatformDataJson implements ITypeConverter<PlatformData> {
        @Override
        public PlatformData convert(String value) {
            try {
                return JsonCodec.parsePlatformData(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}

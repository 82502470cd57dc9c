package flagparity.bench.cli;

import flagparity.workloads.Workloads;
import flagparity.bench.jmh.CoreChoice;
import flagparity.bench.jmh.Lookup;
import flagparity.reference.api.ConfigException;
import flagparity.reference.api.EngineDescriptor;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.Codec;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** The options that choose an engine and load a config, shared by {@code eval} and {@code bucket}. */
final class EngineOptions {
    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "DevCycle server config JSON as its CDN serves it, or a built-in workload: small, medium, large, xlarge, devcycle-large (DevCycle's own test config).")
    String config;

    @Option(names = "--engine", paramLabel = "E", converter = EngineId.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = EngineIds.class)
    String engine = Engines.reference().id();

    @Option(names = "--codec", defaultValue = Codec.DEFAULT_ID, paramLabel = "C", converter = CodecId.class,
            completionCandidates = CodecIds.class,
            description = "Wasm engines: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String codec;

    @Option(names = "--deadline", paramLabel = "MS",
            description = "Wasm engines: how long one call into the core may run before it is stopped and its"
                    + " instance replaced, in ms (default: 1000; 5000 on chicory-interpreter).")
    Long deadlineMillis;

    @Option(names = "--config-deadline", paramLabel = "MS",
            description = "Wasm engines: the same for a config load (default: 30000).")
    Long configDeadlineMillis;

    @Option(names = "--core", paramLabel = "CORE", converter = CoreId.class, defaultValue = CoreChoice.NEWEST,
            completionCandidates = CoreChoice.Ids.class, description = CoreChoice.DESCRIPTION)
    CoreChoice core;

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
            EngineDescriptor d = Engines.get(engine);
            EngineSettings.Builder settings = core.applyTo(Lookup.settings(d, codec, concurrency, 0))
                    .clock(clock()).platformData(platformData);
            if (deadlineMillis != null) {
                settings.callDeadline(Duration.ofMillis(deadlineMillis));
            }
            if (configDeadlineMillis != null) {
                settings.loadDeadline(Duration.ofMillis(configDeadlineMillis));
            }
            evaluator = Engines.create(engine, settings.build());
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
            super(Engines.ids());
        }
    }

    static final class CodecIds extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        CodecIds() {
            super(union(true));
        }
    }

    static final class EngineId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return Engines.get(value).id();
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class CodecId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return requireListed("codec", value, union(true));
        }
    }

    static final class ConcurrencyId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return requireListed("concurrency", value, union(false));
        }
    }

    /** Every codec (or concurrency) id some registered engine takes. */
    private static Set<String> union(boolean codecs) {
        Set<String> ids = new LinkedHashSet<>();
        for (EngineDescriptor d : Engines.all()) {
            ids.addAll(codecs ? d.codecs() : d.concurrencies());
        }
        return ids;
    }

    private static String requireListed(String what, String value, Set<String> ids) {
        if (!ids.contains(value)) {
            throw new TypeConversionException("unknown " + what + " \"" + value + "\" (expected one of "
                    + String.join(", ", ids) + ")");
        }
        return value;
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

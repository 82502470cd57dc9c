package flagparity.openfeature;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEventDetails;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.FatalError;
import dev.openfeature.sdk.exceptions.GeneralError;
import flagparity.openfeature.source.CdnConfigSource;
import flagparity.openfeature.source.ConfigSource;
import flagparity.openfeature.source.FileConfigSource;
import flagparity.openfeature.source.StaticConfigSource;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.InvalidUserException;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenFeature provider that serves DevCycle server configs through a flagparity {@link Evaluator}
 * (the pure-Java reference unless another is given), with the answers of DevCycle's bucketing core.
 *
 * <pre>{@code
 * FlagparityProvider provider = FlagparityProvider.builder()
 *         .sdkKey("dvc_server_...")
 *         .cdnUri(URI.create("https://config-cdn.example"))
 *         .pollInterval(Duration.ofSeconds(30))
 *         .build();
 * OpenFeatureAPI.getInstance().setProviderAndWait(provider);
 * }</pre>
 *
 * <p>Configs come from a {@link ConfigSource}; each goes into service through
 * {@link Evaluator#setConfig}, and one the evaluator rejects leaves the previous one in service and
 * emits an error event with the reason. Events: ready (after {@link #initialize}, and again when the
 * source recovers), configuration changed with the variable keys whose served values may differ,
 * stale once the source has failed for {@code staleAfter}, error (rejected config; fatal when the
 * CDN refuses the key).
 *
 * <p>No answer mixes two configs: the config index a lookup reads (types, feature keys) is the one
 * the evaluator answered from. A lookup that overlaps a swap is asked again, after the swap.
 *
 * <p>The context is mapped to a DevCycle user as DevCycle's own provider maps it ({@link ContextMapping}).
 *
 * <p>Why one class of about 440 lines: the swap protocol above (the lock, the swap counter, the index
 * in service, the ready latch) is shared by the lookups, the config sink and the life cycle, and reads
 * best in one file; the answers' typing is {@link Answers}', the context mapping
 * {@link ContextMapping}'s, and the builder is nested as the API's entry point.
 */
public final class FlagparityProvider extends EventProvider {
    /** DevCycle's config CDN, where {@link Builder#sdkKey} configs are fetched unless {@link Builder#cdnUri} says otherwise. */
    public static final URI DEVCYCLE_CDN = URI.create("https://config-cdn.devcycle.com");
    /** The shortest CDN poll interval the builder accepts, as in DevCycle's SDK. */
    public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_INIT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(60);
    /** The engine the provider builds unless told otherwise: the pure-Java reference. */
    public static final String REFERENCE = Engines.reference().id();

    /** The event metadata key of an error event's {@link ErrorCode} name. */
    public static final String ERROR_CODE = "errorCode";

    private static final Metadata METADATA = () -> "flagparity";

    private final ConfigSource source;
    private final Evaluator evaluator;
    private final boolean ownsEvaluator;
    private final Duration initTimeout;
    private final Duration staleAfter;
    private final Answers answers;

    /** Held while a config is swapped in. */
    private final Object swapLock = new Object();
    /** Odd while {@link Evaluator#setConfig} runs: a lookup that saw it change is asked again. */
    private final AtomicLong swaps = new AtomicLong();
    /** The index of the config in service, {@code null} before the first. */
    private volatile ConfigIndex served;
    private final CountDownLatch settled = new CountDownLatch(1);
    private volatile String fatal;
    private volatile String lastProblem;
    private volatile boolean initializeReturned;
    private boolean started;
    // source-thread state (the sink is called from one thread at a time)
    private long failingSince = -1;
    private boolean stale;
    private boolean inError;

    private FlagparityProvider(Builder b, ConfigSource source, Evaluator evaluator, boolean ownsEvaluator) {
        this.source = source;
        this.evaluator = evaluator;
        this.ownsEvaluator = ownsEvaluator;
        this.initTimeout = b.initTimeout;
        this.staleAfter = b.staleAfter;
        this.answers = new Answers(evaluator);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Metadata getMetadata() {
        return METADATA;
    }

    /**
     * Starts the source and waits until the first config is in service, at most the init timeout.
     *
     * @throws FatalError when the source failed for good (the CDN refused the key)
     * @throws GeneralError when no config went into service in time; the source keeps trying and a
     *     ready event follows when one does
     */
    @Override
    public void initialize(EvaluationContext evaluationContext) throws Exception {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("a FlagparityProvider is initialized once; build a new one");
            }
            started = true;
        }
        source.start(new Sink());
        boolean done = settled.await(initTimeout.toNanos(), TimeUnit.NANOSECONDS);
        initializeReturned = true;
        if (fatal != null) {
            throw new FatalError(fatal);
        }
        if (!done || served == null) {
            String problem = lastProblem;
            throw new GeneralError("no config from " + source.describe() + " within " + initTimeout.toMillis()
                    + " ms" + (problem == null ? "" : ": " + problem));
        }
    }

    @Override
    public void shutdown() {
        source.close();
        if (ownsEvaluator) {
            evaluator.close();
        }
        super.shutdown();
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ctx, Kind.BOOLEAN);
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ctx, Kind.STRING);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ctx, Kind.INTEGER);
    }

    @Override
    public ProviderEvaluation<Long> getLongEvaluation(String key, Long defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ctx, Kind.LONG);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ctx, Kind.DOUBLE);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ctx, Kind.OBJECT);
    }

    private <T> ProviderEvaluation<T> evaluate(String key, T defaultValue, EvaluationContext ctx, Kind<T> kind) {
        if (served == null) {
            return Answers.error(defaultValue, ErrorCode.PROVIDER_NOT_READY, "no config in service yet");
        }
        User user = ContextMapping.toUser(ctx);
        if (user == null) {
            return Answers.error(defaultValue, ErrorCode.TARGETING_KEY_MISSING,
                    "the context has no targeting key (nor a String user_id)");
        }
        while (true) {
            long before = swaps.get();
            ConfigIndex index = served;
            Variable variable;
            try {
                variable = evaluator.variable(user, key, kind.type);
            } catch (InvalidUserException e) {
                return Answers.error(defaultValue, ErrorCode.INVALID_CONTEXT, e.getMessage());
            } catch (EvaluationException e) {
                return Answers.error(defaultValue, ErrorCode.GENERAL, e.getMessage());
            }
            ProviderEvaluation<T> answer = answers.answer(index, user, key, defaultValue, kind, variable);
            if ((before & 1) == 0 && swaps.get() == before) {
                return answer;
            }
            synchronized (swapLock) {
                // wait for the swap that overlapped this lookup, then ask again
            }
        }
    }

    /** Puts a config into service and reports what happened, on the source's thread. */
    private final class Sink implements ConfigSource.Sink {
        @Override
        public boolean offer(String configJson) {
            ConfigIndex next;
            ConfigIndex before;
            try {
                next = ConfigIndex.of(configJson);
                synchronized (swapLock) {
                    before = served;
                    swaps.incrementAndGet();
                    try {
                        evaluator.setConfig(configJson);
                        served = next;
                    } finally {
                        swaps.incrementAndGet();
                    }
                }
            } catch (EvaluationException e) {
                rejected("config from " + source.describe() + " rejected, the previous one stays in service: "
                        + e.getMessage());
                return false;
            }
            recovered();
            if (before == null) {
                settled.countDown();
                if (initializeReturned) {
                    emitProviderReady(ProviderEventDetails.builder().message("first config in service").build());
                }
            } else {
                List<String> changed = ConfigIndex.changedKeys(before, next);
                if (!changed.isEmpty()) {
                    emitProviderConfigurationChanged(ProviderEventDetails.builder().flagsChanged(changed)
                            .message("new config from " + source.describe()).build());
                }
            }
            return true;
        }

        @Override
        public void unchanged() {
            recovered();
        }

        @Override
        public void failed(String reason) {
            lastProblem = reason;
            long now = System.nanoTime();
            if (failingSince < 0) {
                failingSince = now;
            }
            if (!stale && served != null && now - failingSince >= staleAfter.toNanos()) {
                stale = true;
                emitProviderStale(ProviderEventDetails.builder().message(reason).build());
            }
        }

        @Override
        public void fatal(String reason) {
            lastProblem = reason;
            fatal = reason;
            settled.countDown();
            emitProviderError(errorDetails(ErrorCode.PROVIDER_FATAL, reason));
        }

        private void rejected(String reason) {
            lastProblem = reason;
            inError = true;
            emitProviderError(errorDetails(ErrorCode.PARSE_ERROR, reason));
        }

        /**
         * The code goes into the event metadata too ({@link #ERROR_CODE}): OpenFeature 1.22.0 does not
         * pass a provider event's error code on to the handlers.
         */
        private ProviderEventDetails errorDetails(ErrorCode code, String reason) {
            return ProviderEventDetails.builder().errorCode(code).message(reason)
                    .eventMetadata(ImmutableMetadata.builder().addString(ERROR_CODE, code.name()).build()).build();
        }

        private void recovered() {
            failingSince = -1;
            if ((stale || inError) && served != null) {
                stale = false;
                inError = false;
                emitProviderReady(ProviderEventDetails.builder().message("source recovered").build());
            }
        }
    }

    /** How a provider is built: exactly one config source, an optional evaluator, timeouts. */
    public static final class Builder {
        private String sdkKey;
        private URI cdnUri = DEVCYCLE_CDN;
        private Duration pollInterval = CdnConfigSource.DEFAULT_POLL_INTERVAL;
        private Duration requestTimeout = CdnConfigSource.DEFAULT_REQUEST_TIMEOUT;
        private Path configFile;
        private String configJson;
        private ConfigSource configSource;
        private Evaluator evaluator;
        private String engine = REFERENCE;
        private EngineSettings engineSettings = EngineSettings.defaults();
        private Duration initTimeout = DEFAULT_INIT_TIMEOUT;
        private Duration staleAfter = DEFAULT_STALE_AFTER;

        private Builder() {}

        /** CDN mode: the config of this server SDK key, polled from {@link #cdnUri}. */
        public Builder sdkKey(String sdkKey) {
            this.sdkKey = Objects.requireNonNull(sdkKey, "sdkKey");
            return this;
        }

        /** Where DevCycle's server configs are served (with or without a trailing slash); default {@link #DEVCYCLE_CDN}. */
        public Builder cdnUri(URI cdnUri) {
            this.cdnUri = Objects.requireNonNull(cdnUri, "cdnUri");
            return this;
        }

        /** CDN poll interval, start to start; at least {@link #MIN_POLL_INTERVAL}; default 30 s. */
        public Builder pollInterval(Duration interval) {
            if (interval.compareTo(MIN_POLL_INTERVAL) < 0) {
                throw new IllegalArgumentException("the poll interval must be at least " + MIN_POLL_INTERVAL + ", not " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /** How long one CDN request may take, body included; default 10 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** File mode: a config file, watched for new content. */
        public Builder configFile(Path file) {
            this.configFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** Static mode: one config text, for tests. */
        public Builder configJson(String json) {
            this.configJson = Objects.requireNonNull(json, "json");
            return this;
        }

        /** Any other source of configs. */
        public Builder configSource(ConfigSource source) {
            this.configSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * The evaluator to serve through (a Wasm engine, for example); the caller keeps ownership and
         * closes it after the provider's shutdown. Default: the pure-Java reference.
         */
        public Builder evaluator(Evaluator evaluator) {
            this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
            return this;
        }

        /**
         * The engine of the registry ({@link Engines}) the provider builds and owns; default
         * {@code reference}. A Wasm engine needs {@code wasm-adapters} on the class path; its default
         * codec is the one that is safe for users with custom data. Not used with {@link #evaluator}.
         */
        public Builder engine(String id) {
            this.engine = Objects.requireNonNull(id, "id");
            return this;
        }

        /** Settings of that engine (codec, concurrency, clock, platform data, ...); default the engine's. */
        public Builder engineSettings(EngineSettings settings) {
            this.engineSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Which DevCycle core the provider's own engine answers as; default the newest the engine
         * runs. Not used with {@link #evaluator}.
         */
        public Builder coreVersion(CoreVersion version) {
            this.engineSettings = engineSettings.toBuilder().coreVersion(Objects.requireNonNull(version, "version")).build();
            return this;
        }

        /** How long {@link #initialize} waits for the first config; positive; default 10 s. */
        public Builder initTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the init timeout must be positive, not " + timeout);
            }
            this.initTimeout = timeout;
            return this;
        }

        /** How long the source may fail before a stale event; not negative; default 60 s. */
        public Builder staleAfter(Duration duration) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("staleAfter must not be negative, not " + duration);
            }
            this.staleAfter = duration;
            return this;
        }

        /** @throws IllegalStateException unless exactly one of sdkKey, configFile, configJson, configSource was given */
        public FlagparityProvider build() {
            int sources = (sdkKey != null ? 1 : 0) + (configFile != null ? 1 : 0) + (configJson != null ? 1 : 0)
                    + (configSource != null ? 1 : 0);
            if (sources != 1) {
                throw new IllegalStateException("give exactly one of sdkKey, configFile, configJson or configSource ("
                        + sources + " given)");
            }
            ConfigSource source = configSource;
            if (sdkKey != null) {
                source = CdnConfigSource.builder(cdnUri, sdkKey).pollInterval(pollInterval)
                        .requestTimeout(requestTimeout).build();
            } else if (configFile != null) {
                source = new FileConfigSource(configFile);
            } else if (configJson != null) {
                source = new StaticConfigSource(configJson);
            }
            boolean owns = evaluator == null;
            Evaluator e = owns ? Engines.create(engine, engineSettings) : evaluator;
            return new FlagparityProvider(this, source, e, owns);
        }
    }
}

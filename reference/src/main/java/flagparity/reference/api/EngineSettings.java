package flagparity.reference.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to build an engine ({@link EngineDescriptor#create}): immutable; every setting has a default,
 * and a setting left unset means "the engine's default". An engine refuses a setting it cannot
 * honour rather than ignoring it ({@link Engines#create} checks the ones its descriptor declares).
 */
public final class EngineSettings {
    private static final EngineSettings DEFAULTS = new Builder().build();

    private final String codec;
    private final String concurrency;
    private final int poolSize;
    private final Clock clock;
    private final PlatformData platformData;
    private final CoreVersion coreVersion;
    private final boolean fixedBuild;
    private final int collectEvery;
    private final Duration callDeadline;
    private final Duration loadDeadline;

    private EngineSettings(Builder b) {
        this.codec = b.codec;
        this.concurrency = b.concurrency;
        this.poolSize = b.poolSize;
        this.clock = b.clock;
        this.platformData = b.platformData;
        this.coreVersion = b.coreVersion;
        this.fixedBuild = b.fixedBuild;
        this.collectEvery = b.collectEvery;
        this.callDeadline = b.callDeadline;
        this.loadDeadline = b.loadDeadline;
    }

    /** Every setting at its default. */
    public static EngineSettings defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.codec = codec;
        b.concurrency = concurrency;
        b.poolSize = poolSize;
        b.clock = clock;
        b.platformData = platformData;
        b.coreVersion = coreVersion;
        b.fixedBuild = fixedBuild;
        b.collectEvery = collectEvery;
        b.callDeadline = callDeadline;
        b.loadDeadline = loadDeadline;
        return b;
    }

    /** A codec id of {@link EngineDescriptor#codecs()}; empty for the engine's default (its first). */
    public Optional<String> codec() { return Optional.ofNullable(codec); }

    /** A concurrency id of {@link EngineDescriptor#concurrencies()}; empty for the engine's default (its first). */
    public Optional<String> concurrency() { return Optional.ofNullable(concurrency); }

    /** Instances of a pool; 0 (the default) for one per available processor. */
    public int poolSize() { return poolSize; }

    /** The number of pool instances meant: {@link #poolSize()}, or the available processors for 0. */
    public int resolvedPoolSize() {
        return poolSize == 0 ? Runtime.getRuntime().availableProcessors() : poolSize;
    }

    /** What the evaluator reads as now (it decides rollouts); default the system clock (UTC). */
    public Clock clock() { return clock; }

    /** The SDK's platform data; empty for the engine's default ({@link PlatformData#javaSdkDefault()}). */
    public Optional<PlatformData> platformData() { return Optional.ofNullable(platformData); }

    /** The core version to answer as; empty for the newest one the engine runs. */
    public Optional<CoreVersion> coreVersion() { return Optional.ofNullable(coreVersion); }

    /**
     * Whether to run this project's fixed build of the core version ({@code 1.32.0-d7fix}, of the
     * engine's newest when no version is set: D7 and D8
     * repaired, the same answers; {@link CoreVersion#fixedWasmSha256()}) instead of DevCycle's; default
     * false. An engine that runs no wasm answers as the version; one that runs only DevCycle's builds
     * refuses it ({@link EngineDescriptor#takesFixedBuild()}).
     */
    public boolean fixedBuild() { return fixedBuild; }

    /** A full collection of a Wasm core's heap after every n-th lookup per instance; 0 (default) never. */
    public int collectEvery() { return collectEvery; }

    /** The longest one lookup may take; empty for the engine's default. */
    public Optional<Duration> callDeadline() { return Optional.ofNullable(callDeadline); }

    /** The longest one config or client custom data load may take; empty for the engine's default. */
    public Optional<Duration> loadDeadline() { return Optional.ofNullable(loadDeadline); }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof EngineSettings)) return false;
        EngineSettings s = (EngineSettings) o;
        return poolSize == s.poolSize && fixedBuild == s.fixedBuild && collectEvery == s.collectEvery && Objects.equals(codec, s.codec)
                && Objects.equals(concurrency, s.concurrency) && clock.equals(s.clock)
                && Objects.equals(platformData, s.platformData) && coreVersion == s.coreVersion
                && Objects.equals(callDeadline, s.callDeadline) && Objects.equals(loadDeadline, s.loadDeadline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(codec, concurrency, poolSize, clock, platformData, coreVersion, fixedBuild,
                collectEvery, callDeadline, loadDeadline);
    }

    @Override
    public String toString() {
        return "EngineSettings{codec=" + codec + ", concurrency=" + concurrency + ", poolSize=" + poolSize
                + ", clock=" + clock + ", platformData=" + platformData + ", core=" + coreVersion + (fixedBuild ? CoreVersion.FIXED_SUFFIX : "")
                + ", collectEvery=" + collectEvery + ", callDeadline=" + callDeadline
                + ", loadDeadline=" + loadDeadline + "}";
    }

    /** Builds {@link EngineSettings}; null for an optional setting means the engine's default. */
    public static final class Builder {
        private String codec;
        private String concurrency;
        private int poolSize;
        private Clock clock = Clock.systemUTC();
        private PlatformData platformData;
        private CoreVersion coreVersion;
        private boolean fixedBuild;
        private int collectEvery;
        private Duration callDeadline;
        private Duration loadDeadline;

        private Builder() {}

        public Builder codec(String v) { this.codec = v; return this; }
        public Builder concurrency(String v) { this.concurrency = v; return this; }

        public Builder poolSize(int v) {
            if (v < 0) throw new IllegalArgumentException("poolSize must be >= 0 (0 = available processors), not " + v);
            this.poolSize = v;
            return this;
        }

        public Builder clock(Clock v) { this.clock = Objects.requireNonNull(v, "clock"); return this; }
        public Builder platformData(PlatformData v) { this.platformData = v; return this; }
        public Builder coreVersion(CoreVersion v) { this.coreVersion = v; return this; }
        public Builder fixedBuild(boolean v) { this.fixedBuild = v; return this; }

        public Builder collectEvery(int n) {
            if (n < 0) throw new IllegalArgumentException("collectEvery must be >= 0 (0 = never), not " + n);
            this.collectEvery = n;
            return this;
        }

        /** How long one lookup may run; zero (with a zero load deadline) for none, only to measure what deadlines cost. */
        public Builder callDeadline(Duration v) { this.callDeadline = notNegative("callDeadline", v); return this; }
        /** How long a config or platform-data call may run; zero (with a zero call deadline) for none. */
        public Builder loadDeadline(Duration v) { this.loadDeadline = notNegative("loadDeadline", v); return this; }

        public EngineSettings build() {
            return new EngineSettings(this);
        }

        private static Duration notNegative(String what, Duration v) {
            if (v != null && v.isNegative()) {
                throw new IllegalArgumentException(what + " must be zero (none) or positive, not " + v);
            }
            return v;
        }
    }
}

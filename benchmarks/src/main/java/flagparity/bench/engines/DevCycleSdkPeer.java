package flagparity.bench.engines;

import com.devcycle.sdk.server.common.model.BaseVariable;
import com.devcycle.sdk.server.common.model.DevCycleUser;
import com.devcycle.sdk.server.local.api.DevCycleLocalClient;
import com.devcycle.sdk.server.local.model.DevCycleLocalOptions;
import com.fasterxml.jackson.databind.JsonNode;
import flagparity.reference.api.ConfigException;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.Health;
import flagparity.reference.api.InvalidUserException;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.bench.engines.ConfigServer.Served;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DevCycle's own Java SDK 2.6.0, the peer every number is compared with, driven through its public
 * API the way its users drive it: a {@link DevCycleLocalClient} that downloads its config over HTTP
 * and answers {@code variable(user, key, default)}.
 *
 * <p>The config is served by a {@link ConfigServer} on 127.0.0.1 at the path the SDK joins to its
 * {@code configCdnBaseUrl}. Responses carry an {@code ETag}; a poll that sends the current one gets a
 * 304, so the SDK's background polling costs one loopback request per poll interval and never
 * reloads the core behind a benchmark's back. The client's life cycle and config swaps share the
 * server's lock (a swap waits for the SDK's polls to echo the served ETag); users, values and client
 * custom data cross to the SDK through {@link SdkValues}, its log is an {@link SdkLog}. Both
 * event-logging options are disabled, so the SDK sends no events; realtime updates are disabled.
 *
 * <p>What differs from the other evaluators:
 * <ul>
 *   <li>{@link #setConfig} cannot force a fetch (the SDK has no public refresh). It waits for the
 *       next poll to take the new config and the poll after it to confirm it: the SDK echoes an
 *       ETag only once it has stored that config in its core. A swap therefore takes between one
 *       and two poll intervals (the SDK's minimum is 1 s, the default here). The first config
 *       starts the client and waits until it is initialized (about 1.1 s).</li>
 *   <li>A config the core would reject never reaches the SDK: the reference engine
 *       ({@link Engines#reference}) checks it first and {@link ConfigException} is thrown, because a
 *       config the SDK's core aborts on kills its poll task for good (the exception escapes it).
 *       A config the SDK itself cannot parse is detected (its next poll still echoes the old
 *       ETag); the old one stays in service and {@link ConfigException} is thrown. Should the
 *       poll task die anyway, {@link #setConfig} times out with {@link ConfigException} and the
 *       peer keeps its old config from then on.</li>
 *   <li>The SDK hands a config to its core only after a round trip through its own Jackson model
 *       ({@code ProjectConfig}), so fields that model drops never reach the core.</li>
 *   <li>The SDK's core reads the system clock and gets the SDK's own platform data: a pinned clock
 *       or other platform data is rejected by {@link #start}.</li>
 *   <li>{@link #variable} returns {@code null} whenever the SDK served the caller's default
 *       ({@code Variable.isDefaulted}), whatever the reason (not targeted, type mismatch, or an
 *       error the SDK swallowed and logged); {@link #defaultsServed()} counts those, so a benchmark
 *       can prove the SDK really served values. The SDK's variable carries no {@code _id}: it is
 *       taken from the config's variable of that key. A JSON value is the SDK's map written back
 *       with Jackson.</li>
 *   <li>{@link #bucketedConfig} is not supported: the SDK's public API has no such call.</li>
 * </ul>
 */
public final class DevCycleSdkPeer implements AllVariables, Evaluator, Health {
    /** A server key of the shape the SDK accepts (it checks the {@code dvc_server} prefix). */
    static final String SDK_KEY = "dvc_server_flagparity_peer";
    /** The SDK's shortest poll interval; a shorter one silently becomes its 30 s default. */
    public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration INIT_TIMEOUT = Duration.ofSeconds(30);

    private final ConfigServer server = new ConfigServer();
    private final Duration pollInterval;
    private final SdkLog log = new SdkLog();
    private final AtomicLong defaultsServed = new AtomicLong();
    /** The server's: guards the served config, the poll observations and the client's creation. */
    private final Object lock = server.lock;
    /** One config swap at a time ({@link #lock} is released while a swap waits for polls). */
    private final Object swapLock = new Object();
    private volatile DevCycleLocalClient client;
    private volatile Map<String, String> variableIds = Collections.emptyMap();
    private Map<String, Object> pendingClientCustomData;
    /** The last user converted, so a caller that reuses one {@link User} pays for the conversion once. */
    private volatile Converted lastUser;

    private DevCycleSdkPeer(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    /** A peer with no config yet, polling every {@link #MIN_POLL_INTERVAL}. */
    public static DevCycleSdkPeer start() {
        return start(MIN_POLL_INTERVAL);
    }

    /** A peer with no config yet; {@code pollInterval} bounds how long {@link #setConfig} takes. */
    public static DevCycleSdkPeer start(Duration pollInterval) {
        if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException("DevCycle's SDK polls at most once a second, not every " + pollInterval);
        }
        return new DevCycleSdkPeer(pollInterval);
    }

    /**
     * A peer for {@link DevCycleSdkEngine}: the SDK reads the system clock and sends its own platform
     * data, so anything else is refused rather than silently ignored.
     *
     * @param platformData {@code null} or {@link PlatformData#javaSdkDefault()}
     */
    static DevCycleSdkPeer start(Clock clock, PlatformData platformData) {
        if (!clock.equals(Clock.system(clock.getZone()))) {
            throw new IllegalArgumentException("devcycle-sdk reads the system clock; it cannot be pinned");
        }
        if (platformData != null && !platformData.equals(PlatformData.javaSdkDefault())) {
            throw new IllegalArgumentException("devcycle-sdk sends its own platform data; it cannot be replaced");
        }
        return start();
    }

    /** The port of the config server on 127.0.0.1. */
    public int port() {
        return server.port();
    }

    /** How many lookups the SDK answered with the caller's default (each one returned {@code null}). */
    public long defaultsServed() {
        return defaultsServed.get();
    }

    @Override
    public String trouble() {
        long defaults = defaultsServed.get();
        return defaults == 0 ? null : "DevCycle's SDK served the caller's default " + defaults
                + " times for a variable it had served: the SDK failed and its fallback path was timed";
    }

    /**
     * How many errors the SDK logged (it logs and serves the default instead of throwing). The SDK's
     * logger is global, so with several peers in one JVM the newest one counts every client's errors.
     */
    public long errorsLogged() {
        return log.errors.get();
    }

    @Override
    public Variable variable(User user, String key, VariableType type) {
        DevCycleLocalClient c = client;
        if (c == null) {
            return null;
        }
        com.devcycle.sdk.server.common.model.Variable<Object> v;
        try {
            v = c.variable(toDevCycleUser(user), key, SdkValues.sentinel(type));
        } catch (IllegalArgumentException e) {
            // The SDK validates before it evaluates: an empty user id or key.
            throw user.userId().isEmpty() ? new InvalidUserException(e.getMessage(), e)
                    : new EvaluationException(e.getMessage(), e);
        }
        if (Boolean.TRUE.equals(v.getIsDefaulted())) {
            defaultsServed.incrementAndGet();
            return null;
        }
        return new Variable(variableIds.getOrDefault(key, ""), key, type, SdkValues.value(type, v.getValue()));
    }

    private DevCycleUser toDevCycleUser(User user) {
        Converted last = lastUser;
        if (last != null && last.user() == user) {
            return last.sdkUser();
        }
        DevCycleUser sdkUser = SdkValues.convert(user);
        lastUser = new Converted(user, sdkUser);
        return sdkUser;
    }

    /**
     * The SDK's own answer to "every flag of one user": {@code allVariables(user)}, as the SDK returns
     * it (keyed by variable key); empty before the first config. For the bound-user comparison.
     */
    @Override
    public Map<String, BaseVariable> allVariables(User user) {
        DevCycleLocalClient c = client;
        return c == null ? Map.of() : c.allVariables(toDevCycleUser(user));
    }

    /** Not supported: DevCycle's SDK has no public call that returns the bucketed config. */
    @Override
    public String bucketedConfig(User user) {
        throw new UnsupportedOperationException(
                "devcycle-sdk: DevCycle's Java SDK has no public API for the bucketed config");
    }

    /**
     * Serves {@code configJson} and waits until the SDK has stored it in its core: one to two poll
     * intervals, or about 1.1 s for the first config (see the class comment).
     */
    @Override
    public void setConfig(String configJson) {
        // Guard the SDK: a config its core aborts on would kill its poll task for good.
        try (Evaluator judge = Engines.create(Engines.reference().id(),
                EngineSettings.builder().coreVersion(CoreVersion.V1_32_0).build())) {
            judge.setConfig(configJson);
        }
        synchronized (swapLock) {
            synchronized (lock) {
                Served previous = server.served();
                Served next = Served.of(configJson, previous);
                long pollsBefore = server.polls();
                server.serve(next);
                if (client == null) {
                    startClient(previous);
                    return;
                }
                awaitStored(previous, next, pollsBefore);
            }
        }
    }

    /** Called with {@link #lock} held. */
    private void startClient(Served previous) {
        DevCycleLocalOptions options = DevCycleLocalOptions.builder()
                .configCdnBaseUrl("http://127.0.0.1:" + port() + "/")
                .configPollingIntervalMs((int) pollInterval.toMillis())
                .disableAutomaticEventLogging(true)
                .disableCustomEventLogging(true)
                .disableRealtimeUpdates(true)
                .customLogger(log)
                .build();
        DevCycleLocalClient c = new DevCycleLocalClient(SDK_KEY, options);
        long deadline = System.nanoTime() + INIT_TIMEOUT.toNanos();
        while (!c.isInitialized()) {
            if (System.nanoTime() > deadline) {
                c.close();
                server.serve(previous);
                throw new ConfigException("devcycle-sdk did not initialize with the config within "
                        + INIT_TIMEOUT.toSeconds() + " s" + log.lastErrorSuffix());
            }
            waitOnLock(10);
        }
        variableIds = variableIds(server.served());
        client = c;
        if (pendingClientCustomData != null) {
            c.setClientCustomData(pendingClientCustomData);
            pendingClientCustomData = null;
        }
    }

    /** Called with {@link #lock} held; the config server notifies it on every poll. */
    private void awaitStored(Served previous, Served next, long pollsBefore) {
        if (previous != null && previous.etag.equals(next.etag)) {
            return;
        }
        long deadline = System.nanoTime() + pollInterval.multipliedBy(3).plusSeconds(5).toNanos();
        long seen = pollsBefore;
        boolean fetched = false;
        while (true) {
            if (server.polls() > seen) {
                seen = server.polls();
                if (next.etag.equals(server.lastPollEtag())) {
                    variableIds = variableIds(next);
                    return;
                }
                if (fetched) {
                    // The SDK fetched the new config but still echoes the old ETag: it rejected it.
                    server.serve(previous);
                    throw new ConfigException("devcycle-sdk rejected the config" + log.lastErrorSuffix());
                }
                fetched = true;
            }
            if (System.nanoTime() > deadline) {
                server.serve(previous);
                throw new ConfigException("devcycle-sdk did not take the config within "
                        + pollInterval.multipliedBy(3).plusSeconds(5).toSeconds()
                        + " s; its poll task stops for good when its core aborts on a config"
                        + log.lastErrorSuffix());
            }
            waitOnLock(pollInterval.toMillis());
        }
    }

    private void waitOnLock(long millis) {
        try {
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("interrupted while waiting for devcycle-sdk", e);
        }
    }

    private static Map<String, String> variableIds(Served s) {
        Map<String, String> ids = new HashMap<>();
        JsonNode variables = s.config.get("variables");
        if (variables != null) {
            for (JsonNode v : variables) {
                if (v.path("key").isTextual() && v.path("_id").isTextual()) {
                    ids.putIfAbsent(v.get("key").textValue(), v.get("_id").textValue());
                }
            }
        }
        return Collections.unmodifiableMap(ids);
    }

    @Override
    public void setClientCustomData(String customDataJson) {
        Map<String, Object> data = SdkValues.clientCustomData(customDataJson);
        synchronized (lock) {
            if (client == null) {
                pendingClientCustomData = data;
            } else {
                client.setClientCustomData(data);
            }
        }
    }

    /** Closes the SDK client (it leaves only daemon threads) and the config server. */
    @Override
    public void close() {
        DevCycleLocalClient c = client;
        client = null;
        if (c != null) {
            c.close();
        }
        server.close();
    }

    private record Converted(User user, DevCycleUser sdkUser) {}
}

package flagparity.bench.engines;

import com.devcycle.sdk.server.common.logging.IDevCycleLogger;
import com.devcycle.sdk.server.common.model.BaseVariable;
import com.devcycle.sdk.server.common.model.DevCycleUser;
import com.devcycle.sdk.server.local.api.DevCycleLocalClient;
import com.devcycle.sdk.server.local.model.DevCycleLocalOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import flagparity.reference.api.JsonCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DevCycle's own Java SDK 2.6.0, the peer every number is compared with, driven through its public
 * API the way its users drive it: a {@link DevCycleLocalClient} that downloads its config over HTTP
 * and answers {@code variable(user, key, default)}.
 *
 * <p>Why one long class: the config server, the poll observations and the client's life cycle share
 * one lock protocol (a swap waits for the SDK's polls to echo the served ETag); the SDK's quirks
 * it works around are listed below, each next to the code that handles it.
 *
 * <p>The config is served by a {@link HttpServer} on 127.0.0.1 (an ephemeral port) at
 * {@code /config/v2/server/<sdkKey>.json}, the path the SDK joins to its {@code configCdnBaseUrl}.
 * Responses carry an {@code ETag}; a poll that sends the current one as {@code If-None-Match} gets
 * a 304, so the SDK's background polling costs one loopback request per poll interval and never
 * reloads the core behind a benchmark's back. Both event-logging options are disabled, so the SDK
 * sends no events; realtime updates are disabled.
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
    private static final String CONFIG_PATH = "/config/v2/server/" + SDK_KEY + ".json";
    private static final ObjectMapper MAPPER = JsonCodec.mapper();

    private final HttpServer server;
    private final ExecutorService serverThread;
    private final Duration pollInterval;
    private final SdkLog log = new SdkLog();
    private final AtomicLong defaultsServed = new AtomicLong();
    /** Guards the served config, the poll observations and the client's creation. */
    private final Object lock = new Object();
    /** One config swap at a time ({@link #lock} is released while a swap waits for polls). */
    private final Object swapLock = new Object();
    private Served served;
    private long polls;
    private String lastPollEtag;
    private volatile DevCycleLocalClient client;
    private volatile Map<String, String> variableIds = Collections.emptyMap();
    private Map<String, Object> pendingClientCustomData;
    /** The last user converted, so a caller that reuses one {@link User} pays for the conversion once. */
    private volatile Converted lastUser;

    private DevCycleSdkPeer(Duration pollInterval) {
        this.pollInterval = pollInterval;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the config server for DevCycle's SDK", e);
        }
        server.createContext("/", this::serve);
        serverThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "devcycle-sdk-peer-config-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(serverThread);
        server.start();
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
        return server.getAddress().getPort();
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
            v = c.variable(toDevCycleUser(user), key, sentinel(type));
        } catch (IllegalArgumentException e) {
            // The SDK validates before it evaluates: an empty user id or key.
            throw user.userId().isEmpty() ? new InvalidUserException(e.getMessage(), e)
                    : new EvaluationException(e.getMessage(), e);
        }
        if (Boolean.TRUE.equals(v.getIsDefaulted())) {
            defaultsServed.incrementAndGet();
            return null;
        }
        return new Variable(variableIds.getOrDefault(key, ""), key, type, value(type, v.getValue()));
    }

    /** A default of the class from which the SDK infers the requested type. */
    private static Object sentinel(VariableType type) {
        switch (type) {
            case Boolean: return Boolean.FALSE;
            case Number: return 0.0d;
            case String: return "";
            default: return new LinkedHashMap<String, Object>();
        }
    }

    private static Object value(VariableType type, Object sdkValue) {
        if (type != VariableType.JSON) {
            return sdkValue;
        }
        try {
            return MAPPER.writeValueAsString(sdkValue);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the SDK's JSON value back", e);
        }
    }

    private DevCycleUser toDevCycleUser(User user) {
        Converted last = lastUser;
        if (last != null && last.user == user) {
            return last.sdkUser;
        }
        DevCycleUser sdkUser = convert(user);
        lastUser = new Converted(user, sdkUser);
        return sdkUser;
    }

    /** Every field the SDK's user has and ours has too ({@code deviceModel} has no SDK field). */
    static DevCycleUser convert(User user) {
        return DevCycleUser.builder()
                .userId(user.userId())
                .email(user.email())
                .name(user.name())
                .language(user.language())
                .country(user.country())
                .appVersion(user.appVersion())
                .appBuild(Double.isNaN(user.appBuild()) ? null : Double.toString(user.appBuild()))
                .customData(copy(user.customData()))
                .privateCustomData(copy(user.privateCustomData()))
                .build();
    }

    private static Map<String, Object> copy(Map<String, Object> data) {
        return data == null ? null : new HashMap<>(data);
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
                Served previous = served;
                Served next = Served.of(configJson, previous);
                long pollsBefore = polls;
                served = next;
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
                served = previous;
                throw new ConfigException("devcycle-sdk did not initialize with the config within "
                        + INIT_TIMEOUT.toSeconds() + " s" + log.lastErrorSuffix());
            }
            waitOnLock(10);
        }
        variableIds = variableIds(served);
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
            if (polls > seen) {
                seen = polls;
                if (next.etag.equals(lastPollEtag)) {
                    variableIds = variableIds(next);
                    return;
                }
                if (fetched) {
                    // The SDK fetched the new config but still echoes the old ETag: it rejected it.
                    served = previous;
                    throw new ConfigException("devcycle-sdk rejected the config" + log.lastErrorSuffix());
                }
                fetched = true;
            }
            if (System.nanoTime() > deadline) {
                served = previous;
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
        Map<String, Object> data = new LinkedHashMap<>();
        try {
            JsonNode root = MAPPER.readTree(customDataJson);
            if (root == null || !root.isObject()) {
                throw new InvalidUserException("client custom data is not a JSON object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isContainerNode()) {
                    throw new InvalidUserException("client custom data can't contain nested objects or arrays");
                }
                data.put(e.getKey(), MAPPER.treeToValue(e.getValue(), Object.class));
            }
        } catch (JsonProcessingException e) {
            throw new InvalidUserException("client custom data is not valid JSON: " + e.getOriginalMessage(), e);
        }
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
        server.stop(0);
        serverThread.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Served s;
            synchronized (lock) {
                s = served;
                if (CONFIG_PATH.equals(exchange.getRequestURI().getPath())) {
                    polls++;
                    lastPollEtag = exchange.getRequestHeaders().getFirst("If-None-Match");
                    lock.notifyAll();
                }
            }
            if (s == null || !CONFIG_PATH.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("ETag", s.etag);
            exchange.getResponseHeaders().set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(s.lastModified));
            if (s.etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, s.body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(s.body);
            }
        }
    }

    /**
     * A config as served: its bytes, its ETag and Last-Modified, and its parsed form for variable ids.
     * The SDK needs a Last-Modified on every 200 (without one its next 200 throws a
     * NullPointerException that kills its poll task) and ignores a config older than the one it has.
     */
    private static final class Served {
        final byte[] body;
        final String etag;
        final ZonedDateTime lastModified;
        final JsonNode config;

        private Served(byte[] body, String etag, ZonedDateTime lastModified, JsonNode config) {
            this.body = body;
            this.etag = etag;
            this.lastModified = lastModified;
            this.config = config;
        }

        /** Served after {@code previous} (may be null): its Last-Modified is now, and always later. */
        static Served of(String json, Served previous) {
            JsonNode config;
            try {
                config = MAPPER.readTree(json);
            } catch (JsonProcessingException e) {
                throw new ConfigException("config is not valid JSON: " + e.getOriginalMessage(), e);
            }
            if (config == null || !config.isObject()) {
                throw new ConfigException("config is not a JSON object");
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
                ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
                if (previous != null && !now.isAfter(previous.lastModified)) {
                    now = previous.lastModified.plusSeconds(1);
                }
                return new Served(body, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"", now, config);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class Converted {
        final User user;
        final DevCycleUser sdkUser;

        Converted(User user, DevCycleUser sdkUser) {
            this.user = user;
            this.sdkUser = sdkUser;
        }
    }

    /**
     * The SDK's log: errors are counted and each distinct message is printed once to stderr (a
     * broken core logs the same error on every call); debug, info and warnings (a type mismatch is
     * a warning) are dropped.
     */
    private static final class SdkLog implements IDevCycleLogger {
        private static final int MAX_DISTINCT = 20;
        final AtomicLong errors = new AtomicLong();
        private final Set<String> printed = ConcurrentHashMap.newKeySet();
        private volatile String lastError;

        @Override public void debug(String message) {}
        @Override public void info(String message) {}
        @Override public void warning(String message) {}

        @Override
        public void error(String message) {
            errors.incrementAndGet();
            lastError = message;
            if (printed.size() < MAX_DISTINCT && printed.add(message)) {
                System.err.println("devcycle-sdk: " + message);
            }
        }

        @Override
        public void error(String message, Throwable t) {
            error(t == null ? message : message + " (" + t + ")");
        }

        String lastErrorSuffix() {
            String e = lastError;
            return e == null ? "" : " (its last error: " + e + ")";
        }
    }
}

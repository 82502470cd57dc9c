package flagparity.openfeature.source;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Polls DevCycle's server config endpoint, {@code GET {cdnUri}/config/v2/server/{sdkKey}.json}, with
 * the JDK's HTTP client:
 * <ul>
 *   <li>Conditional: {@code If-None-Match} / {@code If-Modified-Since} carry the validators of the
 *       config in service; {@code 304} keeps it. A {@code 200} whose {@code Last-Modified} is older
 *       than the one in service is ignored (a stale CDN edge).</li>
 *   <li>{@code 401} / {@code 403}: the key is refused; polling stops and the failure is fatal.</li>
 *   <li>Any other status, a network error or a timeout (the whole response, body included, must
 *       arrive within the request timeout): the config in service stays; the next try comes after a
 *       backoff that starts at the shorter of 1 s and the poll interval and doubles up to the poll
 *       interval.</li>
 *   <li>Polls start one poll interval apart (start to start), so a new config is fetched within one
 *       interval of being served, plus the request's own time.</li>
 * </ul>
 * A rejected config does not take the place of the one in service, so it is fetched (and rejected)
 * again at the next poll for as long as the CDN serves it.
 */
public final class CdnConfigSource implements ConfigSource {
    /** DevCycle's default poll interval. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The shortest interval this class accepts. {@code FlagparityProvider}'s builder keeps DevCycle's
     * 1 s minimum; a source built directly may poll a mirror on the same host faster.
     */
    public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(10);
    private static final Pattern SDK_KEY = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Duration MAX_FIRST_RETRY = Duration.ofSeconds(1);

    private final URI configUri;
    private final Duration pollInterval;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private volatile boolean closed;
    private volatile CompletableFuture<?> inFlight;
    private Sink sink;
    /** Validators of the config in service (poller thread only). */
    private String etag;
    private String lastModified;
    private int failures;

    private CdnConfigSource(Builder b) {
        this.configUri = configUri(b.cdnUri, b.sdkKey);
        this.pollInterval = b.pollInterval;
        this.requestTimeout = b.requestTimeout;
        this.http = b.http != null ? b.http
                : HttpClient.newBuilder().connectTimeout(b.requestTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flagparity-cdn-poller");
            t.setDaemon(true);
            return t;
        });
    }

    /** A source for {@code sdkKey}'s config under {@code cdnUri} (with or without a trailing slash). */
    public static Builder builder(URI cdnUri, String sdkKey) {
        return new Builder(cdnUri, sdkKey);
    }

    /** {@code {cdnUri}/config/v2/server/{sdkKey}.json}, one slash between the parts. */
    public static URI configUri(URI cdnUri, String sdkKey) {
        Objects.requireNonNull(cdnUri, "cdnUri");
        Objects.requireNonNull(sdkKey, "sdkKey");
        if (!SDK_KEY.matcher(sdkKey).matches()) {
            throw new IllegalArgumentException("an SDK key holds letters, digits, '.', '_' and '-' only");
        }
        if (!cdnUri.isAbsolute() || cdnUri.getRawQuery() != null || cdnUri.getRawFragment() != null) {
            throw new IllegalArgumentException("the CDN URI must be absolute, without query or fragment: " + cdnUri);
        }
        String base = cdnUri.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/config/v2/server/" + sdkKey + ".json");
    }

    public URI configUri() {
        return configUri;
    }

    @Override
    public void start(Sink sink) {
        if (this.sink != null) {
            throw new IllegalStateException("already started");
        }
        this.sink = Objects.requireNonNull(sink, "sink");
        scheduler.execute(this::poll);
    }

    private void poll() {
        if (closed) {
            return;
        }
        long started = System.nanoTime();
        Outcome outcome;
        try {
            outcome = fetch();
        } catch (RuntimeException e) {
            outcome = Outcome.RETRY;
            report(() -> sink.failed("polling " + configUri + " failed: " + e));
        }
        if (outcome == Outcome.STOP) {
            return;
        }
        long delay;
        if (outcome == Outcome.REACHED) {
            failures = 0;
            delay = Math.max(0, pollInterval.toNanos() - (System.nanoTime() - started));
        } else {
            failures++;
            delay = backoff(failures).toNanos();
        }
        if (!closed) {
            scheduler.schedule(this::poll, delay, TimeUnit.NANOSECONDS);
        }
    }

    private enum Outcome { REACHED, RETRY, STOP }

    Duration backoff(int consecutiveFailures) {
        Duration first = pollInterval.compareTo(MAX_FIRST_RETRY) < 0 ? pollInterval : MAX_FIRST_RETRY;
        Duration d = first.multipliedBy(1L << Math.min(consecutiveFailures - 1, 30));
        return d.compareTo(pollInterval) > 0 ? pollInterval : d;
    }

    /** One request and its report to the sink. */
    private Outcome fetch() {
        HttpRequest.Builder request = HttpRequest.newBuilder(configUri).timeout(requestTimeout).GET()
                .header("Accept", "application/json");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        HttpResponse<String> response;
        CompletableFuture<HttpResponse<String>> future =
                http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        inFlight = future;
        try {
            response = future.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            report(() -> sink.failed("no complete response from " + configUri + " within " + requestTimeout.toMillis() + " ms"));
            return Outcome.RETRY;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof IOException ? e.getCause() : e;
            report(() -> sink.failed("fetching " + configUri + " failed: " + cause));
            return Outcome.RETRY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.RETRY;
        } finally {
            inFlight = null;
        }
        int status = response.statusCode();
        if (status == 304) {
            report(sink::unchanged);
            return Outcome.REACHED;
        }
        if (status == 401 || status == 403) {
            report(() -> sink.fatal("the CDN refused the SDK key (HTTP " + status + " from " + configUri + ")"));
            closed = true;
            return Outcome.STOP;
        }
        if (status != 200) {
            report(() -> sink.failed("HTTP " + status + " from " + configUri));
            return Outcome.RETRY;
        }
        Optional<String> modified = response.headers().firstValue("Last-Modified");
        if (olderThanInService(modified.orElse(null))) {
            report(sink::unchanged);
            return Outcome.REACHED;
        }
        if (closed) {
            return Outcome.RETRY;
        }
        if (sink.offer(response.body())) {
            etag = response.headers().firstValue("ETag").orElse(null);
            lastModified = modified.orElse(null);
        }
        return Outcome.REACHED;
    }

    private boolean olderThanInService(String modified) {
        if (modified == null || lastModified == null) {
            return false;
        }
        try {
            ZonedDateTime received = ZonedDateTime.parse(modified, DateTimeFormatter.RFC_1123_DATE_TIME);
            ZonedDateTime inService = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);
            return received.isBefore(inService);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Reports unless closed: nothing reaches the sink after {@link #close}. */
    private void report(Runnable call) {
        if (!closed) {
            call.run();
        }
    }

    @Override
    public void close() {
        closed = true;
        CompletableFuture<?> f = inFlight;
        if (f != null) {
            f.cancel(true);
        }
        scheduler.shutdownNow();
    }

    @Override
    public String describe() {
        return configUri.toString();
    }

    /** Options of a {@link CdnConfigSource}. */
    public static final class Builder {
        private final URI cdnUri;
        private final String sdkKey;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private HttpClient http;

        private Builder(URI cdnUri, String sdkKey) {
            this.cdnUri = Objects.requireNonNull(cdnUri, "cdnUri");
            this.sdkKey = Objects.requireNonNull(sdkKey, "sdkKey");
        }

        /** Start to start; at least {@link #MIN_POLL_INTERVAL}; default 30 s. */
        public Builder pollInterval(Duration interval) {
            if (interval.compareTo(MIN_POLL_INTERVAL) < 0) {
                throw new IllegalArgumentException("poll interval " + interval + " is below " + MIN_POLL_INTERVAL);
            }
            this.pollInterval = interval;
            return this;
        }

        /** How long one request may take, body included; positive; default 10 s. */
        public Builder requestTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the request timeout must be positive, not " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        /** The HTTP client to use (proxies, TLS settings); default: the JDK's, following redirects. */
        public Builder httpClient(HttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
            return this;
        }

        public CdnConfigSource build() {
            return new CdnConfigSource(this);
        }
    }
}

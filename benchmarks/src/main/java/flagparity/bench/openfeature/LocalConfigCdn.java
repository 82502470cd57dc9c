package flagparity.bench.openfeature;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DevCycle's config CDN on 127.0.0.1 for both OpenFeature providers: one config at a time at
 * {@code /config/v2/server/{sdkKey}.json}, with an ETag ({@code 304} when it is sent back) and a
 * Last-Modified that grows with every config (DevCycle's SDK needs one on every {@code 200} and
 * ignores a config older than its own). {@link #awaitAdopted} waits until each client, told apart by
 * its user agent, sends the current ETag back, which a client does only once that config is in service.
 */
public final class LocalConfigCdn implements AutoCloseable {
    /** The client kinds {@link #awaitAdopted} tells apart. */
    public enum Client { DEVCYCLE, FLAGPARITY }

    private record Served(byte[] body, String etag, String lastModified) {}

    private final String sdkKey;
    private final HttpServer http;
    private final AtomicLong version = new AtomicLong();
    private final Map<Client, String> echoed = new ConcurrentHashMap<>();
    private volatile Served served;

    public LocalConfigCdn(String sdkKey) {
        this.sdkKey = Objects.requireNonNull(sdkKey, "sdkKey");
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local config CDN", e);
        }
        http.createContext("/config/v2/server/" + sdkKey + ".json", exchange -> {
            try (exchange) {
                String agent = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("User-Agent"), "");
                String sent = exchange.getRequestHeaders().getFirst("If-None-Match");
                echoed.put(agent.startsWith("okhttp") ? Client.DEVCYCLE : Client.FLAGPARITY, sent == null ? "" : sent);
                Served now = served;
                if (now == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().add("ETag", now.etag());
                exchange.getResponseHeaders().add("Last-Modified", now.lastModified());
                if (now.etag().equals(sent)) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, now.body().length);
                exchange.getResponseBody().write(now.body());
            }
        });
        http.start();
    }

    public String sdkKey() {
        return sdkKey;
    }

    /** The CDN's base URI, without a trailing slash. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** Serves {@code config} from now on; returns its ETag. */
    public String serve(String config) {
        byte[] body = config.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + Integer.toHexString(Arrays.hashCode(body)) + "-" + body.length + "\"";
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(version.incrementAndGet()));
        served = new Served(body, etag, lastModified);
        return etag;
    }

    /** Waits until every client in {@code clients} has sent {@code etag} back. */
    public void awaitAdopted(String etag, Duration timeout, Client... clients) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Arrays.stream(clients).allMatch(c -> etag.equals(echoed.get(c)))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the clients did not take the new config within " + timeout + ": " + echoed);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}

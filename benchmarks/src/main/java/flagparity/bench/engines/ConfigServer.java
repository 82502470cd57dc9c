package flagparity.bench.engines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import flagparity.reference.api.ConfigException;
import flagparity.reference.api.JsonCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The config server {@link DevCycleSdkPeer}'s SDK polls: an {@link HttpServer} on 127.0.0.1 (an
 * ephemeral port) serving the config at {@code /config/v2/server/<sdkKey>.json} with an {@code ETag};
 * a poll that sends the current one as {@code If-None-Match} gets a 304. It records each poll (the
 * ETag the SDK echoed) and notifies {@link #lock}, on which the peer waits for its polls; the served
 * config and the poll observations are read and changed with {@link #lock} held.
 */
final class ConfigServer implements AutoCloseable {
    private static final String CONFIG_PATH = "/config/v2/server/" + DevCycleSdkPeer.SDK_KEY + ".json";

    /** Guards the served config and the poll observations (and, in the peer, the client's creation). */
    final Object lock = new Object();
    private final HttpServer server;
    private final ExecutorService serverThread;
    private Served served;
    private long polls;
    private String lastPollEtag;

    ConfigServer() {
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

    int port() {
        return server.getAddress().getPort();
    }

    /** With {@link #lock} held: the config served, or null. */
    Served served() {
        return served;
    }

    /** With {@link #lock} held: serve {@code s} from the next poll on. */
    void serve(Served s) {
        served = s;
    }

    /** With {@link #lock} held: how many polls the SDK made. */
    long polls() {
        return polls;
    }

    /** With {@link #lock} held: the ETag the SDK's last poll sent (the config it has stored). */
    String lastPollEtag() {
        return lastPollEtag;
    }

    @Override
    public void close() {
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
    static final class Served {
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
                config = JsonCodec.mapper().readTree(json);
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
}

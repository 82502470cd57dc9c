package flagparity.openfeature;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A config CDN on 127.0.0.1 for tests: answers with whatever {@link #respond} was last given, and records requests. */
final class ConfigServer implements AutoCloseable {
    /** One request as the server saw it. */
    record Request(String path, String ifNoneMatch, String ifModifiedSince) {}

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-config-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Handler handler = exchange -> send(exchange, 404, "", null, null);

    ConfigServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("If-None-Match"),
                    exchange.getRequestHeaders().getFirst("If-Modified-Since")));
            try {
                handler.handle(exchange);
            } catch (IOException e) {
                // the client went away (a test of timeouts)
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void respond(Handler h) {
        this.handler = h;
    }

    /** Serves {@code body} with 200, and 304 when the request's If-None-Match is {@code etag}. */
    void serve(String body, String etag, String lastModified) {
        respond(exchange -> {
            if (etag != null && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            send(exchange, 200, body, etag, lastModified);
        });
    }

    static void send(HttpExchange exchange, int status, String body, String etag, String lastModified) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (etag != null) {
            exchange.getResponseHeaders().add("ETag", etag);
        }
        if (lastModified != null) {
            exchange.getResponseHeaders().add("Last-Modified", lastModified);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    int requestCount() {
        return requests.size();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

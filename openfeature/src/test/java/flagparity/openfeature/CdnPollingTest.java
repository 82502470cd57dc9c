package flagparity.openfeature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvent;
import dev.openfeature.sdk.ProviderState;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.OpenFeatureError;
import flagparity.openfeature.source.CdnConfigSource;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CDN poller against a real HTTP server, through OpenFeature's client API. Polls every 50 ms (a
 * source built directly may poll faster than the builder's 1 s minimum), requests time out after 1 s.
 */
class CdnPollingTest {
    private static final String KEY = "dvc_server_test";
    private static final String PATH = "/config/v2/server/" + KEY + ".json";
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final EvaluationContext USER = new ImmutableContext("user-1", Map.of("plan", new Value("pro")));
    private static final String A = Fixtures.config("config-a.json");
    private static final String B = Fixtures.config("config-b.json");
    private static final String OLD = "Wed, 21 Oct 2015 07:28:00 GMT";
    private static final String NEW = "Thu, 22 Oct 2015 07:28:00 GMT";

    private final ConfigServer server = new ConfigServer();
    private final Fixtures.Domain domain = new Fixtures.Domain();

    @AfterEach
    void stop() {
        domain.close();
        server.close();
    }

    private FlagparityProvider provider(URI cdn) {
        return FlagparityProvider.builder()
                .configSource(CdnConfigSource.builder(cdn, KEY).pollInterval(POLL).requestTimeout(TIMEOUT).build())
                .initTimeout(WAIT)
                .staleAfter(Duration.ofMillis(200))
                .build();
    }

    private String beta() {
        return domain.client.getStringValue("beta-var", "none", USER);
    }

    @Test
    void conditionalRequestsKeepTheConfigOn304AndTakeANewOneWithItsChangedKeys() throws Exception {
        server.serve(A, "\"a\"", OLD);
        domain.start(provider(server.uri()));
        assertEquals("beta-a", beta());
        waitForRequests(3);
        ConfigServer.Request later = server.requests().get(2);
        assertEquals(PATH, later.path());
        assertEquals("\"a\"", later.ifNoneMatch());
        assertEquals(OLD, later.ifModifiedSince());
        assertEquals("beta-a", beta(), "a 304 keeps the config");

        server.serve(B, "\"b\"", NEW);
        long served = System.nanoTime();
        Fixtures.Event changed = domain.await(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED, WAIT);
        assertEquals(List.of("beta-var"), changed.details().getFlagsChanged());
        assertEquals("beta-b", beta());
        // within one poll interval of being served (and the request's own time, generous on a loaded machine)
        assertTrue(System.nanoTime() - served < POLL.plus(TIMEOUT).toNanos() * 4,
                "change seen after " + (System.nanoTime() - served) / 1_000_000 + " ms");
    }

    @Test
    void aResponseOlderThanTheConfigInServiceIsIgnored() throws Exception {
        server.serve(A, "\"a\"", NEW);
        domain.start(provider(server.uri()));
        server.respond(exchange -> ConfigServer.send(exchange, 200, B, "\"b\"", OLD));
        waitForRequests(server.requestCount() + 3);
        assertEquals("beta-a", beta());
        assertTrue(domain.drain().stream().noneMatch(e -> e.type() == ProviderEvent.PROVIDER_CONFIGURATION_CHANGED));
    }

    @Test
    void cdnUriWorksWithAndWithoutATrailingSlashAndAPathPrefix() throws Exception {
        server.serve(A, "\"a\"", OLD);
        URI withSlash = URI.create(server.uri() + "/");
        assertEquals(URI.create(server.uri() + PATH), CdnConfigSource.configUri(withSlash, KEY));
        assertEquals(URI.create(server.uri() + PATH), CdnConfigSource.configUri(server.uri(), KEY));
        assertEquals(URI.create(server.uri() + "/mirror" + PATH),
                CdnConfigSource.configUri(URI.create(server.uri() + "/mirror/"), KEY));
        domain.start(provider(withSlash));
        assertEquals("beta-a", beta());
        assertEquals(PATH, server.requests().get(0).path());
    }

    @Test
    void serverErrorsKeepTheConfigGoStaleAndRecover() throws Exception {
        server.serve(A, "\"a\"", OLD);
        domain.start(provider(server.uri()));
        server.respond(exchange -> ConfigServer.send(exchange, 500, "oops", null, null));
        Fixtures.Event stale = domain.await(ProviderEvent.PROVIDER_STALE, WAIT);
        assertTrue(stale.details().getMessage().contains("HTTP 500"), stale.details().getMessage());
        assertEquals(ProviderState.STALE, domain.client.getProviderState());
        assertEquals("beta-a", beta(), "the last good config stays in service");

        server.serve(A, "\"a\"", OLD);
        domain.await(ProviderEvent.PROVIDER_READY, WAIT);
        assertEquals(ProviderState.READY, domain.client.getProviderState());
    }

    @Test
    void unauthorizedFailsInitializationAsFatal() {
        server.respond(exchange -> ConfigServer.send(exchange, 401, "", null, null));
        OpenFeatureError e = assertThrows(OpenFeatureError.class,
                () -> OpenFeatureAPI.getInstance().setProviderAndWait(domain.name, provider(server.uri())));
        assertEquals(ErrorCode.PROVIDER_FATAL, e.getErrorCode());
        assertEquals(ProviderState.FATAL, domain.client.getProviderState());
        int requests = server.requestCount();
        sleep(POLL.multipliedBy(4));
        assertEquals(requests, server.requestCount(), "polling stopped");
    }

    @Test
    void forbiddenLaterStopsPollingWithAFatalErrorEvent() throws Exception {
        server.serve(A, "\"a\"", OLD);
        domain.start(provider(server.uri()));
        server.respond(exchange -> ConfigServer.send(exchange, 403, "", null, null));
        Fixtures.Event error = domain.await(ProviderEvent.PROVIDER_ERROR, WAIT);
        assertEquals("PROVIDER_FATAL", error.details().getEventMetadata().getString(FlagparityProvider.ERROR_CODE));
        assertEquals(ProviderState.FATAL, domain.client.getProviderState());
        int requests = server.requestCount();
        sleep(POLL.multipliedBy(4));
        assertEquals(requests, server.requestCount(), "polling stopped");
    }

    @Test
    void noConfigInTimeFailsInitializationAndLookupsSayNotReadyUntilOneArrives() throws Exception {
        server.respond(exchange -> ConfigServer.send(exchange, 503, "", null, null));
        FlagparityProvider provider = FlagparityProvider.builder()
                .configSource(CdnConfigSource.builder(server.uri(), KEY).pollInterval(POLL).requestTimeout(TIMEOUT).build())
                .initTimeout(Duration.ofSeconds(3))
                .build();
        OpenFeatureError e = assertThrows(OpenFeatureError.class,
                () -> OpenFeatureAPI.getInstance().setProviderAndWait(domain.name, provider));
        assertEquals(ErrorCode.GENERAL, e.getErrorCode());
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
        FlagEvaluationDetails<String> d = domain.client.getStringDetails("beta-var", "none", USER);
        assertEquals(ErrorCode.PROVIDER_NOT_READY, d.getErrorCode());
        assertEquals("none", d.getValue());

        domain.drain(); // a handler added while the domain had no provider yet saw the default provider's ready
        server.serve(A, "\"a\"", OLD);
        domain.await(ProviderEvent.PROVIDER_READY, WAIT);
        assertEquals("beta-a", beta());
    }

    @Test
    void aTimedOutRequestIsRetried() throws Exception {
        server.respond(exchange -> {
            sleep(TIMEOUT.multipliedBy(2));
            ConfigServer.send(exchange, 200, A, "\"a\"", OLD);
        });
        Thread later = new Thread(() -> {
            sleep(TIMEOUT.multipliedBy(3).dividedBy(2));
            server.serve(A, "\"a\"", OLD);
        });
        later.start();
        domain.start(provider(server.uri()));
        assertEquals("beta-a", beta());
        assertTrue(server.requestCount() >= 2, "the first request timed out and was retried");
    }

    @Test
    void aSlowBodyTimesOutAndTheConfigInServiceStays() throws Exception {
        server.serve(A, "\"a\"", OLD);
        domain.start(provider(server.uri()));
        byte[] body = B.getBytes(StandardCharsets.UTF_8);
        server.respond(exchange -> {
            exchange.getResponseHeaders().add("ETag", "\"b\"");
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, 10);
            out.flush();
            sleep(TIMEOUT.multipliedBy(2));
            out.write(body, 10, body.length - 10);
        });
        Fixtures.Event stale = domain.await(ProviderEvent.PROVIDER_STALE, WAIT);
        assertTrue(stale.details().getMessage().contains("no complete response"), stale.details().getMessage());
        assertEquals("beta-a", beta());
    }

    @Test
    void aTruncatedBodyIsAFailedFetch() throws Exception {
        server.serve(A, "\"a\"", OLD);
        domain.start(provider(server.uri()));
        byte[] body = B.getBytes(StandardCharsets.UTF_8);
        server.respond(exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body, 0, body.length / 2);
            // the server closes the exchange short of its announced length
        });
        domain.await(ProviderEvent.PROVIDER_STALE, WAIT);
        assertEquals("beta-a", beta());
    }

    @Test
    void malformedJsonIsRejectedWithAnErrorEventAndTheOldConfigStays() throws Exception {
        server.serve(A, "\"a\"", OLD);
        domain.start(provider(server.uri()));
        String truncated = B.substring(0, B.length() / 2);
        server.respond(exchange -> ConfigServer.send(exchange, 200, truncated, "\"half\"", NEW));
        Fixtures.Event error = domain.await(ProviderEvent.PROVIDER_ERROR, WAIT);
        assertTrue(error.details().getMessage().contains("rejected"), error.details().getMessage());
        assertEquals("PARSE_ERROR", error.details().getEventMetadata().getString(FlagparityProvider.ERROR_CODE));
        assertEquals("beta-a", beta());
        assertNull(domain.client.getStringDetails("beta-var", "none", USER).getErrorCode());
        // the rejected config's validators were not adopted: it is fetched again, not 304'd
        int seen = server.requestCount();
        waitForRequests(seen + 2);
        assertTrue(server.requests().subList(seen, seen + 2).stream().noneMatch(r -> "\"half\"".equals(r.ifNoneMatch())));

        server.serve(B, "\"b\"", NEW);
        domain.await(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED, WAIT);
        assertEquals("beta-b", beta());
    }

    private void waitForRequests(int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.requestCount() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + server.requestCount() + " requests, expected " + n);
            }
            Thread.sleep(10);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

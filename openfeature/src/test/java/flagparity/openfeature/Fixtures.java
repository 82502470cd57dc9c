package flagparity.openfeature;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvent;
import dev.openfeature.sdk.ProviderEventDetails;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Configs and an OpenFeature domain of its own per test, with the events its client saw. */
final class Fixtures {
    private Fixtures() {}

    static String config(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event as a client handler received it. */
    record Event(ProviderEvent type, ProviderEventDetails details) {}

    /** A provider in a domain of its own, its client, and the events that reached the client's handlers. */
    static final class Domain implements AutoCloseable {
        final String name = "test-" + UUID.randomUUID();
        final Client client;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

        Domain() {
            client = OpenFeatureAPI.getInstance().getClient(name);
            for (ProviderEvent type : List.of(ProviderEvent.PROVIDER_READY, ProviderEvent.PROVIDER_CONFIGURATION_CHANGED,
                    ProviderEvent.PROVIDER_STALE, ProviderEvent.PROVIDER_ERROR)) {
                client.on(type, details -> events.add(new Event(type, details)));
            }
        }

        /** Sets the provider and waits for its initialization (its exception, if any, is thrown). */
        Domain start(FlagparityProvider provider) {
            OpenFeatureAPI.getInstance().setProviderAndWait(name, provider);
            return this;
        }

        /** The next event of {@code type}, skipping others; fails after {@code timeout}. */
        Event await(ProviderEvent type, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Event e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (e == null) {
                    throw new AssertionError("no " + type + " event within " + timeout);
                }
                if (e.type() == type) {
                    return e;
                }
            }
        }

        /** Events received so far and not yet awaited. */
        List<Event> drain() {
            List<Event> out = new java.util.ArrayList<>();
            events.drainTo(out);
            return out;
        }

        @Override
        public void close() {
            // Replacing the provider shuts it down.
            OpenFeatureAPI.getInstance().setProviderAndWait(name, new NoOpProvider());
        }
    }
}

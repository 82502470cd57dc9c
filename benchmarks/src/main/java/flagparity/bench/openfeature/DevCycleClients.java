package flagparity.bench.openfeature;

import com.devcycle.sdk.server.common.logging.IDevCycleLogger;
import com.devcycle.sdk.server.local.api.DevCycleLocalClient;
import com.devcycle.sdk.server.local.model.DevCycleLocalOptions;
import java.time.Duration;

/** DevCycle's Java SDK client behind its OpenFeature provider, pointed at a {@link LocalConfigCdn}. */
public final class DevCycleClients {
    private DevCycleClients() {}

    /**
     * A client polling {@code cdn} every {@code pollInterval} (at least 1 s), sending no events,
     * initialized: its OpenFeature provider's own initialize gives up after 2 s, which a loaded
     * machine can exceed, so this waits up to {@code timeout} before the provider is set.
     */
    public static DevCycleLocalClient start(LocalConfigCdn cdn, Duration pollInterval, Duration timeout)
            throws InterruptedException {
        DevCycleLocalClient client = new DevCycleLocalClient(cdn.sdkKey(), DevCycleLocalOptions.builder()
                .configCdnBaseUrl(cdn.uri() + "/")
                .configPollingIntervalMs((int) pollInterval.toMillis())
                .disableAutomaticEventLogging(true)
                .disableCustomEventLogging(true)
                .disableRealtimeUpdates(true)
                .customLogger(new Quiet())
                .build());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!client.isInitialized()) {
            if (System.nanoTime() > deadline) {
                client.close();
                throw new IllegalStateException("DevCycle's client did not initialize within " + timeout);
            }
            Thread.sleep(20);
        }
        return client;
    }

    /** The SDK logs to stderr unless given a logger; callers check what matters themselves. */
    private static final class Quiet implements IDevCycleLogger {
        @Override public void debug(String message) {}
        @Override public void info(String message) {}
        @Override public void warning(String message) {}
        @Override public void error(String message) {}
        @Override public void error(String message, Throwable throwable) {}
    }
}

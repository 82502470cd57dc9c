package flagparity.bench.engines;

import com.devcycle.sdk.server.common.logging.IDevCycleLogger;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DevCycle's SDK's log as {@link DevCycleSdkPeer} keeps it: errors are counted and each distinct
 * message is printed once to stderr (a broken core logs the same error on every call); debug, info
 * and warnings (a type mismatch is a warning) are dropped.
 */
final class SdkLog implements IDevCycleLogger {
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

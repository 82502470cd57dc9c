package flagparity.bench.load;

import flagparity.reference.api.Evaluator;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * {@code latency --swap-config-every}: a config update under load. One daemon thread sets the config
 * again at a fixed period, beside the calling threads, for the whole run; each update's duration is
 * recorded. The config is the one being served, so every answer stays the same and the lookups
 * measure only what an update costs them (CPU, locks, a Wasm engine building fresh instances).
 */
final class ConfigSwapper implements AutoCloseable {
    private final Evaluator evaluator;
    private final String configJson;
    private final ScheduledExecutorService timer;
    private final Histogram micros = new Histogram(3);
    private long failed;
    private RuntimeException firstError;

    ConfigSwapper(Evaluator evaluator, String configJson, Duration every) {
        if (every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("--swap-config-every must be positive, not " + every);
        }
        this.evaluator = evaluator;
        this.configJson = configJson;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "config-swapper");
            t.setDaemon(true);
            return t;
        });
        long period = every.toNanos();
        timer.scheduleAtFixedRate(this::swap, period, period, TimeUnit.NANOSECONDS);
    }

    private void swap() {
        long start = System.nanoTime();
        try {
            evaluator.setConfig(configJson);
        } catch (RuntimeException e) {
            synchronized (this) {
                failed++;
                if (firstError == null) {
                    firstError = e;
                }
            }
            return;
        }
        long took = (System.nanoTime() - start + 500) / 1000;
        synchronized (this) {
            micros.recordValue(took);
        }
    }

    /** Stops the updates, waiting for one under way. */
    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        if (!timer.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("a config update was still running a minute after the run");
        }
    }

    synchronized long done() { return micros.getTotalCount(); }

    synchronized long failed() { return failed; }

    synchronized RuntimeException firstError() { return firstError; }

    synchronized double meanMicros() { return micros.getMean(); }

    synchronized long maxMicros() { return micros.getMaxValue(); }
}

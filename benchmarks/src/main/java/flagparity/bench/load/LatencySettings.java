package flagparity.bench.load;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One fixed-rate latency run as the {@code latency} command states it.
 *
 * @param engine a registry engine id, or {@link LatencyHarness#NOOP} for a call that does nothing
 * @param core a version id or {@code newest} ({@code flagparity.bench.jmh.CoreChoice})
 * @param config a built-in workload or a config file
 * @param user user JSON or a user JSON file
 * @param swapConfigEvery the period of config updates under load, or {@code null} for none
 * @param name the files' prefix, or {@code null} for one made from the settings
 */
public record LatencySettings(String engine, String codec, String concurrency, int poolSize, String core, String config,
        String user, String key, double rate, int threads, Duration warmup, Duration duration, CoreGc coreGc, Path out,
        Duration swapConfigEvery, String name) {

    boolean noop() {
        return LatencyHarness.NOOP.equals(engine);
    }
}

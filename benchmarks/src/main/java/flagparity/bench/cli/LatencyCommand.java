package flagparity.bench.cli;

import flagparity.bench.jmh.CoreChoice;
import flagparity.bench.load.CoreGc;
import flagparity.bench.load.LatencyHarness;
import flagparity.bench.load.LatencySettings;
import flagparity.reference.api.Engines;
import flagparity.workloads.Workloads;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code latency}: the options of one fixed-rate run ({@link LatencyHarness} says what it does and writes).
 *
 * <p>Exit status: 0 when every measured call returned the served variable; 1 when any failed or the engine
 * reported trouble (the files are written either way, with {@code "valid": false} and the reason); 2, with one
 * line on stderr, when the setting cannot be measured at all (a bad rate or duration, an unknown engine, an
 * unusable config, a key the user is not served, a user the SDK peer mishandles, config updates for the SDK peer).
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "Drive one engine at a fixed arrival rate; record every call's latency (HdrHistogram,"
                + " corrected for coordinated omission).")
public final class LatencyCommand implements Callable<Integer> {
    @Option(names = "--engine", description = "Engine id (default: ${DEFAULT-VALUE}).")
    String engine = Engines.reference().id();

    @Option(names = "--codec", defaultValue = flagparity.wasm.Codec.DEFAULT_ID, description = "Codec of a Wasm engine (default: ${DEFAULT-VALUE}).")
    String codec;

    @Option(names = "--concurrency", defaultValue = "mutex", description = "mutex or pool (default: ${DEFAULT-VALUE}).")
    String concurrency;

    @Option(names = "--pool-size", defaultValue = "0", description = "Instances of a pool; 0 = available processors.")
    int poolSize;

    @Option(names = "--core", defaultValue = CoreChoice.NEWEST, paramLabel = "VERSION",
            completionCandidates = CoreChoice.Ids.class, description = CoreChoice.DESCRIPTION)
    String coreVersion;

    @Option(names = "--config", defaultValue = "large", description = "Built-in workload or config file (default: ${DEFAULT-VALUE}).")
    String config;

    @Option(names = "--user", defaultValue = Workloads.DEFAULT_USER_JSON, description = "User JSON or a user JSON file.")
    String user;

    @Option(names = "--key", defaultValue = Workloads.DEFAULT_KEY, description = "Variable key (default: ${DEFAULT-VALUE}).")
    String key;

    @Option(names = "--rate", required = true, description = "Calls per second, all threads together.")
    double rate;

    @Option(names = "--threads", defaultValue = "2", description = "Calling threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class,
            description = "Measured time, e.g. 500ms, 30s, 2m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "10s", converter = DurationConverter.class,
            description = "Unrecorded time at the same rate before it (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--core-gc", defaultValue = "never", converter = CoreGcConverter.class,
            description = "When a Wasm core runs a full collection of its heap: never, every:N (lookups per instance)"
                    + " or idle (in a calling thread's slack) (default: ${DEFAULT-VALUE}).")
    CoreGc coreGc;

    @Option(names = "--out", defaultValue = ".", description = "Directory for the .hgrm and .summary.json files.")
    Path out;

    @Option(names = "--swap-config-every", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Set the config again at this period from one more thread, through warm-up and"
                    + " measurement: the cost of a config update under load (default: never).")
    Duration swapConfigEvery;

    @Option(names = "--noop", description = "Time a call that does nothing instead of an engine: the harness's"
            + " own floor at this rate and thread count (the report's floor row).")
    boolean noop;

    @Option(names = "--name", description = "File name prefix (default: latency-ENGINE[-CODEC-CONCURRENCY]-RATE-THREADS-COLLECTOR).")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        return LatencyHarness.run(new LatencySettings(noop ? LatencyHarness.NOOP : engine, codec, concurrency, poolSize,
                coreVersion, config, user, key, rate, threads, warmup, duration, coreGc, out, swapConfigEvery, name),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    static final class CoreGcConverter implements CommandLine.ITypeConverter<CoreGc> {
        @Override
        public CoreGc convert(String value) {
            try {
                return CoreGc.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Durations as {@code 500ms}, {@code 30s}, {@code 2m}, or ISO-8601 ({@code PT30S}). */
    public static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");

        @Override
        public Duration convert(String value) {
            Matcher m = SIMPLE.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                double amount = Double.parseDouble(m.group(1));
                double millis = "ms".equals(m.group(2)) ? amount : "s".equals(m.group(2)) ? amount * 1e3 : amount * 60e3;
                return Duration.ofNanos(Math.round(millis * 1e6));
            }
            try {
                return Duration.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("not a duration: \"" + value + "\" (use 500ms, 30s, 2m)");
            }
        }
    }
}

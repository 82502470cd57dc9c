package flagparity.bench.load;

import flagparity.bench.jmh.CoreChoice;
import flagparity.bench.jmh.Lookup;
import flagparity.reference.api.CoreGarbageCollection;
import flagparity.reference.api.Engines;
import flagparity.reference.api.EvaluationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;

/**
 * The {@code latency} command's run: one engine at a fixed arrival rate from several threads
 * ({@link FixedRateGenerator}), every call recorded ({@link LatencyRecorder}); writes {@code NAME.response.hgrm},
 * {@code NAME.service.hgrm} (percentile distributions in µs), {@code NAME.hlog} (HdrHistogram's interval log,
 * {@link IntervalLog}) and {@code NAME.summary.json} ({@link LatencySummary}), and prints the summary, which includes
 * the generator's own lag ({@link LatencyRecorder#generatorLag()}). The {@link #NOOP} engine times a call that does
 * nothing: the floor of the harness at that rate. The collector is the JVM's own; the summary records which one ran
 * and what it did in the measured window.
 *
 * <p>{@link CoreGc} decides when a Wasm core runs a full collection of its own heap: {@code never}, {@code every:N}
 * lookups per instance, or {@code idle}: a calling thread with slack before its next planned call collects every
 * core instance not in use, when that slack is at least what such a collection takes (estimated before the run,
 * then a running mean); at most once per call. A full collection is not cheap (about 1.2 ms on chicory-aot with
 * the large config, which lives in the core's heap), so at high rates there is no slack for one and {@code idle}
 * collects rarely or never. Config updates ({@link ConfigSwapper}) set the same config again at a period from one
 * more thread, through warm-up and measurement: what a config update costs the lookups under load.
 */
public final class LatencyHarness {
    /** The engine name of a run timing a call that does nothing. */
    public static final String NOOP = "noop";
    /** Exit status: every measured call returned the served variable. */
    public static final int OK = 0;
    /** Exit status: a call failed (threw, or answered {@code null}) or the engine reported trouble; files written. */
    public static final int NOT_VALID = 1;
    /** Exit status: the setting cannot be measured at all; one line on stderr. */
    public static final int UNUSABLE = 2;
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(1);

    private LatencyHarness() {}

    /** Runs {@code s}, the summary to {@code stdout}, problems a line each to {@code stderr}; returns the exit status. */
    public static int run(LatencySettings s, PrintWriter stdout, PrintWriter stderr)
            throws IOException, InterruptedException {
        if (s.swapConfigEvery() != null && (s.noop() || Engines.ids().contains(s.engine())
                && !Engines.get(s.engine()).swapsConfig())) {
            return unusable(stderr, (s.noop() ? "--noop has no config to set"
                    : s.engine() + " does not swap configs in on setConfig") + " (--swap-config-every)");
        }
        FixedRateGenerator generator;
        Lookup opened;
        try {
            generator = new FixedRateGenerator(s.rate(), s.threads(), s.warmup(), s.duration(),
                    FixedRateGenerator.Ticker.SYSTEM);
            opened = s.noop() ? null : Lookup.open(s.engine(), s.codec(), s.concurrency(), s.poolSize(), s.config(),
                    Lookup.parseUser(s.user()), s.key(), s.coreGc().every(), CoreChoice.parse(s.core()));
        } catch (IllegalArgumentException | IllegalStateException | EvaluationException e) {
            return unusable(stderr, e.getMessage());
        }
        try (Lookup lookup = opened) {
            CoreGarbageCollection wasm = lookup != null && lookup.evaluator() instanceof CoreGarbageCollection
                    ? (CoreGarbageCollection) lookup.evaluator() : null;
            boolean idleGc = s.coreGc().kind() == CoreGc.Kind.IDLE;
            if (idleGc && wasm == null) {
                return unusable(stderr, s.engine() + " has no Wasm core whose collector can be driven (--core-gc idle)");
            }
            IdleCollector idle = idleGc ? new IdleCollector(wasm) : null;
            GcSnapshot[] atStart = new GcSnapshot[1];
            long[] collectionsAtStart = new long[1];
            ConfigSwapper swapper = s.swapConfigEvery() == null ? null
                    : new ConfigSwapper(lookup.evaluator(), lookup.configJson(), s.swapConfigEvery());
            String prefix = s.name() != null ? s.name() : defaultName(s, GcSnapshot.take().collector());
            Files.createDirectories(s.out());
            FixedRateGenerator.Result result;
            try (IntervalLog log = IntervalLog.open(s.out().resolve(prefix + ".hlog"))) {
                result = generator.run(lookup == null ? () -> true : () -> lookup.call() != null, () -> {
                    atStart[0] = GcSnapshot.take();
                    collectionsAtStart[0] = wasm != null ? wasm.coreCollections() : 0;
                    log.start(LOG_INTERVAL);
                }, idle, log);
            } finally {
                if (swapper != null) {
                    swapper.close();
                }
            }
            long coreCollections = wasm != null ? wasm.coreCollections() - collectionsAtStart[0] : 0;
            String trouble = trouble(result, lookup, swapper);
            String json = LatencySummary.of(s, result, atStart[0], GcSnapshot.take(), coreCollections,
                    idle == null ? null : idle.expectedNanos / 1000.0, swapper, trouble,
                    lookup == null ? null : lookup.core().id()).write(s.out(), prefix, result.recorder());
            stdout.println(json);
            stdout.flush();
            if (result.notIssued() > 0) {
                stderr.println("latency: " + result.notIssued() + " calls planned in the measured window were never"
                        + " made: " + s.rate() + " calls/s is more than this setup sustains; the histograms lack them");
                stderr.flush();
            }
            if (trouble != null) {
                stderr.println("latency: the run is not valid: " + trouble);
                stderr.flush();
                return NOT_VALID;
            }
            return OK;
        }
    }

    private static int unusable(PrintWriter stderr, String why) {
        stderr.println("latency: " + why);
        stderr.flush();
        return UNUSABLE;
    }

    /**
     * {@code --core-gc idle}: in a thread's slack, a full collection of every core instance not in use,
     * when the slack is at least what a collection is expected to take (so that it seldom delays the
     * next call). The expectation starts as the fastest of a second of collections before the run (the
     * first ones run cold, several times slower) and follows each collection as a running mean (1/8).
     */
    private static final class IdleCollector implements FixedRateGenerator.IdleWork {
        private static final long CALIBRATION_NANOS = 1_000_000_000L;

        private final CoreGarbageCollection wasm;
        private volatile long expectedNanos = Long.MAX_VALUE;

        IdleCollector(CoreGarbageCollection wasm) {
            this.wasm = wasm;
            for (long end = System.nanoTime() + CALIBRATION_NANOS; System.nanoTime() < end; ) {
                expectedNanos = Math.min(expectedNanos, timeOneCollection());
            }
        }

        private long timeOneCollection() {
            long start = System.nanoTime();
            wasm.collectCoreGarbage();
            return System.nanoTime() - start;
        }

        @Override
        public void run(long slackNanos) {
            if (slackNanos >= expectedNanos) {
                long took = timeOneCollection();
                expectedNanos += (took - expectedNanos) / 8;
            }
        }
    }

    /** Why the measured calls cannot be trusted, or {@code null}. */
    private static String trouble(FixedRateGenerator.Result result, Lookup lookup, ConfigSwapper swapper) {
        if (swapper != null && swapper.failed() > 0) {
            return swapper.failed() + " config updates failed (first: " + swapper.firstError() + ")";
        }
        if (result.failed() > 0) {
            RuntimeException e = result.firstError();
            return result.failed() + " of " + result.completed() + " calls failed ("
                    + (e != null ? "first: " + e : "answered null instead of the served variable") + ")";
        }
        if (lookup == null) {
            return null;
        }
        try {
            lookup.checkHealthy();
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    /** {@code latency-ENGINE[-coreV][-CODEC-CONCURRENCY]-RATEops-Nt-COLLECTOR[-coregc-P][-swapNms]}. */
    private static String defaultName(LatencySettings s, String collector) {
        StringBuilder b = new StringBuilder("latency-").append(s.engine());
        if (!s.noop() && !CoreChoice.NEWEST.equals(s.core())) {
            b.append("-core").append(s.core());
        }
        if (!s.noop() && !Engines.get(s.engine()).codecs().isEmpty()) {
            b.append('-').append(s.codec()).append('-').append(s.concurrency());
            if ("pool".equals(s.concurrency())) {
                b.append(Lookup.resolvePoolSize(s.poolSize()));
            }
        }
        double r = s.rate();
        b.append('-').append(r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r)).append("ops-")
                .append(s.threads()).append("t-").append(collector.replaceAll("[^A-Za-z0-9]+", ""));
        if (s.coreGc().kind() != CoreGc.Kind.NEVER) {
            b.append("-coregc-").append(s.coreGc().toString().replace(":", ""));
        }
        if (s.swapConfigEvery() != null) {
            b.append("-swap").append(s.swapConfigEvery().toMillis()).append("ms");
        }
        return b.toString();
    }
}

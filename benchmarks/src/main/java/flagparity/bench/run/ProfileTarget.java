package flagparity.bench.run;

import flagparity.bench.jmh.Lookup;
import flagparity.bench.jmh.LookupCase;
import flagparity.bench.jmh.CoreChoice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;

/**
 * The JVM the core profile is taken in (a child of {@code report}, so the profile sees nothing of the
 * report's own work): one thread, named {@value CoreProfile#THREAD}, repeats the headline lookup; JFR
 * records its execution samples after a warm-up.
 *
 * <p>Arguments: {@code ENGINE CODEC CORE_VERSION WARMUP_SECONDS DURATION_SECONDS PERIOD_MS OUT.jfr}. Run it with
 * {@code -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints} so samples land on the right
 * (inlined) frame.
 */
public final class ProfileTarget {
    private ProfileTarget() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: ProfileTarget ENGINE CODEC CORE_VERSION WARMUP_SECONDS DURATION_SECONDS PERIOD_MS OUT.jfr");
            System.exit(2);
        }
        String engine = args[0];
        String codec = args[1];
        CoreChoice core = CoreChoice.parse(args[2]);
        long warmupNanos = TimeUnit.MILLISECONDS.toNanos((long) (Double.parseDouble(args[3]) * 1000));
        long durationNanos = TimeUnit.MILLISECONDS.toNanos((long) (Double.parseDouble(args[4]) * 1000));
        Duration period = Duration.ofMillis(Long.parseLong(args[5]));
        Path out = Path.of(args[6]);
        Throwable[] failure = new Throwable[1];
        long[] calls = new long[1];
        Thread worker = new Thread(() -> {
            try (Lookup lookup = Lookup.open(engine, codec, "mutex", 0, LookupCase.byId("headline"), core)) {
                loop(lookup, warmupNanos);
                try (Recording recording = new Recording()) {
                    recording.enable("jdk.ExecutionSample").withPeriod(period).withStackTrace();
                    recording.start();
                    calls[0] = loop(lookup, durationNanos);
                    recording.stop();
                    recording.dump(out);
                }
                lookup.checkHealthy();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, CoreProfile.THREAD);
        worker.start();
        worker.join();
        if (failure[0] != null) {
            System.err.println("profile: " + failure[0]);
            System.exit(1);
        }
        System.out.println("profiled " + calls[0] + " lookups of " + engine + " " + codec + " on core " + args[2] + " into " + out);
    }

    private static long loop(Lookup lookup, long nanos) {
        long end = System.nanoTime() + nanos;
        long calls = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 64; i++) {
                if (lookup.call() == null) {
                    throw new IllegalStateException("the lookup stopped answering after " + calls + " calls");
                }
            }
            calls += 64;
        }
        return calls;
    }
}

package flagparity.bench.run;

import flagparity.bench.load.LatencyHarness;
import flagparity.bench.load.LatencySummary;
import flagparity.reference.api.Engines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs of the {@code latency} command, each in its own JVM (so each can have its own collector):
 * {@code java FLAGS ... flagparity.bench.cli.Main latency ...}, writing into {@code latency/}.
 */
record LatencyStep(String name, String title, List<Spec> runs, Duration warmup, Duration duration, String core)
        implements Step {

    /** Seconds a latency JVM takes beyond warm-up and measurement (start, engine setup, writing out). */
    static final double JVM_SECONDS = 2;

    /**
     * One latency run.
     *
     * @param engine a registry engine, or {@link LatencyHarness#NOOP} for the harness's own floor
     * @param codec the engine's codec, or {@code null} for an engine without codecs
     * @param jvmFlags besides the heap ({@code -Xms1g -Xmx1g}, as in the JMH forks), e.g. {@code -XX:+UseZGC}
     * @param coreGc the command's {@code --core-gc}: when a Wasm core runs a full collection of its heap
     * @param swapConfigEvery the command's {@code --swap-config-every}, or {@code null} for no update
     */
    record Spec(String engine, String codec, String concurrency, double rate, int threads, List<String> jvmFlags,
            String coreGc, Duration swapConfigEvery) {
        Spec {
            jvmFlags = List.copyOf(jvmFlags);
        }

        /** One instance behind a mutex, never a full collection of the core's heap, no config update. */
        Spec(String engine, String codec, double rate, int threads) {
            this(engine, codec, codec == null ? null : "mutex", rate, threads, List.of(), "never", null);
        }

        /** A call that does nothing, at the same rate: the floor row of every latency table. */
        static Spec floor(double rate, int threads) {
            return new Spec(LatencyHarness.NOOP, null, rate, threads);
        }

        Spec withCoreGc(String policy) {
            return new Spec(engine, codec, concurrency, rate, threads, jvmFlags, policy, swapConfigEvery);
        }

        Spec withConfigSwaps(Duration every) {
            return new Spec(engine, codec, concurrency, rate, threads, jvmFlags, coreGc, every);
        }

        Spec withConcurrency(String c) {
            return new Spec(engine, codec, c, rate, threads, jvmFlags, coreGc, swapConfigEvery);
        }

        Spec withJvmFlag(String flag) {
            List<String> f = new ArrayList<>(jvmFlags);
            f.add(flag);
            return new Spec(engine, codec, concurrency, rate, threads, f, coreGc, swapConfigEvery);
        }

        /** The file prefix: engine, codec, concurrency, rate, threads, collector flag, core GC, config updates. */
        String fileName() {
            StringBuilder b = new StringBuilder(engine);
            if (codec != null) {
                b.append('-').append(codec).append('-').append(concurrency);
            }
            b.append('-').append(String.format(Locale.ROOT, "%.0f", rate)).append("ops-").append(threads).append('t');
            jvmFlags.forEach(f -> b.append('-').append(f.replaceAll("^-XX:\\+Use|^-XX:[+-]?|[^A-Za-z0-9]", "")));
            if (!"never".equals(coreGc)) {
                b.append("-coregc-").append(coreGc.replaceAll("[^A-Za-z0-9]", ""));
            }
            if (swapConfigEvery != null) {
                b.append("-swap").append(swapConfigEvery.toMillis()).append("ms");
            }
            return b.toString();
        }

        List<String> args(Duration warmup, Duration duration, String core, Path out) {
            List<String> a = new ArrayList<>(List.of("latency"));
            a.addAll(LatencyHarness.NOOP.equals(engine) ? List.of("--noop") : List.of("--engine", engine));
            if (codec != null) {
                a.addAll(List.of("--codec", codec, "--concurrency", concurrency));
            }
            a.addAll(List.of("--rate", String.format(Locale.ROOT, "%.0f", rate), "--threads", Integer.toString(threads),
                    "--warmup", JmhTiming.jmhTime(warmup), "--duration", JmhTiming.jmhTime(duration)));
            if (!"never".equals(coreGc)) {
                a.addAll(List.of("--core-gc", coreGc));
            }
            if (swapConfigEvery != null) {
                a.addAll(List.of("--swap-config-every", JmhTiming.jmhTime(swapConfigEvery)));
            }
            if (core != null && !LatencyHarness.NOOP.equals(engine) && Engines.get(engine).coreVersions().stream()
                    .anyMatch(v -> v.id().equals(core))) { // the peer runs its own core
                a.addAll(List.of("--core", core));
            }
            a.addAll(List.of("--out", out.toString().replace('\\', '/'), "--name", fileName()));
            return List.copyOf(a);
        }

        List<String> flags() {
            List<String> f = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
            f.addAll(jvmFlags);
            return f;
        }
    }

    LatencyStep {
        runs = List.copyOf(runs);
    }

    @Override
    public String kind() {
        return "latency";
    }

    @Override
    public int units() {
        return runs.size();
    }

    @Override
    public Duration estimate() {
        return Duration.ofMillis(Math.round(runs.size() * (JVM_SECONDS * 1000 + warmup.toMillis() + duration.toMillis())));
    }

    @Override
    public List<String> commands(Path runDir) {
        return runs.stream().map(s -> command(s, runDir)).collect(java.util.stream.Collectors.toList());
    }

    private String command(Spec s, Path runDir) {
        return "java " + String.join(" ", s.flags()) + " " + JmhStep.JAR_RUN + " "
                + String.join(" ", s.args(warmup, duration, core, runDir.resolve(Runs.LATENCY)));
    }

    @Override
    public List<Manifest.Part> run(Context ctx) throws IOException, InterruptedException {
        Path dir = ctx.runDir().resolve(Runs.LATENCY);
        Files.createDirectories(dir);
        List<Manifest.Part> parts = new ArrayList<>();
        for (Spec s : runs) {
            ctx.progress().unitStarted("latency " + s.fileName());
            Path log = dir.resolve(s.fileName() + ".log");
            int exit = ctx.runJvm(s.flags(), "flagparity.bench.cli.Main", s.args(warmup, duration, core, dir), log);
            Step.withoutMachinePaths(dir.resolve(s.fileName() + LatencySummary.SUMMARY));
            String status = exit == 0 ? "ok"
                    : exit == 1 ? "not valid (the files say why): " + Step.lastLine(log)
                    : "failed (exit " + exit + "): " + Step.lastLine(log);
            if (exit != 0) {
                ctx.progress().note(status);
            }
            parts.add(new Manifest.Part(command(s, ctx.runDir()), Runs.LATENCY + "/" + s.fileName()
                    + LatencySummary.SUMMARY, status));
        }
        return parts;
    }
}

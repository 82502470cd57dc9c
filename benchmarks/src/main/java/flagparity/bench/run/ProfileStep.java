package flagparity.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import flagparity.reference.api.CoreVersion;

/**
 * The core profile: a child JVM repeats the headline lookup on a compiled Chicory engine under JFR
 * ({@link ProfileTarget}); the samples are then summed by core function ({@link CoreProfile}) into
 * {@code profile/ENGINE-CODEC.json}. The recording stays next to it ({@code .jfr}).
 */
record ProfileStep(String name, String title, String engine, String codec, CoreVersion core, Duration warmup,
        Duration duration, int periodMillis) implements Step {

    static final List<String> FLAGS =
            List.of("-Xms1g", "-Xmx1g", "-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints");

    @Override
    public String kind() {
        return "profile";
    }

    @Override
    public int units() {
        return 1;
    }

    @Override
    public Duration estimate() {
        return Duration.ofMillis(Math.round(LatencyStep.JVM_SECONDS * 1000) + warmup.toMillis() + duration.toMillis());
    }

    private String base() {
        return engine + "-" + codec;
    }

    private List<String> args(Path dir) {
        return List.of(engine, codec, core.id(), Double.toString(warmup.toMillis() / 1e3), Double.toString(duration.toMillis() / 1e3),
                Integer.toString(periodMillis), dir.resolve(base() + ".jfr").toString().replace('\\', '/'));
    }

    @Override
    public List<String> commands(Path runDir) {
        return List.of(command(runDir));
    }

    private String command(Path runDir) {
        return "java " + String.join(" ", FLAGS) + " -cp benchmarks/target/flagparity.jar "
                + ProfileTarget.class.getName() + " " + String.join(" ", args(runDir.resolve(Runs.PROFILE)));
    }

    @Override
    public List<Manifest.Part> run(Context ctx) throws IOException, InterruptedException {
        Path dir = ctx.runDir().resolve(Runs.PROFILE);
        Files.createDirectories(dir);
        ctx.progress().unitStarted("JFR profile of " + engine + " " + codec);
        Path log = dir.resolve(base() + ".log");
        int exit = ctx.runJvm(FLAGS, ProfileTarget.class.getName(), args(dir), log);
        String file = Runs.PROFILE + "/" + base() + ".json";
        String status = "ok";
        if (exit != 0) {
            status = "failed (exit " + exit + "): " + Step.lastLine(log);
        } else {
            try {
                CoreProfile.summarize(dir.resolve(base() + ".jfr"), CoreNames.forBuiltInCore(core, ctx.coreNames()),
                        engine, codec, core.id(), command(ctx.runDir())).write(ctx.runDir().resolve(file));
                Step.withoutMachinePaths(ctx.runDir().resolve(file));
            } catch (IllegalArgumentException e) {
                status = "failed: " + e.getMessage();
            }
        }
        if (!"ok".equals(status)) {
            ctx.progress().note(status);
        }
        return List.of(new Manifest.Part(command(ctx.runDir()), file, status));
    }
}

package flagparity.bench.run;

import flagparity.reference.api.CoreVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the {@code report} command measures: plan or run a matrix into a new run folder
 * ({@code results/runs/<timestamp>-<matrix>/}), laid out as the constants here say: JMH JSON in {@value #JMH}/,
 * latency summaries and distributions in {@value #LATENCY}/, the core profile in {@value #PROFILE}/, the machine in
 * {@value #ENV}, and what each step did in {@value Manifest#FILE} ({@link Manifest}).
 */
public final class Runs {
    /** The matrices, as {@code --quick}, {@code --full} and {@code --smoke} name them. */
    public static final String QUICK = Matrix.QUICK;
    public static final String FULL = Matrix.FULL;
    public static final String SMOKE = Matrix.SMOKE;
    public static final String JMH = "jmh";
    public static final String LATENCY = "latency";
    public static final String PROFILE = "profile";
    public static final String ENV = "env.txt";
    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Runs() {}

    /** Prints the matrix's steps, estimates and commands (as they would write under {@code results}). */
    public static void plan(String matrix, CoreVersion only, Path results, PrintWriter out) {
        List<Step> steps = Matrix.steps(matrix, only);
        Path runDir = results.resolve("runs").resolve("RUN");
        out.println("Matrix " + matrix + ": " + Matrix.timing(matrix).describe());
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            out.printf(Locale.ROOT, "%n[%d/%d] %s %s: %s, %s%n", i + 1, steps.size(), s.kind(), s.name(), s.title(),
                    s.extent());
            s.commands(runDir).forEach(c -> out.println("    " + c));
        }
        out.println("\nEstimated total: " + Progress.duration(new Progress(out, steps, System::nanoTime)
                .totalEstimateSeconds()) + " on an idle machine.");
        out.flush();
    }

    /**
     * Measures the matrix into a new run folder under {@code results/runs}, the progress on {@code err}; returns the folder.
     *
     * @param args the command's arguments, as the run's env.txt and page quote them
     * @param coreNames a {@code .wat} naming the core's functions in the profile, or {@code null}
     */
    public static Path measure(String matrix, CoreVersion only, Path results, List<String> args, Path coreNames,
            PrintWriter err) throws IOException, InterruptedException {
        List<Step> steps = Matrix.steps(matrix, only);
        Instant started = Instant.now();
        String id = RUN_ID.format(started) + "-" + matrix;
        Path runDir = results.resolve("runs").resolve(id);
        Files.createDirectories(runDir);
        String command = JmhStep.JAR + " report " + String.join(" ", args.stream()
                .map(a -> a.startsWith("-") || !Files.exists(Path.of(a)) ? a : shown(Path.of(a))).toList());
        String timing = Matrix.timing(matrix).describe();
        Files.writeString(runDir.resolve(ENV), Step.withoutMachinePaths(Environment.describe(command, timing)),
                StandardCharsets.UTF_8);
        Manifest manifest = new Manifest(id, matrix, command, started.toString(), null, timing, List.of());
        manifest.write(runDir);
        Progress progress = new Progress(err, steps, System::nanoTime);
        err.printf(Locale.ROOT, "report: %s matrix, %d steps, estimated %s on an idle machine; writing %s%n", matrix,
                steps.size(), Progress.duration(progress.totalEstimateSeconds()), runDir);
        Step.Context ctx = new Step.Context(runDir, progress,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"), coreNames);
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            Double before = Progress.loadAverage();
            progress.stepStarted(i);
            List<Manifest.Part> parts = s.run(ctx);
            double elapsed = progress.stepFinished();
            manifest = manifest.withStep(new Manifest.StepRecord(s.name(), s.kind(), s.title(),
                    s.estimate().toMillis() / 1e3, elapsed, before, Progress.loadAverage(), parts), Instant.now().toString());
            manifest.write(runDir);
        }
        err.printf(Locale.ROOT, "report: measured in %s; run folder %s%n", Progress.duration(progress.elapsedSeconds()),
                runDir);
        err.flush();
        return runDir;
    }

    /** The newest run folder under {@code results/runs} (folder names sort by time), or {@code null}. */
    public static Path newest(Path results) throws IOException {
        Path runsDir = results.resolve("runs");
        if (!Files.isDirectory(runsDir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(runsDir)) {
            return s.filter(Files::isDirectory).max(Path::compareTo).orElse(null);
        }
    }

    /** {@code path} relative to the working directory (the project's root) when it lies under it. */
    public static Path relative(Path path) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : path;
    }

    /** How a page shows a path: relative to the project's root, or else as a placeholder with the file's name. */
    public static String shown(Path path) {
        Path p = relative(path);
        return (p.isAbsolute() ? "PATH/" + p.getFileName() : p.toString()).replace('\\', '/');
    }
}

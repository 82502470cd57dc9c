package flagparity.bench.report;

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

/**
 * What the {@code report} command does: plan or measure a matrix into a new run folder
 * ({@code results/runs/<timestamp>-<matrix>/}: JMH JSON, .hgrm files, latency summaries, the core profile,
 * env.txt, steps.json), write {@code REPORT.md} and its charts from a run, compare two runs.
 */
public final class Reports {
    /** The matrices, as {@code --quick}, {@code --full} and {@code --smoke} name them. */
    public static final String QUICK = Matrix.QUICK;
    public static final String FULL = Matrix.FULL;
    public static final String SMOKE = Matrix.SMOKE;
    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Reports() {}

    /** Prints the matrix's steps, estimates and commands (as they would write under {@code results}). */
    public static void plan(String matrix, CoreVersion only, Path results, PrintWriter out) {
        List<Step> steps = Matrix.steps(matrix, only);
        Path runDir = results.resolve("runs").resolve("RUN");
        out.println("Matrix " + matrix + ": " + Matrix.timing(matrix).describe());
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            out.printf(Locale.ROOT, "%n[%d/%d] %s %s: %s, %d %s, est. %s%n", i + 1, steps.size(), s.kind(), s.name(),
                    s.title(), s.units(), "jmh".equals(s.kind()) ? "rows" : "runs",
                    Progress.duration(s.estimate().toMillis() / 1e3));
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
        Files.writeString(runDir.resolve(Run.ENV), Step.withoutMachinePaths(Environment.describe(command, timing)),
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

    /** The newest run folder under {@code results/runs}, or {@code null}. */
    public static Path newestRun(Path results) throws IOException {
        return Run.newest(results.resolve("runs"));
    }

    /**
     * Writes {@code results/REPORT.md} (charts into the run's folder) and prints where the page is and its key
     * numbers; with {@code updateDecisions}, refills the marked tables of {@code results/DECISIONS.md}.
     */
    public static void write(Path runDir, Path results, boolean updateDecisions, PrintWriter out) throws IOException {
        Run run = Run.load(runDir);
        Files.createDirectories(results);
        ReportWriter writer = new ReportWriter(run, results);
        Path report = results.resolve("REPORT.md");
        Files.writeString(report, writer.write(), StandardCharsets.UTF_8);
        out.println("report: the page is " + shown(report) + " (charts in " + shown(run.dir().resolve(Run.CHARTS))
                + ")");
        writer.keyNumbers().forEach(n -> out.println("report: " + n));
        if (updateDecisions) {
            Path decisions = results.resolve("DECISIONS.md");
            String text = Files.readString(decisions, StandardCharsets.UTF_8);
            Files.writeString(decisions, Decisions.fill(text, writer.tables()), StandardCharsets.UTF_8);
            out.println("report: refilled the tables of " + decisions);
        }
        out.flush();
    }

    /** Compares run {@code runDir} with the older {@code oldDir}, the table on {@code out}; true when a row regressed. */
    public static boolean regressed(Path runDir, Path oldDir, PrintWriter out, PrintWriter err) throws IOException {
        Run run = Run.load(runDir);
        Run old = Run.load(oldDir);
        List<Comparison.Line> lines = Comparison.compare(old.rows(), run.rows());
        out.println("Run " + run.dir() + " against " + old.dir() + ": a regression is throughput down more than "
                + Comparison.THROUGHPUT_DROP_PERCENT + "% or allocation up more than " + Comparison.ALLOC_RISE_PERCENT
                + "%, by more than the two JMH errors together.\n");
        out.print(Comparison.table(lines));
        out.flush();
        long regressions = Comparison.regressions(lines);
        if (regressions > 0) {
            err.println("report: " + regressions + " row(s) regressed against " + old.dir());
        }
        return regressions > 0;
    }

    /** {@code path} relative to the working directory (the project's root) when it lies under it. */
    public static Path relative(Path path) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : path;
    }

    /** How a page shows a path: relative to the project's root, or else as a placeholder with the file's name. */
    static String shown(Path path) {
        Path p = relative(path);
        return (p.isAbsolute() ? "PATH/" + p.getFileName() : p.toString()).replace('\\', '/');
    }
}

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
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code report}: runs the agreed benchmark matrix into a new run folder
 * ({@code results/runs/<timestamp>-<matrix>/}: JMH JSON, .hgrm files, latency summaries, the core
 * profile, env.txt, steps.json) and rebuilds {@code results/REPORT.md} and its charts from it; or
 * rebuilds them from a saved run ({@code --from}; with no option at all, the newest run); and with
 * {@code --compare OLD_RUN} flags the rows that regressed against an older run.
 *
 * <p>Exit status: 0 done; 1 a regression was found ({@code --compare}) or the report could not be
 * written; 2 bad options.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the benchmark matrix and write results/ (REPORT.md with charts), or rebuild the report "
                + "from a saved run (by default the newest), or compare two runs.",
            "Run it from the project's root: the report's commands assume benchmarks/target/flagparity.jar."})
public final class ReportCommand implements Callable<Integer> {
    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    @ArgGroup(exclusive = true)
    private Source source;

    /** What the report is built from: a new run of a matrix, or a saved run. */
    static final class Source {
        @Option(names = "--quick", required = true,
                description = "Measure the quick matrix (about 25 minutes on two cores).")
        boolean quick;

        @Option(names = "--full", required = true,
                description = "Measure the whole matrix with the benchmarks' own settings (hours).")
        boolean full;

        @Option(names = "--smoke", required = true,
                description = "Run the quick matrix with the shortest settings: checks the pipeline; the numbers mean nothing.")
        boolean smoke;

        @Option(names = "--from", required = true, paramLabel = "RUN_DIR",
                description = "Rebuild the report from this saved run folder, measuring nothing.")
        Path from;
    }

    @Option(names = "--compare", paramLabel = "OLD_RUN",
            description = "Compare the run (the new one, --from's, or else the newest under --results) with this "
                    + "older run folder; exit 1 when a row's throughput fell more than 15%% or its allocation rose "
                    + "more than 25%%, beyond the JMH errors.")
    private Path compare;

    @Option(names = "--results", defaultValue = "results", paramLabel = "DIR",
            description = "The results folder: runs/ and REPORT.md (default: ${DEFAULT-VALUE}).")
    private Path results;

    @Option(names = "--core-names", paramLabel = "FILE.wat",
            description = "A .wat of the core (npm @devcycle/bucketing-assembly-script: build/bucketing-lib.release.wat) "
                    + "to name every core function in the profile; without it only exports are named.")
    private Path coreNames;

    @Option(names = "--update-decisions",
            description = "Also refill the marked tables of DECISIONS.md in the results folder from this run.")
    private boolean updateDecisions;

    @Option(names = "--core", paramLabel = "VERSION",
            description = "Measure one core version: the headline spread over every case on it (the SDK peer on its "
                    + "own core), and every step that takes a core on it. Default: the headline on every version "
                    + "(the newest over every case, older ones on a few cases), the other steps on the newest.")
    private String core;

    @Option(names = "--dry-run", description = "Print the matrix's steps, estimates and commands, and stop.")
    private boolean dryRun;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        results = relative(results);
        CoreVersion only;
        try {
            only = core == null ? null : CoreVersion.parse(core);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--core: " + e.getMessage());
        }
        String matrix = source == null ? null : source.quick ? Matrix.QUICK : source.full ? Matrix.FULL
                : source.smoke ? Matrix.SMOKE : null;
        if (dryRun) {
            if (matrix == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--dry-run needs --quick, --full or --smoke");
            }
            plan(matrix, only, out);
            return 0;
        }
        if (coreNames != null && !Files.isRegularFile(coreNames)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--core-names: no file " + coreNames);
        }
        Path runDir;
        if (matrix != null) {
            runDir = measure(matrix, only, err);
        } else if (source != null) {
            runDir = source.from;
        } else {
            runDir = Run.newest(results.resolve("runs"));
            if (runDir == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no runs under " + results.resolve("runs")
                        + ": measure one with --quick or --full, or name one with --from");
            }
        }
        Run run = Run.load(runDir);
        if (compare == null || source != null) {
            write(run, out);
        }
        if (compare != null) {
            Run old = Run.load(compare);
            List<Comparison.Line> lines = Comparison.compare(old.rows(), run.rows());
            out.println("Run " + run.dir() + " against " + old.dir() + ": a regression is throughput down more than "
                    + Comparison.THROUGHPUT_DROP_PERCENT + "% or allocation up more than " + Comparison.ALLOC_RISE_PERCENT
                    + "%, by more than the two JMH errors together.\n");
            out.print(Comparison.table(lines));
            out.flush();
            if (Comparison.anyRegression(lines)) {
                err.println("report: " + lines.stream().filter(l -> l.verdict() == Comparison.Verdict.REGRESSION).count()
                        + " row(s) regressed against " + old.dir());
                return 1;
            }
        }
        return 0;
    }

    private void plan(String matrix, CoreVersion only, PrintWriter out) {
        List<Step> steps = Matrix.steps(matrix, only);
        Path runDir = results.resolve("runs").resolve("RUN");
        double total = 0;
        out.println("Matrix " + matrix + ": " + Matrix.timing(matrix).describe());
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            total += s.estimate().toMillis() / 1e3;
            out.printf(Locale.ROOT, "%n[%d/%d] %s %s: %s, %d %s, est. %s%n", i + 1, steps.size(), s.kind(), s.name(),
                    s.title(), s.units(), "jmh".equals(s.kind()) ? "rows" : "runs",
                    Progress.duration(s.estimate().toMillis() / 1e3));
            s.commands(runDir).forEach(c -> out.println("    " + c));
        }
        out.println("\nEstimated total: " + Progress.duration(total) + " on an idle machine.");
        out.flush();
    }

    private Path measure(String matrix, CoreVersion only, PrintWriter err) throws IOException, InterruptedException {
        List<Step> steps = Matrix.steps(matrix, only);
        Instant started = Instant.now();
        String id = RUN_ID.format(started) + "-" + matrix;
        Path runDir = results.resolve("runs").resolve(id);
        Files.createDirectories(runDir);
        List<String> args = new java.util.ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && spec.name().equals(args.get(0))) {
            args.remove(0); // run through the tool's main command, the list starts with this subcommand's name
        }
        String command = JmhStep.JAR + " report " + args.stream()
                .map(a -> a.startsWith("-") || !Files.exists(Path.of(a)) ? a : shown(Path.of(a)))
                .collect(java.util.stream.Collectors.joining(" "));
        String timing = Matrix.timing(matrix).describe();
        Files.writeString(runDir.resolve(Run.ENV), Environment.describe(command, timing), StandardCharsets.UTF_8);
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

    private void write(Run run, PrintWriter out) throws IOException {
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

    /** {@code path} relative to the working directory (the project's root) when it lies under it. */
    static Path relative(Path path) {
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

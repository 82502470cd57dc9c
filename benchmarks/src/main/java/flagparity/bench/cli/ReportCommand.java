package flagparity.bench.cli;

import flagparity.bench.report.Reports;
import flagparity.bench.run.Runs;
import flagparity.reference.api.CoreVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code report}: runs the agreed benchmark matrix into a new run folder and rebuilds {@code results/REPORT.md}
 * and its charts from it; or rebuilds them from a saved run ({@code --from}; with no option at all, the newest
 * run); and with {@code --compare OLD_RUN} flags the rows that regressed against an older run ({@link Runs} measures, {@link Reports} renders).
 *
 * <p>Exit status: 0 done; 1 a regression was found ({@code --compare}) or the report could not be
 * written; 2 bad options.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the benchmark matrix and write results/ (REPORT.md with charts), or rebuild the report "
                + "from a saved run (by default the newest), or compare two runs.",
            "Run it from the project's root: the report's commands assume benchmarks/target/flagparity.jar."})
public final class ReportCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true)
    private Source source;

    /** What the report is built from: a new run of a matrix, or a saved run. */
    static final class Source {
        @Option(names = "--quick", required = true,
                description = "Measure the quick matrix (about 28 minutes on two cores).")
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
        results = Runs.relative(results);
        CoreVersion only;
        try {
            only = core == null ? null : CoreVersion.parse(core);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--core: " + e.getMessage());
        }
        String matrix = source == null ? null : source.quick ? Runs.QUICK : source.full ? Runs.FULL
                : source.smoke ? Runs.SMOKE : null;
        if (dryRun) {
            if (matrix == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--dry-run needs --quick, --full or --smoke");
            }
            Runs.plan(matrix, only, results, out);
            return 0;
        }
        if (coreNames != null && !Files.isRegularFile(coreNames)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--core-names: no file " + coreNames);
        }
        Path runDir;
        if (matrix != null) {
            List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
            if (!args.isEmpty() && spec.name().equals(args.get(0))) {
                args.remove(0); // run through the tool's main command, the list starts with this subcommand's name
            }
            runDir = Runs.measure(matrix, only, results, args, coreNames, err);
        } else if (source != null) {
            runDir = source.from;
        } else {
            runDir = Runs.newest(results);
            if (runDir == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no runs under " + results.resolve("runs")
                        + ": measure one with --quick or --full, or name one with --from");
            }
        }
        if (compare == null || source != null) {
            Reports.write(runDir, results, updateDecisions, out);
        }
        return compare != null && Reports.regressed(runDir, compare, out, err) ? 1 : 0;
    }
}

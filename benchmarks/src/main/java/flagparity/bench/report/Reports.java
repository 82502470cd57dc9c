package flagparity.bench.report;

import flagparity.bench.run.Runs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the {@code report} command renders from a finished run folder ({@link Run}): {@code REPORT.md} and its
 * charts, the marked tables of {@code DECISIONS.md}, and the comparison of two runs.
 */
public final class Reports {
    private Reports() {}

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
        out.println("report: the page is " + Runs.shown(report) + " (charts in " + Runs.shown(run.dir().resolve(Run.CHARTS))
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
}

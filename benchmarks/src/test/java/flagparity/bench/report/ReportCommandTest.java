package flagparity.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import flagparity.bench.cli.ReportCommand;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new ReportCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void fromASavedRunWritesTheReport() throws IOException {
        Path run = Fixtures.copyRun(dir);
        assertEquals(0, run("--from", run.toString(), "--results", dir.toString()), err.toString());
        String md = Files.readString(dir.resolve("REPORT.md"), StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# flagparity: benchmark report"));
        assertTrue(Files.exists(run.resolve("charts/lookup.png")));
    }

    @Test
    void compareExitsOneOnARegressionOnly() throws IOException {
        // the same real rows twice: once as run, once a run where every lookup took half the time
        Path now = scaled("now", 1);
        Path old = scaled("old", 0.5);
        assertEquals(1, run("--from", now.toString(), "--results", dir.toString(), "--compare", old.toString()));
        assertTrue(out.toString().contains("REGRESSION"), out.toString());
        assertEquals(0, run("--from", now.toString(), "--results", dir.toString(), "--compare", now.toString()));
        assertEquals(0, run("--from", old.toString(), "--results", dir.toString(), "--compare", now.toString()),
                "faster is not a regression");
    }

    /** A run folder holding the fixture's rows with every score and iteration times {@code factor}, an error of 1%. */
    private Path scaled(String name, double factor) throws IOException {
        Path run = dir.resolve(name);
        Files.createDirectories(run.resolve("jmh"));
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode rows = (ArrayNode) mapper.readTree(Fixtures.resource("compare/variable.json").toFile());
        for (var r : rows) {
            ObjectNode m = (ObjectNode) r.get("primaryMetric");
            double score = m.get("score").asDouble() * factor;
            m.put("score", score);
            m.put("scoreError", score / 100);
            for (var fork : m.get("rawData")) {
                for (int i = 0; i < fork.size(); i++) {
                    ((ArrayNode) fork).set(i, fork.get(i).asDouble() * factor);
                }
            }
        }
        mapper.writeValue(run.resolve("jmh/variable.json").toFile(), rows);
        return run;
    }

    @Test
    void compareAloneTakesTheNewestRun() throws IOException {
        Fixtures.copyRun(dir);
        assertEquals(0, run("--results", dir.toString(), "--compare", dir.resolve("runs").resolve(Fixtures.RUN_ID).toString()));
        assertTrue(out.toString().contains("SAME"), out.toString());
    }

    @Test
    void withoutOptionsTheNewestRunIsReported() throws IOException {
        assertEquals(2, run("--results", dir.toString()), "no runs yet");
        Fixtures.copyRun(dir);
        assertEquals(0, run("--results", dir.toString()), err.toString());
        assertTrue(Files.readString(dir.resolve("REPORT.md")).contains("runs/" + Fixtures.RUN_ID + "/charts/"));
    }

    @Test
    void optionsAreChecked() {
        assertEquals(2, run("--quick", "--full"));
        assertEquals(2, run("--from", "x", "--dry-run"));
        assertEquals(2, run("--quick", "--core-names", dir.resolve("missing.wat").toString()));
    }

    @Test
    void dryRunPrintsThePlan() {
        assertEquals(0, run("--quick", "--dry-run"));
        assertTrue(out.toString().contains("[1/9] jmh headline"), out.toString());
        assertTrue(out.toString().contains("Estimated total"), out.toString());
    }

    @Test
    void decisionsTablesAreRefilledOnRequest() throws IOException {
        Path run = Fixtures.copyRun(dir);
        Files.writeString(dir.resolve("DECISIONS.md"), "Prose.\n<!-- table:cold-start -->\nold\n<!-- /table:cold-start -->\n");
        assertEquals(0, run("--from", run.toString(), "--results", dir.toString(), "--update-decisions"), err.toString());
        String d = Files.readString(dir.resolve("DECISIONS.md"), StandardCharsets.UTF_8);
        assertTrue(d.startsWith("Prose.\n<!-- table:cold-start -->\nBenchmark `ColdStartBenchmark.firstAnswer`"), d);
    }
}

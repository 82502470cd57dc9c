package flagparity.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flagparity.bench.cli.LatencyCommand;
import flagparity.bench.jmh.CoreChoice;
import flagparity.reference.api.CoreVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LatencyCommandTest {

    @Test
    void aShortRealRunAgainstTheReferenceWritesHistogramsAndASummary(@TempDir Path out) throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cl = new CommandLine(new LatencyCommand());
        cl.setOut(new PrintWriter(stdout));
        cl.setErr(new PrintWriter(stderr));

        int status = cl.execute("--engine", "reference", "--config", "small", "--rate", "200", "--threads", "2",
                "--warmup", "200ms", "--duration", "500ms", "--out", out.toString(), "--name", "run");

        assertEquals(0, status, stderr.toString());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run.summary.json").toFile());
        assertTrue(summary.get("valid").asBoolean());
        // 200 calls/s for 0.5 s plans exactly 100 calls in the window, whatever the machine does.
        assertEquals(100, summary.get("completed").asLong() + summary.get("notIssued").asLong());
        assertEquals(summary.get("completed").asLong(), summary.at("/response/count").asLong());
        assertTrue(summary.at("/response/p99").asDouble() >= summary.at("/service/p99").asDouble());
        assertTrue(summary.at("/gc/collector").asText().length() > 0);
        assertTrue(summary.at("/gc/measuredWindow").size() > 0);
        assertTrue(Files.readString(out.resolve("run.response.hgrm")).contains("Value     Percentile"));
        assertTrue(Files.exists(out.resolve("run.service.hgrm")));
        assertEquals(summary, new ObjectMapper().readTree(stdout.toString()));
        LatencySummary read = LatencySummary.read(out.resolve("run.summary.json"));
        read.write(out, "again", new LatencyRecorder());
        assertEquals(Files.readString(out.resolve("run.summary.json")), Files.readString(out.resolve("again.summary.json")),
                "the record reads back every field it writes");
    }

    /** {@code --core} picks the version the engine answers as; the summary names the one that ran. */
    @Test
    void coreChoosesTheVersionAndTheSummaryNamesIt(@TempDir Path out) throws Exception {
        for (String core : List.of(CoreVersion.V1_32_0.id(), CoreChoice.NEWEST)) {
            StringWriter stderr = new StringWriter();
            int status = quiet(stderr).execute("--engine", "chicory-aot", "--config", "small", "--rate", "200",
                    "--warmup", "100ms", "--duration", "200ms", "--core", core, "--out", out.toString(), "--name", "c");
            assertEquals(0, status, stderr.toString());
            JsonNode summary = new ObjectMapper().readTree(out.resolve("c.summary.json").toFile());
            assertEquals(core.equals(CoreChoice.NEWEST) ? CoreVersion.newest().id() : core,
                    summary.at("/setup/core").asText());
        }
        StringWriter stderr = new StringWriter();
        assertEquals(2, quiet(stderr).execute("--engine", "reference", "--config", "small", "--rate", "200",
                "--core", "0.0.1", "--out", out.toString()));
        assertTrue(stderr.toString().contains("0.0.1"), stderr.toString());
    }

    /** The command with its output dropped and its errors into {@code stderr}. */
    private static CommandLine quiet(StringWriter stderr) {
        CommandLine cl = new CommandLine(new LatencyCommand());
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(stderr));
        return cl;
    }

    /** The core's full collections happen as asked, and the summary says which policy ran and how many. */
    @Test
    void coreGcEveryNAndIdleCollectTheCoresHeap(@TempDir Path out) throws Exception {
        for (String policy : List.of("every:5", "idle")) {
            StringWriter stderr = new StringWriter();
            CommandLine cl = quiet(stderr);

            int status = cl.execute("--engine", "chicory-aot", "--codec", "protobuf-preallocated", "--config", "small",
                    "--rate", "200", "--threads", "2", "--warmup", "200ms", "--duration", "500ms",
                    "--core-gc", policy, "--out", out.toString(), "--name", "gc");

            assertEquals(0, status, stderr.toString());
            JsonNode summary = new ObjectMapper().readTree(out.resolve("gc.summary.json").toFile());
            assertEquals(policy, summary.at("/setup/coreGc").asText());
            assertEquals(policy, summary.at("/gc/core/policy").asText());
            long completed = summary.get("completed").asLong();
            long collections = summary.at("/gc/core/fullCollections").asLong();
            if (policy.equals("every:5")) {
                // One in five lookups on the one instance. The window counts collections from its start, so
                // warm-up calls still running then (a cold start leaves a backlog) may add up to 40 / 5.
                assertTrue(collections >= completed / 5 - 1 && collections <= (completed + 40) / 5 + 1,
                        collections + " collections for " + completed + " calls");
            } else {
                // At most one per call (warm-up stragglers included); 200 calls/s leave ample slack.
                assertTrue(collections > 0 && collections <= completed + 40, collections + " of " + completed);
            }
        }
    }

    /** Config updates run beside the calls for the whole run, every answer stays served, the summary counts them. */
    @Test
    void configSwapsRunUnderLoadAndAreCounted(@TempDir Path out) throws Exception {
        StringWriter stderr = new StringWriter();
        CommandLine cl = quiet(stderr);

        int status = cl.execute("--engine", "chicory-aot", "--codec", "protobuf-preallocated", "--config", "small",
                "--rate", "200", "--threads", "2", "--warmup", "300ms", "--duration", "700ms",
                "--swap-config-every", "100ms", "--out", out.toString(), "--name", "swap");

        assertEquals(0, status, stderr.toString());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("swap.summary.json").toFile());
        assertTrue(summary.get("valid").asBoolean());
        assertEquals(100, summary.at("/configSwaps/everyMillis").asLong());
        assertEquals(0, summary.at("/configSwaps/failed").asLong());
        // a second of run at one update per 100 ms; the updates start before the warm-up and stop after the
        // last lookup, so a run that overruns its second under load fits one more; a Wasm update builds a
        // fresh instance, so fewer may fit
        long done = summary.at("/configSwaps/done").asLong();
        assertTrue(done >= 1 && done <= 11, done + " updates");
        assertTrue(summary.at("/configSwaps/maxMicros").asDouble() >= summary.at("/configSwaps/meanMicros").asDouble());
    }

    @Test
    void configSwapsAreRefusedForTheSdkPeer() {
        StringWriter stderr = new StringWriter();
        CommandLine cl = new CommandLine(new LatencyCommand());
        cl.setErr(new PrintWriter(stderr));

        assertEquals(2, cl.execute("--engine", "devcycle-sdk", "--rate", "10", "--warmup", "0s", "--duration", "100ms",
                "--swap-config-every", "1s"));
        assertTrue(stderr.toString().contains("devcycle-sdk does not swap configs in on setConfig"), stderr.toString());
    }

    @Test
    void coreGcIsRefusedWhereThereIsNoCoreToCollect() {
        for (String policy : List.of("every:5", "idle")) {
            StringWriter stderr = new StringWriter();
            CommandLine cl = new CommandLine(new LatencyCommand());
            cl.setErr(new PrintWriter(stderr));

            assertEquals(2, cl.execute("--engine", "reference", "--config", "small", "--rate", "10",
                    "--warmup", "0s", "--duration", "100ms", "--core-gc", policy));
            assertTrue(stderr.toString().contains("has no Wasm core"), stderr.toString());
        }
    }

    @Test
    void coreGcPoliciesParse() {
        assertEquals(CoreGc.NEVER, CoreGc.parse("never"));
        assertEquals(CoreGc.IDLE, CoreGc.parse(" IDLE "));
        CoreGc every = CoreGc.parse("every:100");
        assertEquals(CoreGc.Kind.EVERY, every.kind());
        assertEquals(100, every.every());
        assertEquals(every, CoreGc.parse(every.toString()));
        for (String bad : List.of("every:0", "every:-3", "every:", "every:x", "sometimes", "")) {
            assertThrows(IllegalArgumentException.class, () -> CoreGc.parse(bad), bad);
        }
        StringWriter stderr = new StringWriter();
        CommandLine cl = new CommandLine(new LatencyCommand());
        cl.setErr(new PrintWriter(stderr));
        assertEquals(2, cl.execute("--rate", "10", "--core-gc", "often"));
        assertTrue(stderr.toString().contains("is not never, every:N (N >= 1) or idle"), stderr.toString());
    }

    @Test
    void refusesAUserTheSdkPeerMishandlesBeforeStartingIt() {
        StringWriter stderr = new StringWriter();
        CommandLine cl = new CommandLine(new LatencyCommand());
        cl.setErr(new PrintWriter(stderr));

        int status = cl.execute("--engine", "devcycle-sdk", "--rate", "10", "--user",
                "{\"user_id\":\"a\",\"customData\":{\"x\":1},\"privateCustomData\":{\"y\":2}}");

        assertEquals(2, status);
        assertTrue(stderr.toString().startsWith("latency: devcycle-sdk cannot be measured"), stderr.toString());
        assertTrue(stderr.toString().contains("MEMORY_OUT_OF_BOUNDS"), stderr.toString());
    }

    @Test
    void refusesARateItCannotScheduleWithOneLine() {
        StringWriter stderr = new StringWriter();
        CommandLine cl = new CommandLine(new LatencyCommand());
        cl.setErr(new PrintWriter(stderr));

        assertEquals(2, cl.execute("--rate", "0"));
        assertTrue(stderr.toString().startsWith("latency: rate must be a positive number"), stderr.toString());
        assertEquals(1, stderr.toString().strip().lines().count(), stderr.toString());
    }

    @Test
    void percentilesAreInMicroseconds() {
        Histogram h = new Histogram(LatencyRecorder.LOWEST_NANOS, LatencyRecorder.HIGHEST_NANOS,
                LatencyRecorder.SIGNIFICANT_DIGITS);
        for (long v = 1; v <= 1000; v++) {
            h.recordValue(v * 1000);
        }
        LatencySummary.Percentiles p = LatencySummary.Percentiles.of(h);
        assertEquals(1000, p.count());
        assertEquals(500, p.p50(), 0.5);
        assertEquals(990, p.p99(), 1);
        assertEquals(999, p.p99_9(), 1);
        assertEquals(1000, p.p99_99(), 1);
        assertEquals(1000, p.max(), 1);
    }

    @Test
    void durationsReadAsMillisecondsSecondsMinutesOrIso() {
        LatencyCommand.DurationConverter c = new LatencyCommand.DurationConverter();
        assertEquals(Duration.ofMillis(500), c.convert("500ms"));
        assertEquals(Duration.ofMillis(1500), c.convert("1.5s"));
        assertEquals(Duration.ofMinutes(2), c.convert("2m"));
        assertEquals(Duration.ofSeconds(30), c.convert("PT30S"));
        assertThrows(CommandLine.TypeConversionException.class, () -> c.convert("soon"));
    }
}

package flagparity.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import flagparity.workloads.Workloads;
import flagparity.bench.jmh.CoreChoice;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.JsonCodec;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Runs the tool in-process, as {@code java -jar flagparity.jar ...} would, with captured streams. */
class MainTest {
    private static final String DEFAULT_REQUEST =
            "{\"user\":" + Workloads.DEFAULT_USER_JSON + ",\"key\":\"" + Workloads.DEFAULT_KEY + "\",\"type\":\"Boolean\"}";
    /** A schedule rollout from 2030-01-01T00:00:00Z, and a target for the Java platform only. */
    private static final String PINNED_CONFIG = "{\"project\":{\"_id\":\"p\",\"key\":\"p\",\"a0_organization\":\"o\","
            + "\"settings\":{}},\"environment\":{\"_id\":\"e\",\"key\":\"production\"},\"audiences\":{},"
            + "\"features\":["
            + feature("f1", "later", "{\"type\":\"all\"}",
                    ",\"rollout\":{\"type\":\"schedule\",\"startPercentage\":1,\"startDate\":\"2030-01-01T00:00:00.000Z\"}")
            + "," + feature("f2", "java",
                    "{\"type\":\"user\",\"subType\":\"platform\",\"comparator\":\"=\",\"values\":[\"Java\"]}", "")
            + "],\"variables\":[{\"_id\":\"v-later\",\"key\":\"later\",\"type\":\"Boolean\"},"
            + "{\"_id\":\"v-java\",\"key\":\"java\",\"type\":\"Boolean\"}]}";
    private static final long BEFORE_2030 = 1_893_455_999_000L;
    private static final long AFTER_2030 = 1_893_456_001_000L;

    private static String feature(String id, String key, String filter, String rollout) {
        return "{\"_id\":\"" + id + "\",\"key\":\"" + key + "\",\"type\":\"release\",\"variations\":[{\"_id\":\"" + id
                + "-on\",\"key\":\"on\",\"name\":\"On\",\"variables\":[{\"_var\":\"v-" + key + "\",\"value\":true}]}],"
                + "\"configuration\":{\"_id\":\"c-" + id + "\",\"targets\":[{\"_id\":\"t-" + id + "\",\"_audience\":"
                + "{\"filters\":{\"operator\":\"and\",\"filters\":[" + filter + "]}}" + rollout
                + ",\"distribution\":[{\"_variation\":\"" + id + "-on\",\"percentage\":1}]}]}}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference", "chicory-aot"})
    void evalAnswersEveryLineInOrderAndGoesOnAfterBadOnes(String engine) throws Exception {
        String input = String.join("\n",
                DEFAULT_REQUEST,
                "{\"user\":" + Workloads.DEFAULT_USER_JSON + ",\"key\":\"no-such-key\",\"type\":\"Boolean\"}",
                "{not json",
                "{\"user\":" + Workloads.DEFAULT_USER_JSON + ",\"type\":\"Boolean\"}",
                "{\"user\":" + Workloads.DEFAULT_USER_JSON + ",\"key\":\"k\",\"type\":\"Bool\"}",
                "{\"user\":{\"email\":\"no@id.com\"},\"key\":\"k\",\"type\":\"Boolean\"}",
                "",
                "[1,2]",
                "{\"user\":" + Workloads.userJson(8) + ",\"key\":\"" + Workloads.DEFAULT_KEY + "\",\"type\":\"String\"}",
                DEFAULT_REQUEST) + "\n";
        Run run = run(input, "eval", "--config", "large", "--engine", engine, "--codec", "protobuf");
        assertEquals(0, run.status, run.err);
        List<String> lines = run.lines();
        assertEquals(10, lines.size(), run.out);
        JsonNode served = JsonCodec.mapper().readTree(lines.get(0));
        assertEquals(Workloads.DEFAULT_KEY, served.get("key").textValue());
        assertEquals("Boolean", served.get("type").textValue());
        assertTrue(served.get("value").booleanValue());
        assertEquals("null", lines.get(1));
        for (int i : new int[] {2, 3, 4, 5, 6, 7}) {
            assertTrue(JsonCodec.mapper().readTree(lines.get(i)).has("error"), i + ": " + lines.get(i));
        }
        assertEquals("null", lines.get(8), "type mismatch");
        assertEquals(lines.get(0), lines.get(9));
        assertEquals("", run.err);
    }

    @Test
    void evalAnswersTheSameOnTheReferenceAndTheCore() {
        StringBuilder input = new StringBuilder();
        for (String user : List.of(Workloads.userJson(0), Workloads.userJson(8))) {
            for (String key : List.of(Workloads.DEFAULT_KEY, "no-such-key")) {
                for (String type : List.of("Boolean", "String")) {
                    input.append("{\"user\":").append(user).append(",\"key\":\"").append(key)
                            .append("\",\"type\":\"").append(type).append("\"}\n");
                }
            }
        }
        String now = Long.toString(AFTER_2030);
        Run reference = run(input.toString(), "eval", "--config", "medium", "--now", now);
        Run core = run(input.toString(), "eval", "--config", "medium", "--now", now, "--engine", "chicory-aot");
        assertEquals(0, reference.status, reference.err);
        assertEquals(reference.out, core.out);
    }

    @Test
    void nowPinsTheClockAndPlatformDataReplacesTheSdkDefault(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("pinned.json");
        Files.writeString(config, PINNED_CONFIG, StandardCharsets.UTF_8);
        String input = "{\"user\":{\"user_id\":\"u\"},\"key\":\"later\",\"type\":\"Boolean\"}\n"
                + "{\"user\":{\"user_id\":\"u\"},\"key\":\"java\",\"type\":\"Boolean\"}\n";
        List<String> before = run(input, "eval", "--config", config.toString(), "--now", Long.toString(BEFORE_2030)).lines();
        List<String> after = run(input, "eval", "--config", config.toString(), "--now", Long.toString(AFTER_2030)).lines();
        assertEquals("null", before.get(0));
        assertTrue(after.get(0).contains("\"value\":true"), after.get(0));
        assertTrue(before.get(1).contains("\"value\":true"), "the SDK's default platform is Java: " + before.get(1));
        List<String> node = run(input, "eval", "--config", config.toString(), "--platform-data",
                "{\"platform\":\"Node\",\"platformVersion\":\"20.1.0\",\"sdkType\":\"server\",\"sdkVersion\":\"1.0.0\"}")
                .lines();
        assertEquals("null", node.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference", "chicory-aot"})
    void bucketWritesTheBucketedConfigOrAnError(String engine) throws Exception {
        Run run = run(Workloads.DEFAULT_USER_JSON + "\n{\"email\":\"x@y.z\"}\n", "bucket", "--config", "small",
                "--engine", engine);
        assertEquals(0, run.status, run.err);
        List<String> lines = run.lines();
        assertEquals(2, lines.size());
        JsonNode bucketed = JsonCodec.mapper().readTree(lines.get(0));
        assertTrue(bucketed.get("variables").get(Workloads.DEFAULT_KEY).get("value").booleanValue(), lines.get(0));
        assertTrue(JsonCodec.mapper().readTree(lines.get(1)).has("error"));
    }

    @Test
    void explainPrintsTheReferenceExplanation() throws Exception {
        Run run = run("", "explain", "--config", "small", "--user", Workloads.DEFAULT_USER_JSON, "--key",
                Workloads.DEFAULT_KEY);
        assertEquals(0, run.status, run.err);
        assertEquals(1, run.lines().size());
        assertTrue(JsonCodec.mapper().readTree(run.out).isObject(), run.out);
        assertEquals(2, run("", "explain", "--config", "small", "--user", "{}", "--key", "k").status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eval", "bucket", "explain"})
    void anUnusableConfigExitsWith2AndOneLine(String command, @TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.json");
        Path rejected = dir.resolve("rejected.json");
        Files.writeString(rejected, "{\"project\":{}}", StandardCharsets.UTF_8);
        for (Path config : List.of(missing, rejected)) {
            List<String> args = new ArrayList<>(List.of(command, "--config", config.toString()));
            if (command.equals("explain")) {
                args.addAll(List.of("--user", Workloads.DEFAULT_USER_JSON, "--key", "k"));
            }
            Run run = run(DEFAULT_REQUEST + "\n", args.toArray(new String[0]));
            assertEquals(2, run.status, run.err);
            assertEquals("", run.out);
            assertEquals(1, run.err.strip().lines().count(), run.err);
            assertTrue(run.err.startsWith("flagparity: "), run.err);
            assertFalse(run.err.contains("\tat "), run.err);
        }
    }

    /** Every command that runs an engine lists {@code --core} and the versions in its help. */
    @ParameterizedTest
    @ValueSource(strings = {"eval", "bucket", "explain", "latency"})
    void coreIsListedInTheHelpOfEveryCommandThatRunsAnEngine(String command) {
        Run help = run("", command, "--help");
        for (CoreVersion v : CoreVersion.values()) {
            assertTrue(help.out.contains("--core") && help.out.contains(v.id()), command + ":\n" + help.out);
        }
        assertTrue(help.out.contains("default: " + CoreChoice.NEWEST), help.out);
    }

    /**
     * {@code --core} picks the version the reference and a Wasm engine answer as: 1.42.8's answer carries
     * the evaluation reason, 1.32.0's does not; both engines give the same text per version; no
     * {@code --core} is the newest.
     */
    @Test
    void evalAnswersAsTheCoreVersionAsked() throws Exception {
        String input = DEFAULT_REQUEST + "\n";
        for (String engine : List.of("reference", "chicory-aot")) {
            Run older = run(input, "eval", "--config", "small", "--engine", engine, "--core", CoreVersion.V1_32_0.id());
            Run newer = run(input, "eval", "--config", "small", "--engine", engine, "--core", CoreVersion.V1_42_8.id());
            Run unnamed = run(input, "eval", "--config", "small", "--engine", engine);
            assertEquals(0, older.status, older.err);
            assertFalse(JsonCodec.mapper().readTree(older.out).has("eval"), older.out);
            assertTrue(JsonCodec.mapper().readTree(newer.out).get("eval").has("reason"), newer.out);
            assertEquals(newer.out, unnamed.out, engine + ": no --core is the newest");
            Run referenceOlder = run(input, "eval", "--config", "small", "--core", CoreVersion.V1_32_0.id());
            assertEquals(referenceOlder.out, older.out, engine + " on 1.32.0");
        }
        Run bucketed = run(Workloads.DEFAULT_USER_JSON + "\n", "bucket", "--config", "small", "--engine", "chicory-aot",
                "--core", CoreVersion.V1_32_0.id());
        assertEquals(0, bucketed.status, bucketed.err);
        assertEquals(run(Workloads.DEFAULT_USER_JSON + "\n", "bucket", "--config", "small", "--core",
                CoreVersion.V1_32_0.id()).out, bucketed.out);
        assertFalse(bucketed.out.contains("\"eval\""), bucketed.out);
        Run explained = run("", "explain", "--config", "small", "--user", Workloads.DEFAULT_USER_JSON, "--key",
                Workloads.DEFAULT_KEY, "--core", CoreVersion.V1_32_0.id());
        assertEquals(0, explained.status, explained.err);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, run("", "eval", "--config", "small", "--core", "0.0.1").status);
        assertEquals(2, run("", "eval", "--config", "small", "--engine", "devcycle-sdk", "--core",
                CoreVersion.V1_42_8.id()).status, "the SDK embeds 1.32.0 only");
        assertEquals(2, run("", "eval", "--config", "small", "--engine", "v8").status);
        assertEquals(2, run("", "eval", "--config", "small", "--codec", "xml").status);
        assertEquals(2, run("", "eval", "--config", "small", "--concurrency", "threads").status);
        assertEquals(2, run("", "eval", "--config", "small", "--now", "yesterday").status);
        assertEquals(2, run("", "eval", "--config", "small", "--platform-data", "{}").status);
        assertEquals(2, run("", "eval").status);
        assertEquals(2, run("", "bucket", "--config", "small", "--engine", "devcycle-sdk").status);
        assertEquals(2, run("", "nonsense").status);
        assertEquals(2, run("").status);
    }

    /**
     * {@code --core VERSION-d7fix} answers every line as {@code --core VERSION} (the fixed builds change
     * no answer) on the reference and on a Wasm engine, over the safe codec (which sends every user
     * through protobuf on a fixed build) and JSON; DevCycle's SDK refuses a fixed build, and a misspelt
     * core is refused naming every choice.
     */
    @Test
    void aFixedBuildAnswersAsItsVersionAndThePeerRefusesIt() {
        String input = String.join("\n", DEFAULT_REQUEST,
                "{\"user\":" + Workloads.userJson(8) + ",\"key\":\"" + Workloads.DEFAULT_KEY + "\",\"type\":\"Boolean\"}",
                "{\"user\":{\"user_id\":\"u\",\"customData\":{\"plan\":\"pro\",\"n\":3}},\"key\":\""
                        + Workloads.DEFAULT_KEY + "\",\"type\":\"Boolean\"}") + "\n";
        for (CoreVersion v : CoreVersion.values()) {
            String fixed = v.id() + CoreVersion.FIXED_SUFFIX;
            for (List<String> engine : List.of(List.of("--engine", "reference"), List.of("--engine", "chicory-aot"),
                    List.of("--engine", "chicory-aot", "--codec", "json"))) {
                List<String> args = new ArrayList<>(List.of("eval", "--config", "large"));
                args.addAll(engine);
                Run devcycles = run(input, concat(args, "--core", v.id()));
                Run ours = run(input, concat(args, "--core", fixed));
                assertEquals(0, ours.status, ours.err);
                assertEquals(3, ours.lines().size(), ours.out);
                assertEquals(devcycles.out, ours.out, engine + " on " + fixed);
            }
        }
        Run peer = run(DEFAULT_REQUEST + "\n", "eval", "--config", "large", "--engine", "devcycle-sdk", "--core", "1.32.0-d7fix");
        assertEquals(2, peer.status, peer.out);
        assertTrue(peer.err.contains("devcycle-sdk runs only DevCycle's own build of the core, not 1.32.0-d7fix"), peer.err);
        Run misspelt = run(DEFAULT_REQUEST + "\n", "eval", "--config", "large", "--core", "1.32.0-fixed");
        assertEquals(2, misspelt.status, misspelt.out);
        assertTrue(misspelt.err.contains(String.join(", ", new CoreChoice.Ids())), misspelt.err);
    }

    private static String[] concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    private static Run run(String stdin, String... args) {
        CommandLine cmd = Main.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int status = cmd.execute(args);
        cmd.getOut().flush();
        cmd.getErr().flush();
        return new Run(status, out.toString(), err.toString());
    }

    private static final class Run {
        final int status;
        final String out;
        final String err;

        Run(int status, String out, String err) {
            this.status = status;
            this.out = out;
            this.err = err;
        }

        List<String> lines() {
            return out.lines().toList();
        }
    }
}

package flagparity.parity;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import flagparity.workloads.gen.Pools;
import flagparity.parity.oracle.Case;
import flagparity.parity.oracle.CodecView;
import flagparity.parity.oracle.CoreOracle;
import flagparity.parity.oracle.MutableClock;
import flagparity.parity.oracle.Outcome;
import flagparity.parity.oracle.Pair;
import flagparity.parity.oracle.ResultDiff;
import flagparity.workloads.gen.Texts;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.Codec;
import flagparity.wasm.Concurrency;
import flagparity.wasm.WasmEngine;
import flagparity.wasm.engine.Engine;
import flagparity.wasm.engine.CoreBuild;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every mismatch the properties found, one file per case in
 * {@code src/test/resources/regressions/} (written by a failing property to
 * {@code target/parity-failures/}, then kept with its cause). A case whose subject is the
 * reference must agree with the core; a case whose subject is an engine x codec pair must agree
 * with the core's JSON path and with the reference, in the form that codec delivers; a
 * {@code SEQUENCE} case replays a whole try on one fresh evaluator. A file with
 * {@code "awaitingFix"} is reported as skipped with that reason until the fix lands.
 */
class RegressionTest {
    private static MutableClock clock;
    private static Map<CoreVersion, CoreOracle> cores;
    private static final Map<String, Pair> PAIRS = new HashMap<>();

    @BeforeAll
    static void open() {
        clock = new MutableClock(Pools.T0);
        cores = CoreOracle.perVersion(Engine.CHICORY_AOT, clock);
    }

    @AfterAll
    static void close() {
        PAIRS.values().forEach(Pair::close);
        cores.values().forEach(CoreOracle::close);
    }

    @TestFactory
    Stream<DynamicTest> regressions() throws IOException, URISyntaxException {
        Path dir = Path.of(RegressionTest.class.getResource("/regressions").toURI());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        assertTrue(!files.isEmpty(), "no regression files in " + dir);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> replay(f)));
    }

    private static void replay(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, String> fields = Case.parseRegression(text);
        if ("SEQUENCE".equals(fields.get("check"))) {
            replaySequence(fields, JsonCodec.mapper().readTree(text));
            return;
        }
        Case c = Case.fromRegression(fields);
        CoreOracle core = cores.get(c.version());
        String awaiting = fields.get("awaitingFix");
        String subject = fields.getOrDefault("subject", "reference");
        List<String> failures = new ArrayList<>();
        if (subject.equals("reference")) {
            Outcome oracle = c.core(core, clock);
            check(failures, "the core no longer answers as recorded", recorded(fields.get("oracle")), oracle);
            check(failures, "reference vs core", oracle, c.reference(clock));
        } else {
            Pair pair = pair(subject, Case.buildOf(fields), c.platformData());
            boolean json = c.check() != Case.Check.VARIABLE || pair.jsonFor(JsonCodec.parseUser(c.user()));
            Outcome got = pair.answer(c, clock);
            check(failures, subject + " vs core JSON path", CodecView.coreAnswer(json, c, core, clock), got);
            check(failures, subject + " vs reference", got, CodecView.referenceAnswer(json, c, clock));
            if (json && c.check() == Case.Check.VARIABLE) {
                check(failures, subject + " variable() vs its own variableJson()", got, pair.apiAnswer(c, clock));
            }
        }
        if (awaiting != null) {
            Assumptions.abort("awaiting fix: " + awaiting + (failures.isEmpty() ? " (it passes now: drop awaitingFix)" : ""));
        }
        if (!failures.isEmpty()) {
            fail(Texts.printable(String.join("\n", failures) + "\ncause: " + fields.get("cause") + "\nreplay:\n" + c.replay()));
        }
    }

    /**
     * A failure that depends on the calls before it: on a fresh evaluator of the subject pair, the
     * client custom data (when given) and the config are set once, then every request is asked in
     * order and must get what the core's JSON path gives (in the form that codec delivers).
     */
    private static void replaySequence(Map<String, String> fields, JsonNode doc) {
        String subject = fields.get("subject");
        boolean pool = subject.endsWith(" (pool)");
        String[] parts = subject.replace(" (pool)", "").split(" x ");
        String config = fields.get("config");
        String customData = fields.get("clientCustomData");
        long now = Long.parseLong(fields.get("now"));
        CoreBuild build = Case.buildOf(fields);
        CoreVersion version = build.version();
        List<String> failures = new ArrayList<>();
        try (Pair pair = new Pair(WasmEngine.runtime(parts[0]), Codec.parse(parts[1]), pool ? Concurrency.POOL : Concurrency.MUTEX,
                build, JsonCodec.parsePlatformData(fields.get("platformData")), clock)) {
            clock.set(now);
            if (customData != null && !customData.equals("null")) {
                pair.evaluator().setClientCustomData(customData);
            }
            pair.evaluator().setConfig(config);
            int i = 0;
            for (JsonNode r : doc.get("requests")) {
                String user = Texts.printable(doc.get("users").get(r.get("user").asInt()).toString());
                Case c = Case.variable(config, now, fields.get("platformData"), user, r.get("key").asText(),
                        flagparity.reference.api.VariableType.parse(r.get("type").asText()))
                        .withClientCustomData(customData == null || customData.equals("null") ? null : customData).on(version);
                Outcome got = pair.lookup(JsonCodec.parseUser(user), c.key(), c.type());
                clock.set(now);
                check(failures, subject + " vs core JSON path, request " + i,
                        CodecView.coreAnswer(pair.jsonFor(JsonCodec.parseUser(user)), c, cores.get(version), clock), got);
                i++;
            }
        }
        if (fields.get("awaitingFix") != null) {
            Assumptions.abort("awaiting fix: " + fields.get("awaitingFix") + (failures.isEmpty() ? " (it passes now: drop awaitingFix)" : ""));
        }
        if (!failures.isEmpty()) {
            fail(Texts.printable(String.join("\n", failures) + "\ncause: " + fields.get("cause")));
        }
    }

    private static void check(List<String> failures, String what, Outcome expected, Outcome actual) {
        Optional<String> d = ResultDiff.diff(expected, actual);
        d.ifPresent(diff -> failures.add(what + ": " + diff));
    }

    /** An outcome as a regression file records it: a JSON value, null, or {"error": ...}. */
    private static Outcome recorded(String text) {
        if (text == null || text.equals("null")) {
            return Outcome.NULL;
        }
        Outcome o = Outcome.json(text);
        if (o.tree() != null && o.tree().isObject() && o.tree().size() == 1 && o.tree().has("error")) {
            return Outcome.error(o.tree().get("error").asText());
        }
        return o;
    }

    /** The pair a subject names: {@code "<engine> x <codec>"}, optionally followed by {@code " (pool)"}. */
    private static Pair pair(String subject, CoreBuild build, String platformData) {
        return PAIRS.computeIfAbsent(subject + "\n" + build.id() + "\n" + platformData, k -> {
            boolean pool = subject.endsWith(" (pool)");
            String[] parts = subject.replace(" (pool)", "").split(" x ");
            return new Pair(WasmEngine.runtime(parts[0]), Codec.parse(parts[1]), pool ? Concurrency.POOL : Concurrency.MUTEX,
                    build, JsonCodec.parsePlatformData(platformData), clock);
        });
    }
}

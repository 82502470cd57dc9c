package flagparity.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.Codec;
import flagparity.wasm.engine.Engine;
import flagparity.wasm.ProtobufMessages;
import flagparity.wasm.engine.CoreBuild;
import flagparity.wasm.engine.CoreInstance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The doors of issue 13 through the CLI, for the reference and every Wasm engine x codec, against
 * the real core asked on the same entry point: number spellings in a user's custom data (bucketing
 * key, filter operand) reach the evaluator as written; strings the core writes with lone surrogates
 * or raw control characters leave as escapes, through a UTF-8 stream, and read back to the same
 * text.
 */
class DoorsTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final String REFERENCE = "reference";
    static final String SDK_KEY = "doors";
    /** Every spelling issue 13 lists. */
    static final List<String> SPELLINGS = List.of("-0", "-0.0", "0e0", "-0e0", "0.0", "5.0", "1e3", "1E2", "1e21",
            "1e+21", "5e-324", "1.7976931348623157e308", "9007199254740993", "123456789012345678901234567890",
            "100e-2", "12.50");
    /** Strings the core writes back unchanged: lone surrogates, a NUL and another control character. */
    static final List<String> ODD_STRINGS = List.of("\\ud800", "\\udc00", "a\\udbffb", "\\u0000", "x\\u0001\\u001fy",
            "\\ud83d\\ude00", "\\u00e9\\\"\\\\");

    /** The core of each version, asked as the oracle. */
    private static final java.util.Map<CoreVersion, CoreInstance> CORES = new java.util.EnumMap<>(CoreVersion.class);
    @TempDir
    static Path dir;
    private static Path config;

    @BeforeAll
    static void open() throws Exception {
        config = dir.resolve("config.json");
        Files.writeString(config, config(), StandardCharsets.UTF_8);
        for (CoreVersion v : CoreVersion.values()) {
            CoreInstance core = CoreInstance.open(Engine.CHICORY_AOT, CoreBuild.of(v), null, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
            core.setPlatformData(JsonCodec.writePlatformData(PlatformData.javaSdkDefault()));
            core.setConfig(SDK_KEY, config());
            CORES.put(v, core);
        }
    }

    @AfterAll
    static void close() {
        CORES.values().forEach(CoreInstance::close);
    }

    /** A feature bucketing on custom field {@code n} over eight variations, and filters on {@code n}. */
    static String config() {
        StringBuilder variations = new StringBuilder();
        StringBuilder distribution = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i > 0) {
                variations.append(',');
                distribution.append(',');
            }
            variations.append("{\"_id\":\"b").append(i).append("\",\"key\":\"b").append(i).append("\",\"name\":\"b\",")
                    .append("\"variables\":[{\"_var\":\"v-bucket\",\"value\":\"").append(i).append("\"}]}");
            distribution.append("{\"_variation\":\"b").append(i).append("\",\"percentage\":0.125}");
        }
        StringBuilder odd = new StringBuilder();
        for (int i = 0; i < ODD_STRINGS.size(); i++) {
            odd.append(",{\"_id\":\"v-odd").append(i).append("\",\"key\":\"odd").append(i).append(ODD_STRINGS.get(i))
                    .append("\",\"type\":\"String\"}");
        }
        StringBuilder oddValues = new StringBuilder();
        for (int i = 0; i < ODD_STRINGS.size(); i++) {
            oddValues.append(",{\"_var\":\"v-odd").append(i).append("\",\"value\":\"").append(ODD_STRINGS.get(i)).append("\"}");
        }
        return "{\"project\":{\"_id\":\"p\",\"key\":\"p\",\"a0_organization\":\"o\",\"settings\":{}},"
                + "\"environment\":{\"_id\":\"e\",\"key\":\"production\"},\"audiences\":{},\"features\":["
                + "{\"_id\":\"fb\",\"key\":\"bucket\",\"type\":\"release\",\"variations\":[" + variations + "],"
                + "\"configuration\":{\"_id\":\"cb\",\"targets\":[{\"_id\":\"tb\",\"_audience\":{\"filters\":"
                + "{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}},\"bucketingKey\":\"n\","
                + "\"distribution\":[" + distribution + "]}]}},"
                + filterFeature("eq", "=") + "," + filterFeature("gt", ">") + "," + filterFeature("lt", "<") + ","
                + "{\"_id\":\"fo\",\"key\":\"odd\",\"type\":\"release\",\"variations\":[{\"_id\":\"o\",\"key\":\"o\","
                + "\"name\":\"o\",\"variables\":[" + oddValues.substring(1) + "]}],\"configuration\":{\"_id\":\"co\","
                + "\"targets\":[{\"_id\":\"to\",\"_audience\":{\"filters\":{\"operator\":\"and\",\"filters\":["
                + "{\"type\":\"all\"}]}},"
                + "\"distribution\":[{\"_variation\":\"o\",\"percentage\":1}]}]}}"
                + "],\"variables\":[{\"_id\":\"v-bucket\",\"key\":\"bucket\",\"type\":\"String\"},"
                + "{\"_id\":\"v-eq\",\"key\":\"eq\",\"type\":\"Boolean\"},{\"_id\":\"v-gt\",\"key\":\"gt\",\"type\":\"Boolean\"},"
                + "{\"_id\":\"v-lt\",\"key\":\"lt\",\"type\":\"Boolean\"}" + odd + "]}";
    }

    /** A Boolean feature served when custom field {@code n} compares to one of several numbers. */
    private static String filterFeature(String key, String comparator) {
        return "{\"_id\":\"f" + key + "\",\"key\":\"" + key + "\",\"type\":\"release\",\"variations\":[{\"_id\":\"" + key
                + "-on\",\"key\":\"on\",\"name\":\"on\",\"variables\":[{\"_var\":\"v-" + key + "\",\"value\":true}]}],"
                + "\"configuration\":{\"_id\":\"c" + key + "\",\"targets\":[{\"_id\":\"t" + key + "\",\"_audience\":"
                + "{\"filters\":{\"operator\":\"and\",\"filters\":[{\"type\":\"user\",\"subType\":\"customData\","
                + "\"dataKey\":\"n\",\"dataKeyType\":\"Number\",\"comparator\":\"" + comparator + "\","
                + "\"values\":[0,1,5,12.5,100,1000,1e21,9007199254740992]}]}},"
                + "\"distribution\":[{\"_variation\":\"" + key + "-on\",\"percentage\":1}]}]}}";
    }

    /** Users as JSON text: every spelling as {@code n} in customData, in privateCustomData, and in both. */
    static List<String> spellingUsers() {
        List<String> users = new ArrayList<>();
        for (String s : SPELLINGS) {
            users.add("{\"user_id\":\"u\",\"customData\":{\"n\":" + s + "}}");
            users.add("{\"user_id\":\"u\",\"privateCustomData\":{\"n\":" + s + "},\"customData\":{\"n\":\"other\"}}");
        }
        return users;
    }

    /** Users whose fields and custom data hold the odd strings. */
    static List<String> oddUsers() {
        List<String> users = new ArrayList<>();
        for (String s : ODD_STRINGS) {
            users.add("{\"user_id\":\"" + s + "\",\"email\":\"" + s + "\",\"customData\":{\"" + s + "\":\"" + s + "\"}}");
        }
        return users;
    }

    /** The Wasm engines this JVM can run (graalwasm needs JDK 21+). */
    static List<Engine> runnableEngines() {
        return java.util.Arrays.stream(Engine.values())
                .filter(e -> flagparity.wasm.WasmEngine.of(e).availability().isAvailable()).toList();
    }

    static Stream<Arguments> doors() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of(REFERENCE, Codec.DEFAULT.id()));
        for (Engine e : runnableEngines()) {
            for (Codec c : Codec.values()) {
                out.add(Arguments.of(flagparity.wasm.WasmEngine.of(e).id(), c.id()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("doors")
    void evalAnswersAsTheCoreOnTheSameEntryPoint(String engine, String codecId) {
        Codec codec = Codec.parse(codecId);
        List<String> requests = new ArrayList<>();
        List<String> want = new ArrayList<>();
        for (String user : spellingUsers()) {
            for (String key : List.of("bucket", "eq", "gt", "lt")) {
                VariableType type = key.equals("bucket") ? VariableType.String : VariableType.Boolean;
                requests.add("{\"key\":\"" + key + "\",\"user\":" + user + ",\"type\":\"" + type + "\"}");
                want.add(core(engine, codec, user, key, type));
            }
        }
        for (String user : oddUsers()) {
            for (int i = 0; i < ODD_STRINGS.size(); i++) {
                String key = "odd" + i + ODD_STRINGS.get(i);
                requests.add("{\"user\":" + user + ",\"key\":\"" + key + "\",\"type\":\"String\"}");
                want.add(core(engine, codec, user, key, VariableType.String));
            }
        }
        List<String> got = eval(requests, "--engine", engine, "--codec", codecId).stream().map(DoorsTest::served).toList();
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(want.get(i), got.get(i), engine + " " + codecId + ": " + requests.get(i));
        }
        // what left as UTF-8 is strict JSON holding exactly the config's strings
        int first = requests.size() - oddUsers().size() * ODD_STRINGS.size();
        boolean protobuf = !REFERENCE.equals(engine) && !codec.route(JsonCodec.parseUser(oddUsers().get(0)), defaultBuild(engine)).json();
        for (int i = 0; i < ODD_STRINGS.size(); i++) {
            String odd = unescape(ODD_STRINGS.get(i));
            String line = got.get(first + i);
            if (protobuf && odd.chars().anyMatch(c -> Character.isSurrogate((char) c)) && !odd.equals("\ud83d\ude00")) {
                // D5: protobuf-java sends a key with a lone surrogate with '?' in its place: not found
                assertEquals("null", line, engine + " " + codecId);
                continue;
            }
            assertEquals(odd, readStrict(line).path("value").textValue(), engine + " " + codecId + ": " + line);
        }
    }

    /**
     * With no {@code --codec}, every Wasm engine answers users with custom data (every user here) as
     * the core's JSON entry point: the default never sends them through a protobuf entry point (D7).
     */
    @ParameterizedTest
    @MethodSource("runnableEngines")
    void evalWithTheDefaultCodecAnswersUsersWithCustomDataAsTheJsonEntryPoint(Engine engine) {
        List<String> requests = new ArrayList<>();
        List<String> want = new ArrayList<>();
        for (String user : spellingUsers()) {
            requests.add("{\"user\":" + user + ",\"key\":\"bucket\",\"type\":\"String\"}");
            want.add(core(flagparity.wasm.WasmEngine.of(engine).id(), Codec.JSON, user, "bucket", VariableType.String));
        }
        assertEquals(want, eval(requests, "--engine", flagparity.wasm.WasmEngine.of(engine).id()).stream()
                .map(DoorsTest::served).toList());
    }

    private static com.fasterxml.jackson.databind.JsonNode readStrict(String line) {
        try {
            return JsonCodec.mapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not strict JSON: " + line, e);
        }
    }

    private static String unescape(String jsonStringBody) {
        return (String) flagparity.reference.internal.CoreJson.parse("\"" + jsonStringBody + "\"");
    }

    /** The core build the CLI runs {@code engine} on when none is asked for: its safe codec routes by it. */
    private static CoreBuild defaultBuild(String engine) {
        return CoreBuild.of(Engines.coreVersion(Engines.get(engine), EngineSettings.defaults()));
    }

    /**
     * The core's answer on the entry point {@code codec} uses for this user (the reference answers as
     * the JSON entry point), as the CLI writes it: losslessly.
     */
    private static String core(String engine, Codec codec, String userJson, String key, VariableType type) {
        // the version the CLI runs when none is asked for
        CoreInstance core = CORES.get(defaultBuild(engine).version());
        Codec route = REFERENCE.equals(engine) ? Codec.JSON : codec.route(JsonCodec.parseUser(userJson), defaultBuild(engine));
        String answer;
        if (route.json()) {
            answer = core.variableForUser(SDK_KEY, userJson, unescapedKey(key), type.index());
            answer = answer == null ? "null" : JsonCodec.writeVariable(JsonCodec.parseVariable(answer));
        } else {
            byte[] pb = core.variableForUserProtobuf(
                    ProtobufMessages.request(SDK_KEY, JsonCodec.parseUser(userJson), unescapedKey(key), type));
            var v = ProtobufMessages.variable(pb);
            answer = v == null ? "null" : JsonCodec.writeVariable(v);
        }
        return served(JsonCodec.lossless(answer));
    }

    /**
     * An answer line as {@code _id, type, key, value}: what a user's spellings decide. The evaluation
     * reason core 1.42.8 adds is the version work's (issue 15), not compared here.
     */
    private static String served(String line) {
        if (!line.startsWith("{\"_id\"")) {
            return line;
        }
        flagparity.reference.api.Variable v = JsonCodec.parseVariable(line);
        return JsonCodec.lossless(JsonCodec.writeVariable(new flagparity.reference.api.Variable(v.id(), v.key(), v.type(), v.value())));
    }

    private static String unescapedKey(String key) {
        return key.startsWith("odd") ? unescape(key) : key;
    }

    /** Runs {@code eval} in-process with the config, as {@code java -jar} would: UTF-8 in and out. */
    static List<String> eval(List<String> requests, String... options) {
        String stdin = String.join("\n", requests) + "\n";
        CommandLine cmd = Main.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        cmd.setOut(new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8)));
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("eval", "--config", config.toString(), "--now", Long.toString(NOW)));
        args.addAll(List.of(options));
        int status = cmd.execute(args.toArray(String[]::new));
        cmd.getOut().flush();
        assertEquals(0, status, err.toString());
        String out = bytes.toString(StandardCharsets.UTF_8);
        return List.of(out.split("\n", -1)).subList(0, requests.size());
    }
}

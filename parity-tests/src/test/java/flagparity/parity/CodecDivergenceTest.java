package flagparity.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import flagparity.workloads.gen.Pools;
import flagparity.parity.gen.ScenarioArbitraries;
import flagparity.parity.oracle.CoreOracle;
import flagparity.parity.oracle.MutableClock;
import flagparity.parity.oracle.Outcome;
import flagparity.parity.oracle.ProtobufHeapFault;
import flagparity.reference.ReferenceEvaluator;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.Codec;
import flagparity.wasm.engine.Engine;
import flagparity.wasm.WasmEvaluator;
import flagparity.wasm.engine.CoreBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The known differences between the core's JSON path and its protobuf path, each pinned by name
 * (see results/DIVERGENCES.md for their causes in the core's source). The parity properties model
 * exactly these ({@code asProtobufSeesIt}, {@code Outcome.asProtobufDelivers}, {@code
 * Outcome.asApiVariable}); if one of these tests starts failing, the core or an adapter changed and
 * the model must change with it. They come from the core's codecs, not from an engine, so one engine
 * is enough.
 */
class CodecDivergenceTest {
    private static final PlatformData PLATFORM = JsonCodec.parsePlatformData(ScenarioArbitraries.FIXED_PLATFORM_DATA);
    private static MutableClock clock;
    private static WasmEvaluator json;
    private static WasmEvaluator protobuf;
    private static CoreOracle core;

    @BeforeAll
    static void open() {
        clock = new MutableClock(Pools.T0);
        json = WasmEvaluator.builder().core(CoreVersion.V1_32_0).engine(Engine.CHICORY_AOT).codec(Codec.JSON).platformData(PLATFORM).clock(clock).build();
        protobuf = WasmEvaluator.builder().core(CoreVersion.V1_32_0).engine(Engine.CHICORY_AOT).codec(Codec.PROTOBUF).platformData(PLATFORM).clock(clock).build();
        core = new CoreOracle(Engine.CHICORY_AOT, CoreVersion.V1_32_0, clock);
        core.setPlatformData(ScenarioArbitraries.FIXED_PLATFORM_DATA);
    }

    @AfterAll
    static void close() {
        json.close();
        protobuf.close();
        core.close();
    }

    /** A config of one feature whose one target serves {@code variations} to its audience. */
    static String config(String type, String targetId, String bucketingKey, String audience, String... variationValues) {
        StringBuilder variations = new StringBuilder();
        StringBuilder distribution = new StringBuilder();
        for (int i = 0; i < variationValues.length; i++) {
            String id = String.valueOf((char) ('a' + i));
            variations.append(i > 0 ? "," : "").append("{\"_id\":\"").append(id).append("\",\"name\":\"").append(id)
                    .append("\",\"key\":\"").append(id).append("\",\"variables\":[{\"_var\":\"v\",\"value\":").append(variationValues[i]).append("}]}");
            distribution.append(i > 0 ? "," : "").append("{\"_variation\":\"").append(id).append("\",\"percentage\":")
                    .append(1.0 / variationValues.length).append('}');
        }
        return "{\"project\":{\"_id\":\"p\",\"key\":\"p\",\"a0_organization\":\"o\",\"settings\":{}},\"environment\":{\"_id\":\"e\",\"key\":\"e\"},"
                + "\"variables\":[{\"_id\":\"v\",\"type\":\"" + type + "\",\"key\":\"k\"}],"
                + "\"features\":[{\"_id\":\"f\",\"type\":\"release\",\"key\":\"f\",\"variations\":[" + variations + "],"
                + "\"configuration\":{\"_id\":\"c\",\"targets\":[{\"_id\":\"" + targetId + "\""
                + (bucketingKey == null ? "" : ",\"bucketingKey\":\"" + bucketingKey + "\"")
                + ",\"_audience\":{\"filters\":{\"operator\":\"and\",\"filters\":[" + audience + "]}},"
                + "\"distribution\":[" + distribution + "]}]}}]}";
    }

    static final String ALL = "{\"type\":\"all\"}";

    private static ReferenceEvaluator reference(String config) {
        ReferenceEvaluator ref = new ReferenceEvaluator(CoreVersion.V1_32_0, PLATFORM, clock);
        ref.setConfig(config);
        return ref;
    }

    private static void setConfig(String config) {
        json.setConfig(config);
        protobuf.setConfig(config);
    }

    /** The value of the core's own JSON text for a lookup on the JSON codec. */
    private static JsonNode rawValue(User user, VariableType type) throws Exception {
        return JsonCodec.mapper().readTree(json.variableJson(user, "k", type)).get("value");
    }

    /**
     * D1: a custom data integer used as the bucketing key is hashed as "7" on the JSON path and as
     * "7.0" on the protobuf path, which carries every custom data number as a double.
     */
    @Test
    void integerCustomDataBucketingKeyHashesAsAFloatOnProtobuf() {
        // a target whose bucketing hashes of "7" and "7.0" fall on different sides of one half
        String target = null;
        for (int i = 0; target == null; i++) {
            JsonNode h7 = hashes("7", "t" + i);
            JsonNode h70 = hashes("7.0", "t" + i);
            if ((h7.get("bucketingHash").doubleValue() < 0.5) != (h70.get("bucketingHash").doubleValue() < 0.5)) {
                target = "t" + i;
            }
        }
        String config = config("String", target, "plan", ALL, "\"a\"", "\"b\"");
        setConfig(config);
        User seven = User.builder("u").customData(Map.of("plan", 7L)).build();
        User sevenPointZero = User.builder("u").customData(Map.of("plan", 7.0)).build();
        Variable onJson = json.variable(seven, "k", VariableType.String);
        Variable onProtobuf = protobuf.variable(seven, "k", VariableType.String);
        assertNotEquals(onJson.value(), onProtobuf.value());
        assertEquals(json.variable(sevenPointZero, "k", VariableType.String), onProtobuf);
        assertEquals(onJson, reference(config).variable(seven, "k", VariableType.String), "the reference follows the JSON path");
    }

    private static JsonNode hashes(String userId, String targetId) {
        try {
            return JsonCodec.mapper().readTree(core.hookString("generateBoundedHashesFromJSON", userId, targetId).tree().textValue());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * D2: a Boolean, Number or String variable whose variation holds a value of another type: the
     * JSON path writes the value as it is, the protobuf path sends false, 0 or "". The API (and the
     * reference) read it as the protobuf path does.
     */
    @Test
    void wrongTypedValueIsRawOnTheJsonPathAndFalseZeroOrEmptyOnProtobuf() throws Exception {
        User user = User.builder("u").build();
        for (String[] c : new String[][] {{"Boolean", "\"yes\"", "false"}, {"Number", "\"7\"", "0.0"}, {"String", "true", ""}}) {
            VariableType type = VariableType.parse(c[0]);
            String config = config(c[0], "t", null, ALL, c[1]);
            setConfig(config);
            assertEquals(JsonCodec.mapper().readTree(c[1]), rawValue(user, type), c[0] + " on the JSON path");
            Object coerced = protobuf.variable(user, "k", type).value();
            assertEquals(c[2], String.valueOf(coerced), c[0] + " on protobuf");
            assertEquals(coerced, reference(config).variable(user, "k", type).value(), c[0] + " in the reference");
        }
    }

    /**
     * D3: a JSON variable whose value is not an object (an array, a string, a number, null): the
     * JSON path writes it, the protobuf path sends an empty string. The reference keeps the JSON path's text.
     */
    @Test
    void jsonVariableWithANonObjectValueIsEmptyOnProtobuf() throws Exception {
        User user = User.builder("u").build();
        String config = config("JSON", "t", null, ALL, "[1,2]");
        setConfig(config);
        assertEquals(JsonCodec.mapper().readTree("[1,2]"), rawValue(user, VariableType.JSON));
        assertEquals("", protobuf.variable(user, "k", VariableType.JSON).value());
        assertEquals("[1,2]", reference(config).variable(user, "k", VariableType.JSON).value());
    }

    /**
     * D4: a Number variable holding an integer beyond the i64 range: the JSON path writes the core's
     * saturated i64 exactly (9223372036854775807), the protobuf path sends the nearest double, 2^63
     * (as does the API, whose Number is a double).
     */
    @Test
    void integerBeyondI64IsWrittenSaturatedOnlyOnTheJsonPath() throws Exception {
        User user = User.builder("u").build();
        String config = config("Number", "t", null, ALL, "12345678901234567890");
        setConfig(config);
        assertEquals("9223372036854775807", rawValue(user, VariableType.Number).toString());
        assertEquals(0x1p63, protobuf.variable(user, "k", VariableType.Number).value());
        assertEquals(0x1p63, reference(config).variable(user, "k", VariableType.Number).value());
    }

    /**
     * D5: an unpaired surrogate in a user's string reaches the core as {@code ?} on the protobuf
     * codecs (protobuf-java's UTF-8 encoder replaces it), as itself on the JSON codecs.
     */
    @Test
    void unpairedSurrogateInAUserStringReachesTheCoreAsAQuestionMarkOnProtobuf() {
        String config = config("String", "t", null,
                "{\"type\":\"user\",\"subType\":\"user_id\",\"comparator\":\"=\",\"values\":[\"?\"]}", "\"served\"");
        setConfig(config);
        User user = User.builder("\ud800").build();
        assertNull(json.variable(user, "k", VariableType.String));
        assertNotNull(protobuf.variable(user, "k", VariableType.String));
        assertNull(reference(config).variable(user, "k", VariableType.String), "the reference follows the JSON path");
    }

    /**
     * D5 for a variable key: a key holding an unpaired surrogate reaches the core as {@code ?} on the
     * protobuf codecs, so a variable the JSON codecs serve under that key is not found.
     */
    @Test
    void unpairedSurrogateInAVariableKeyReachesTheCoreAsAQuestionMarkOnProtobuf() {
        String config = config("String", "t", null, ALL, "\"served\"").replace("\"key\":\"k\"}]", "\"key\":\"\\ud800k\"}]");
        setConfig(config);
        User user = User.builder("u").build();
        assertEquals("served", json.variable(user, "\ud800k", VariableType.String).value());
        assertNull(protobuf.variable(user, "\ud800k", VariableType.String));
        assertEquals("served", reference(config).variable(user, "\ud800k", VariableType.String).value(),
                "the reference follows the JSON path");
    }

    /**
     * D6: the core's JSON writer leaves control characters other than \b \t \n \f \r (and \u000b)
     * unescaped, so the JSON path's text for such a string is not strict JSON; the protobuf path
     * carries the string exactly.
     */
    @Test
    void controlCharacterInAStringValueIsWrittenRawOnTheJsonPath() {
        User user = User.builder("u").build();
        String config = config("String", "t", null, ALL, "\"a\\u0001b\"");
        setConfig(config);
        assertTrue(json.variableJson(user, "k", VariableType.String).contains("\"a\u0001b\""));
        assertEquals("a\u0001b", protobuf.variable(user, "k", VariableType.String).value());
        assertEquals("a\u0001b", reference(config).variable(user, "k", VariableType.String).value());
    }

    /**
     * D7: the core's protobuf entry points can free a user's customData while still using it (the
     * compiled {@code DVCUser.fromPBUser} drops it from the shadow stack too early), when its incremental
     * GC steps inside that window; users with privateCustomData too are the most exposed. The damage
     * can surface in a later call, whatever its user. Recorded sequences (a config, optionally client
     * custom data, then lookups; the core version in {@code core}, 1.32.0 when absent) replay it on two
     * engines: on the named protobuf codec of DevCycle's build the named lookup aborts inside
     * AssemblyScript's runtime and the instance is replaced, while the JSON codec answers every lookup.
     * The first two fail the same way in Node with the core's own JS loader given the same bytes; the
     * third asks for one user with customData only, 112 times; the last two show it on 1.42.8. The safe
     * codec, given the same sequence, answers every lookup exactly as the JSON entry point does (on
     * 1.42.8, which also has D8, it sends every user over JSON). The project's fixed build of the
     * version answers every lookup, as DevCycle's build does on the same codec until it faults.
     */
    @ParameterizedTest
    @ValueSource(strings = {"d7-protobuf-heap-fault-sequence.json", "d7-protobuf-heap-fault-later-call.json",
            "d7-protobuf-heap-fault-customdata-only.json", "d7-1.42.8-both-maps.json", "d7-1.42.8-customdata-only.json"})
    void protobufEntryPointsCanCorruptTheCoreHeap(String file) throws Exception {
        JsonNode doc = d7Sequence(file);
        CoreBuild devcycle = CoreBuild.of(d7Version(doc));
        Codec codec = Codec.parse(doc.get("codec").asText());
        int faulting = doc.get("faultingLookup").asInt();
        for (Engine engine : new Engine[] {Engine.CHICORY_AOT, Engine.WASMTIME}) {
            clock.set(doc.get("now").asLong());
            List<Variable> beforeTheFault = new ArrayList<>();
            try (WasmEvaluator onJson = d7Evaluator(engine, Codec.JSON, devcycle, null, doc);
                    WasmEvaluator onProtobuf = d7Evaluator(engine, codec, devcycle, null, doc);
                    WasmEvaluator onSafe = d7Evaluator(engine, Codec.SAFE, devcycle, null, doc)) {
                int i = 0;
                for (JsonNode r : doc.get("requests")) {
                    User user = JsonCodec.parseUser(doc.get("users").get(r.get("user").asInt()).toString());
                    String key = r.get("key").asText();
                    VariableType type = VariableType.parse(r.get("type").asText());
                    String json = onJson.variableJson(user, key, type);
                    if (Codec.SAFE.route(user, devcycle).json()) {
                        assertEquals(json, onSafe.variableJson(user, key, type), engine + ", request " + i + ": safe codec");
                    } else {
                        assertEquals(onJson.variable(user, key, type), onSafe.variable(user, key, type),
                                engine + ", request " + i + ": safe codec over protobuf");
                    }
                    if (i == faulting) {
                        EvaluationException e = assertThrows(EvaluationException.class, () -> onProtobuf.variable(user, key, type));
                        assertTrue(ProtobufHeapFault.is(Outcome.error(e.getMessage())), engine + ": " + e.getMessage());
                        assertEquals(1, onProtobuf.instancesReplaced(), engine + ": the broken instance is replaced");
                    } else if (i < faulting) {
                        beforeTheFault.add(onProtobuf.variable(user, key, type));
                    } else {
                        onProtobuf.variable(user, key, type);
                    }
                    i++;
                }
                assertEquals(0, onJson.instancesReplaced(), engine + " on the JSON codec");
                assertEquals(0, onSafe.instancesReplaced(), engine + " on the safe codec");
                assertEquals(1, onProtobuf.instancesReplaced(), engine + ": lookups after the fault run on the new instance");
            }
            CoreBuild fixed = new CoreBuild(devcycle.version(), true);
            assertEquals(-1, replay(doc, engine, codec, fixed, null, beforeTheFault), engine + ": " + fixed + " answers every lookup");
        }
    }

    /**
     * On 1.42.8, which has D7 and D8 (results/DIVERGENCES.md), the recorded 1.42.8 sequences fault by
     * D7: DevCycle's wasm with only D8's store moved faults at the same lookup, with only D7's moved
     * it answers every lookup. (The two one-store builds are made here from DevCycle's build and the
     * project's fixed build, which differ in exactly those two stores: CoreBuildsTest.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"d7-1.42.8-both-maps.json", "d7-1.42.8-customdata-only.json"})
    void theRecorded1_42_8FaultsAreD7NotD8(String file, @TempDir Path dir) throws Exception {
        JsonNode doc = d7Sequence(file);
        CoreVersion version = d7Version(doc);
        assertTrue(version.hasD7() && version.hasD8(), version + " has both");
        Codec codec = Codec.parse(doc.get("codec").asText());
        Path d7Only = dir.resolve("d7-only.wasm");
        Path d8Only = dir.resolve("d8-only.wasm");
        Files.write(d7Only, withStoresMoved(version, D8_SLOT));
        Files.write(d8Only, withStoresMoved(version, D7_SLOT));
        CoreBuild devcycle = CoreBuild.of(version);
        assertEquals(doc.get("faultingLookup").asInt(), replay(doc, Engine.WASMTIME, codec, devcycle, d7Only, null),
                "D8 repaired, D7 left: the same fault");
        assertEquals(-1, replay(doc, Engine.WASMTIME, codec, devcycle, d8Only, null), "D7 repaired, D8 left: no fault");
    }

    /** The shadow-stack slot offsets of the misplaced stores: D7's in DVCUser.fromPBUser, D8's in SDKVariable#toProtobuf. */
    private static final int D7_SLOT = 68;
    private static final int D8_SLOT = 52;

    /** DevCycle's wasm of {@code version} with only the fixed build's store changes whose original offset is {@code slot}. */
    private static byte[] withStoresMoved(CoreVersion version, int slot) {
        byte[] own = CoreBuild.of(version).wasm();
        byte[] fixed = new CoreBuild(version, true).wasm();
        byte[] out = own.clone();
        int moved = 0;
        for (int i = 0; i < own.length; i++) {
            if (own[i] != fixed[i] && own[i] == slot) {
                out[i] = fixed[i];
                moved++;
            }
        }
        assertEquals(1, moved, "one store at SP+" + slot + " in " + version);
        return out;
    }

    private static JsonNode d7Sequence(String file) throws Exception {
        return JsonCodec.mapper().readTree(CodecDivergenceTest.class.getResource("/divergences/" + file));
    }

    private static CoreVersion d7Version(JsonNode doc) {
        return doc.has("core") ? CoreVersion.parse(doc.get("core").asText()) : CoreVersion.V1_32_0;
    }

    /**
     * The sequence on {@code build} (or the wasm file {@code wasmOrNull}) over {@code codec}: the index of
     * the first lookup that throws, or -1; each answer before it must equal {@code expectedOrNull}'s.
     */
    private static int replay(JsonNode doc, Engine engine, Codec codec, CoreBuild build, Path wasmOrNull,
            List<Variable> expectedOrNull) {
        clock.set(doc.get("now").asLong());
        try (WasmEvaluator e = d7Evaluator(engine, codec, build, wasmOrNull, doc)) {
            int i = 0;
            for (JsonNode r : doc.get("requests")) {
                User user = JsonCodec.parseUser(doc.get("users").get(r.get("user").asInt()).toString());
                Variable got;
                try {
                    got = e.variable(user, r.get("key").asText(), VariableType.parse(r.get("type").asText()));
                } catch (EvaluationException ex) {
                    return i;
                }
                if (expectedOrNull != null && i < expectedOrNull.size()) {
                    assertEquals(expectedOrNull.get(i), got, engine + " on " + build + ", request " + i);
                }
                i++;
            }
            return -1;
        }
    }

    private static WasmEvaluator d7Evaluator(Engine engine, Codec codec, CoreBuild build, Path wasmOrNull, JsonNode doc) {
        WasmEvaluator e = WasmEvaluator.builder().core(build).wasmFile(wasmOrNull).engine(engine).codec(codec)
                .platformData(JsonCodec.parsePlatformData(doc.get("platformData").toString())).clock(clock).build();
        if (!doc.get("clientCustomData").isNull()) {
            e.setClientCustomData(doc.get("clientCustomData").toString());
        }
        e.setConfig(doc.get("config").toString());
        return e;
    }
}


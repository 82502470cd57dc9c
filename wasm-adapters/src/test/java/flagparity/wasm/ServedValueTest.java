package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import flagparity.reference.api.CoreVersion;

import flagparity.reference.ReferenceEvaluator;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.wasm.engine.Engine;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Values the core serves in forms a strict reader refuses (the cases in parity-tests'
 * regressions/): each codec must read them as the reference serves them.
 */
class ServedValueTest {
    private static final User USER = User.builder("u").build();
    private static final Set<Codec> JSON_CODECS = EnumSet.of(Codec.JSON, Codec.JSON_PREALLOCATED);

    /** One variable {@code k} of {@code type}, served {@code valueJson} to every user. */
    private static String config(VariableType type, String valueJson) {
        return "{\"project\":{\"_id\":\"p\",\"key\":\"p\",\"a0_organization\":\"o\",\"settings\":{}},"
                + "\"environment\":{\"_id\":\"e\",\"key\":\"e\"},"
                + "\"variables\":[{\"_id\":\"v\",\"type\":\"" + type + "\",\"key\":\"k\"}],"
                + "\"features\":[{\"_id\":\"f\",\"type\":\"release\",\"key\":\"f\","
                + "\"variations\":[{\"_id\":\"a\",\"name\":\"a\",\"key\":\"a\",\"variables\":[{\"_var\":\"v\",\"value\":" + valueJson + "}]}],"
                + "\"configuration\":{\"_id\":\"c\",\"targets\":[{\"_id\":\"t\","
                + "\"_audience\":{\"filters\":{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}},"
                + "\"distribution\":[{\"_variation\":\"a\",\"percentage\":1}]}]}}]}";
    }

    /** Every codec in {@code codecs} serves what the reference serves, which is {@code expected}. */
    private static void servedAsTheReference(VariableType type, String valueJson, Object expected, Set<Codec> codecs) {
        String config = config(type, valueJson);
        Variable reference;
        try (ReferenceEvaluator r = new ReferenceEvaluator(CoreVersion.V1_32_0, Fixtures.PLATFORM, Fixtures.BEFORE_SCHEDULE)) {
            r.setConfig(config);
            reference = r.variable(USER, "k", type);
        }
        assertEquals(new Variable("v", "k", type, expected), reference);
        for (Codec codec : codecs) {
            // the reference answers as core 1.32.0
            try (WasmEvaluator e = Fixtures.builder(Engine.CHICORY_AOT, codec, Concurrency.MUTEX)
                    .core(CoreVersion.V1_32_0).build()) {
                e.setConfig(config);
                assertEquals(reference, e.variable(USER, "k", type), codec.id());
            }
        }
    }

    /** The core writes {@code "value":null}; the JSON text is "null". (Protobuf sends "" for it: DIVERGENCES.md D3.) */
    @Test
    void jsonVariableHoldingNull() {
        servedAsTheReference(VariableType.JSON, "null", "null", JSON_CODECS);
    }

    /** The core writes the string as it is on the JSON path and sends false on protobuf; both read false. */
    @Test
    void booleanVariableHoldingAString() {
        servedAsTheReference(VariableType.Boolean, "\"yes\"", false, EnumSet.allOf(Codec.class));
    }

    @Test
    void numberAndStringVariablesHoldingOtherTypes() {
        servedAsTheReference(VariableType.Number, "\"7\"", 0.0, EnumSet.allOf(Codec.class));
        servedAsTheReference(VariableType.String, "true", "", EnumSet.allOf(Codec.class));
    }

    /** The core's JSON writer leaves U+0001 raw, which strict JSON forbids. */
    @Test
    void stringHoldingAControlCharacter() {
        servedAsTheReference(VariableType.String, "\"a\\u0001b\"", "a\u0001b", EnumSet.allOf(Codec.class));
    }

    /** The core's protobuf path writes U+DC00 as WTF-8 (ED B0 80). */
    @Test
    void stringHoldingAnUnpairedSurrogate() {
        servedAsTheReference(VariableType.String, "\"x\\udc00y\"", "x\udc00y", EnumSet.allOf(Codec.class));
    }

    @Test
    void coreVariableJsonReadsNoVariableAndRejectsWhatIsNotOne() {
        assertNull(CoreVariableJson.parse(null));
        assertThrows(EvaluationException.class, () -> CoreVariableJson.parse("{\"_id\":\"v\",\"type\":\"Bool\",\"key\":\"k\",\"value\":true}"));
        assertThrows(EvaluationException.class, () -> CoreVariableJson.parse("[1]"));
    }
}

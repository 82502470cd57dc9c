package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.wasm.engine.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Where the protobuf path answers differently from the JSON path, and where it must not. */
class ProtobufQuirksTest {
    private static WasmEvaluator json;
    private static WasmEvaluator protobuf;

    @BeforeAll
    static void open() {
        String config = Fixtures.config("handwritten.json");
        json = Fixtures.builder(Engine.CHICORY_AOT, Codec.JSON, Concurrency.MUTEX).build();
        json.setConfig(config);
        protobuf = Fixtures.builder(Engine.CHICORY_AOT, Codec.PROTOBUF, Concurrency.MUTEX).build();
        protobuf.setConfig(config);
    }

    @AfterAll
    static void close() {
        json.close();
        protobuf.close();
    }

    private static Variable org(WasmEvaluator e, Object org) {
        return e.variable(User.builder("same-user").customData(Fixtures.map("org", org)).build(),
                "org-var", VariableType.String);
    }

    /**
     * An integer custom-data value used as a bucketing key hashes as "7" on the JSON path, but protobuf
     * carries numbers as doubles, so the core hashes "7.0" there: users can land in other variations.
     */
    @Test
    void integerBucketingKeyHashesAsDecimalOnProtobuf() {
        int differing = 0;
        for (long n = 0; n < 16; n++) {
            Variable viaJson = org(json, n);
            Variable viaProtobuf = org(protobuf, n);
            assertEquals(org(json, Long.toString(n)), viaJson, "JSON hashes " + n + " as \"" + n + "\"");
            assertEquals(org(json, n + ".0"), viaProtobuf, "protobuf hashes " + n + " as \"" + n + ".0\"");
            if (!viaJson.equals(viaProtobuf)) {
                differing++;
            }
        }
        assertTrue(differing > 0, "the quirk shows for some of 16 integers (a 50/50 split)");
    }

    /** A fractional number is a double on both paths, so both hash it the same way. */
    @Test
    void fractionalBucketingKeyAgrees() {
        for (int i = 0; i < 8; i++) {
            double d = i + 0.5;
            assertEquals(org(json, d), org(protobuf, d));
        }
    }

    /** DevCycle's Java SDK 2.6.0 leaves deviceModel out of the protobuf user; this adapter sends it. */
    @Test
    void deviceModelReachesTheCoreOnProtobuf() {
        User pixel = User.builder("u").deviceModel("Pixel 8").build();
        Variable viaProtobuf = protobuf.variable(pixel, "device-var", VariableType.String);
        assertNotNull(viaProtobuf);
        assertEquals(json.variable(pixel, "device-var", VariableType.String), viaProtobuf);
    }

    /**
     * An integral Number variable is written "42" by the JSON path and travels as the double 42.0 on
     * protobuf; both decode to the same value, and the protobuf codec's JSON form writes "42.0".
     */
    @Test
    void integralNumberVariable() {
        User u = User.builder("u").build();
        assertEquals(json.variable(u, "num-var", VariableType.Number), protobuf.variable(u, "num-var", VariableType.Number));
        // 1.42.8 writes "eval" and "_feature" after the value
        assertTrue(json.variableJson(u, "num-var", VariableType.Number).matches(".*\"value\":42[,}].*"));
        assertTrue(protobuf.variableJson(u, "num-var", VariableType.Number).matches(".*\"value\":42\\.0[,}].*"));
    }
}

package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.wasm.Fixtures.Lookup;
import flagparity.wasm.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every engine x codec serves the handwritten config identically (the interpreter on fewer users: it is slow). */
class EngineCodecAgreementTest {
    private static final String CONFIG = Fixtures.config("handwritten.json");
    private static final List<User> USERS = Fixtures.users(12);

    /** chicory-aot over JSON: the answers every other combination must give. */
    private static List<Variable> baseline;
    private static List<String> baselineJson;
    private static String baselineBucketed;

    @BeforeAll
    static void baseline() {
        try (WasmEvaluator e = Fixtures.builder(Engine.CHICORY_AOT, Codec.JSON, Concurrency.MUTEX).build()) {
            e.setConfig(CONFIG);
            baseline = new ArrayList<>();
            baselineJson = new ArrayList<>();
            for (User u : USERS) {
                for (Lookup l : Fixtures.LOOKUPS) {
                    baseline.add(e.variable(u, l.key, l.type));
                    baselineJson.add(e.variableJson(u, l.key, l.type));
                }
            }
            baselineBucketed = e.bucketedConfig(USERS.get(0));
        }
    }

    static Stream<Arguments> combinations() {
        Stream.Builder<Arguments> s = Stream.builder();
        for (Engine engine : Engine.values()) {
            if (!WasmEngine.of(engine).availability().isAvailable()) {
                continue; // graalwasm on JDK 17; it has its own module's tests
            }
            for (Codec codec : Codec.values()) {
                s.add(Arguments.of(engine, codec));
            }
        }
        return s.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("combinations")
    void answersLikeTheBaseline(Engine engine, Codec codec) {
        int users = engine == Engine.CHICORY_INTERPRETER ? 5 : USERS.size();
        try (WasmEvaluator e = Fixtures.builder(engine, codec, Concurrency.MUTEX).build()) {
            e.setConfig(CONFIG);
            int i = 0;
            for (User u : USERS.subList(0, users)) {
                for (Lookup l : Fixtures.LOOKUPS) {
                    assertEquals(baseline.get(i), e.variable(u, l.key, l.type), u + " " + l);
                    if (codec.json()) {
                        assertEquals(baselineJson.get(i), e.variableJson(u, l.key, l.type), u + " " + l);
                    }
                    i++;
                }
            }
            assertEquals(baselineBucketed, e.bucketedConfig(USERS.get(0)));
        }
    }

    /** The baseline itself follows the config (so agreement is not agreement on nothing). */
    @Test
    void baselineFollowsTheConfig() {
        int i = 0;
        for (User u : USERS) {
            for (Lookup l : Fixtures.LOOKUPS) {
                Variable v = baseline.get(i++);
                String what = u + " " + l;
                switch (l.toString()) {
                    case "bool-var:Boolean":
                    case "platform-var:Boolean":
                        assertEquals(Boolean.TRUE, v.value(), what);
                        break;
                    case "num-var:Number":
                        assertEquals(42.0, v.value(), what);
                        break;
                    case "str-var:String":
                        assertEquals("h\u00e9llo \u2713 \ud83d\ude00", v.value(), what);
                        break;
                    case "json-var:JSON":
                        assertEquals("{\"a\":1,\"b\":[true,null,2.5],\"c\":\"x\u00e9\"}", v.value(), what);
                        break;
                    case "email-var:String":
                        if (u.email() != null && u.email().contains("@gmail.com")) {
                            assertNotNull(v, what);
                        } else {
                            assertNull(v, what);
                        }
                        break;
                    case "split-var:Number":
                    case "org-var:String":
                        assertNotNull(v, what);
                        break;
                    case "scheduled-var:Boolean":
                    case "bool-var:String":
                    case "num-var:Boolean":
                    case "no-such-var:Boolean":
                        assertNull(v, what);
                        break;
                    default:
                        break;
                }
            }
        }
    }

    @Test
    void splitServesBothVariations() {
        int splitIndex = Fixtures.LOOKUPS.indexOf(Fixtures.LOOKUPS.stream()
                .filter(l -> l.key.equals("split-var")).findFirst().orElseThrow());
        long ones = 0;
        long others = 0;
        for (int u = 0; u < USERS.size(); u++) {
            Object value = baseline.get(u * Fixtures.LOOKUPS.size() + splitIndex).value();
            if (value.equals(1.0)) ones++;
            else if (value.equals(2.5)) others++;
        }
        assertEquals(USERS.size(), ones + others);
        org.junit.jupiter.api.Assertions.assertTrue(ones > 0 && others > 0, ones + " / " + others);
    }
}

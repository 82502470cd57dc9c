package flagparity.reference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The core's JSON decoder. Accept/reject expectations: core 1.32.0 via node, variableForUser with
 * the text as the user (a user the decoder rejects aborts with the message given); values: the
 * core's testDVCUserClass echo of customData.
 */
class CoreJsonTest {

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {
        "{\"user_id\":\"u1\"} trailing",
        "{\"user_id\":\"u1\"}{",
        "\n\t{\"user_id\":\"u1\"}",
        "{\"user_id\":\"u1\",\"a\":}",
        "{\"user_id\":\"u1\",\"a\":e}",
        "{\"user_id\":\"u1\",\"x\":-}",
        "{\"user_id\":\"u1\",\"x\":+}",
        "{\"user_id\":\"u1\",\"x\":[1,,2]}",
        "{\"user_id\":\"u1\",\"x\":[,]}",
        "{ \"user_id\" : \"u1\" , \"x\" : [ 1 , 2 ] }",
        "{\"user_id\":\"a\\u0041b\"}",
        "{\"\":\"a\",\"user_id\":\"u1\"}",
    })
    void acceptsWhatTheCoreAccepts(String json) {
        assertTrue(CoreJson.parse(json) instanceof Map);
    }

    @ParameterizedTest(name = "rejects {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "''|Cannot parse JSON",
        "'   '|Cannot parse JSON",
        "{\"user_id\":\"u1\",}|Expected double-quoted string",
        "{\"user_id\":\"a\\fb\"}|Unexpected escaped character: f",
        "{\"user_id\":\"a\\xb\"}|Unexpected escaped character: x",
        "{\"user_id\":\"\\u00zz\"}|Unexpected \\u digit",
        "{\"user_id\":\"a\tb\"}|Unexpected control character",
        "{\"user_id\":\"u1\"|Unexpected input end",
        "{\"user_id\":\"u1\",\"x\":tru}|Expected 'true'",
        "{\"user_id\":\"u1\",\"x\":nul}|Expected 'null'",
        "{\"user_id\" \"u1\"}|Expected ':'",
        "{\"user_id\":\"u1\",\"x\":1 2}|Expected ','",
        "{\"user_id\":\"u1\",\"x\":[}|Expected ','",
    })
    void rejectsWhatTheCoreRejects(String json, String message) {
        CoreJson.ParseException e = assertThrows(CoreJson.ParseException.class, () -> CoreJson.parse(json));
        assertEquals(message, e.getMessage());
    }

    @Test
    void keepsIntegersAndFloatsApartAsTheCore() {
        Map<?, ?> o = (Map<?, ?>) CoreJson.parse(
                "{\"i\":7,\"f\":7.0,\"z\":-0,\"zz\":-00,\"lead\":0123,\"big\":9007199254740993,\"huge\":99999999999999999999999,"
                        + "\"e\":1e2,\"plus\":+5,\"dots\":1.2.3,\"nan\":--1}");
        assertEquals(7L, o.get("i"));
        assertEquals(7.0, o.get("f"));
        assertEquals(-0.0, o.get("z"));
        assertEquals(0L, o.get("zz"));
        assertEquals(123L, o.get("lead"));
        assertEquals(9007199254740992L, o.get("big"));
        assertEquals(Long.MAX_VALUE, o.get("huge"));
        assertEquals(100.0, o.get("e"));
        assertEquals(5.0, o.get("plus"));
        assertEquals(1.2, o.get("dots"));
        assertEquals(Double.NaN, o.get("nan"));
    }

    @Test
    void aRepeatedKeyKeepsItsFirstPlaceAndTakesTheLastValue() {
        Map<?, ?> o = (Map<?, ?>) CoreJson.parse("{\"a\":1,\"b\":2,\"a\":{},\"a\":3}");
        assertEquals(List.of("a", "b"), List.copyOf(o.keySet()));
        assertEquals(3L, o.get("a"));
    }

    @Test
    void writesAsTheCore() {
        // core 1.32.0 via node: a JSON variable's value served by variableForUser
        Object v = CoreJson.parse("{\"n\":1.0,\"i\":3,\"s\":\"q\\\"\\\\\\n\\u000b\\u0001/é\",\"a\":[true,null,1e21],\"o\":{}}");
        assertEquals("{\"n\":1.0,\"i\":3,\"s\":\"q\\\"\\\\\\n\\u000b\u0001/é\",\"a\":[true,null,1e+21],\"o\":{}}",
                CoreJsonWriter.write(v));
    }

    // Depths: core 1.32.0 (node and wasmtime), setConfigDataUTF8 / variableForUser, binary search on
    // the depth; one past each limit the core's shadow-stack check aborts.

    @Test
    void arraysParseToTheCoresDepthAndNoFurther() {
        assertTrue(CoreJson.parse(nest("[", "", "]", 1631)) instanceof List);
        CoreJson.ParseException e = assertThrows(CoreJson.ParseException.class, () -> CoreJson.parse(nest("[", "", "]", 1632)));
        assertEquals("Nested deeper than 1631 levels at offset 1631 (the core's stack overflows)", e.getMessage());
        // under a root object (a config's or user's unknown field): one level is the root
        assertTrue(CoreJson.parse("{\"zz\":" + nest("[", "", "]", 1630) + "}") instanceof Map);
        assertThrows(CoreJson.ParseException.class, () -> CoreJson.parse("{\"zz\":" + nest("[", "", "]", 1631) + "}"));
        // a primitive counts as a level, as an empty array does
        assertTrue(CoreJson.parse(nest("[", "1", "]", 1630)) instanceof List);
        assertThrows(CoreJson.ParseException.class, () -> CoreJson.parse(nest("[", "1", "]", 1631)));
    }

    @Test
    void anObjectsMembersGetOneLevelLess() {
        assertTrue(CoreJson.parse(nest("{\"a\":", "1", "}", 1629)) instanceof Map);
        CoreJson.ParseException e = assertThrows(CoreJson.ParseException.class,
                () -> CoreJson.parse(nest("{\"a\":", "1", "}", 1630)));
        assertTrue(e.getMessage().startsWith("Nested deeper than 1630 levels at offset "), e.getMessage());
        // a member that does not parse still costs the core its call
        assertThrows(CoreJson.ParseException.class, () -> CoreJson.parse(nest("{\"a\":", "", "}", 1630)));
    }

    @Test
    void anEntryPointWithMoreStackTakesOneLevelMore() {
        assertTrue(CoreJson.parse(nest("[", "", "]", 1632), 1632) instanceof List);
        assertThrows(CoreJson.ParseException.class, () -> CoreJson.parse(nest("[", "", "]", 1633), 1632));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arrays", "objects", "unclosed"})
    void tenThousandLevelsAreAParseErrorOnASmallThreadStack(String shape) throws Exception {
        String json = shape.equals("arrays") ? nest("[", "", "]", 10_000)
                : shape.equals("objects") ? nest("{\"a\":", "1", "}", 10_000) : "[".repeat(10_000);
        Throwable[] thrown = new Throwable[1];
        // 64 KiB: the parser keeps its open containers on the heap, not on the thread's stack
        Thread t = new Thread(null, () -> {
            try {
                CoreJson.parse(json);
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "small-stack", 64 * 1024);
        t.start();
        t.join();
        assertTrue(thrown[0] instanceof CoreJson.ParseException, String.valueOf(thrown[0]));
    }

    @Test
    void writesTheDeepestValueItReadsOnASmallThreadStack() throws Exception {
        String json = nest("[{\"a\":", "1", "}]", 814);
        Object value = CoreJson.parse(json);
        String[] written = new String[1];
        Thread t = new Thread(null, () -> written[0] = CoreJsonWriter.write(value), "small-stack", 64 * 1024);
        t.start();
        t.join();
        assertEquals(json, written[0]);
    }

    private static String nest(String open, String inner, String close, int depth) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }
}

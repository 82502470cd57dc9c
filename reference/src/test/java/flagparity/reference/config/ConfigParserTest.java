package flagparity.reference.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import flagparity.reference.api.CoreVersion;

import com.fasterxml.jackson.databind.JsonNode;
import flagparity.reference.api.ConfigException;
import flagparity.reference.api.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Config validation. {@code oracle/config-validation.jsonl} holds mutations of
 * {@code configs/single-target.json} with whether the core accepted each (core 1.32.0 via node:
 * setConfigDataUTF8 on a fresh instance; a rejection is an abort, its message recorded).
 */
class ConfigParserTest {

    @TestFactory
    List<DynamicTest> acceptsExactlyWhatTheCoreAccepts() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : resource("oracle/config-validation.jsonl").split("\n")) {
            JsonNode row = JsonCodec.mapper().readTree(line);
            String config = row.get("config").asText();
            boolean accepted = row.get("accepted").asBoolean();
            tests.add(DynamicTest.dynamicTest(row.get("name").asText() + (accepted ? " is accepted" : " is rejected"), () -> {
                if (accepted) {
                    assertNotNull(ConfigParser.parse(config, CoreRules.of(CoreVersion.V1_32_0)));
                } else {
                    ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(config, CoreRules.of(CoreVersion.V1_32_0)));
                    assertTrue(e.getMessage().length() > 10, e.getMessage());
                }
            }));
        }
        assertEquals(71, tests.size());
        return tests;
    }

    @Test
    void namesWhereTheProblemIs() {
        String config = resource("configs/single-target.json")
                .replace("\"__AUDIENCE__\"", "{\"operator\":\"and\",\"filters\":[{\"type\":\"user\",\"subType\":\"email\",\"comparator\":\"=\",\"values\":[null]}]}")
                .replace("\"__AUDIENCES__\"", "{}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(config, CoreRules.of(CoreVersion.V1_32_0)));
        assertEquals("features[0].configuration.targets[0]._audience.filters.filters[0]: Filter values of unknown type. null",
                e.getMessage());
    }

    // Nesting limits: core 1.32.0 (node and wasmtime), setConfigDataUTF8; one step past each, the
    // core's shadow-stack check aborts while it builds the config's classes.

    @Test
    void operatorsNestAsDeepAsTheCoreBuildsThem() {
        String all = "{\"type\":\"all\"}";
        String email = "{\"type\":\"user\",\"subType\":\"email\",\"comparator\":\"=\",\"values\":[\"a@b.c\"]}";
        String empty = "{\"operator\":\"or\",\"filters\":[]}";
        assertBuilt(target(operators(576, all)));
        assertTooDeep(target(operators(577, all)));
        assertBuilt(target(operators(575, email)));
        assertTooDeep(target(operators(576, email)));
        assertBuilt(target(operators(576, empty)));
        assertTooDeep(target(operators(577, empty)));
        // the config's audiences are built three operators shallower
        assertBuilt(audience(operators(579, all)));
        assertTooDeep(audience(operators(580, all)));
    }

    @Test
    void aFilterValueOfAnotherTypeIsWrittenIntoAWarning() {
        // the core writes the array into "Filter values must be all of the same type"
        assertBuilt(target(operators(1, emailValues("\"a\"," + arrays(575)))));
        assertTooDeep(target(operators(1, emailValues("\"a\"," + arrays(576)))));
        assertBuilt(target(operators(100, emailValues("\"a\"," + arrays(476)))));
        assertTooDeep(target(operators(100, emailValues("\"a\"," + arrays(477)))));
        assertBuilt(target(operators(1, emailValues("\"a\"," + "{\"a\":".repeat(619) + "1" + "}".repeat(619)))));
        assertTooDeep(target(operators(1, emailValues("\"a\"," + "{\"a\":".repeat(620) + "1" + "}".repeat(620)))));
        // nothing else in a filter is written
        assertBuilt(target(operators(1, emailValues("\"a\"").replace("]}", "],\"zz\":" + arrays(900) + "}"))));
    }

    private static String operators(int depth, String innermost) {
        return "{\"operator\":\"and\",\"filters\":[".repeat(depth) + innermost + "]}".repeat(depth);
    }

    private static String emailValues(String values) {
        return "{\"type\":\"user\",\"subType\":\"email\",\"comparator\":\"=\",\"values\":[" + values + "]}";
    }

    private static String arrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String target(String operator) {
        return resource("configs/single-target.json").replace("\"__AUDIENCE__\"", operator).replace("\"__AUDIENCES__\"", "{}");
    }

    private static String audience(String operator) {
        return resource("configs/single-target.json").replace("\"__AUDIENCE__\"", "{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}")
                .replace("\"__AUDIENCES__\"", "{\"a1\":{\"filters\":" + operator + "}}");
    }

    private static void assertBuilt(String config) {
        assertNotNull(ConfigParser.parse(config, CoreRules.of(CoreVersion.V1_32_0)));
    }

    private static void assertTooDeep(String config) {
        String message = assertThrows(ConfigException.class, () -> ConfigParser.parse(config, CoreRules.of(CoreVersion.V1_32_0))).getMessage();
        assertTrue(message.endsWith("too deeply for the core's stack (it aborts)") && message.length() < 300, message);
    }

    @Test
    void rejectsNull() {
        assertThrows(ConfigException.class, () -> ConfigParser.parse(null, CoreRules.of(CoreVersion.V1_32_0)));
    }

    private static String resource(String name) {
        try (InputStream in = ConfigParserTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

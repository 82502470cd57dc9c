package flagparity.reference.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import flagparity.reference.api.ConfigException;
import flagparity.reference.json.JsonCodec;
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
                    assertNotNull(ConfigParser.parse(config));
                } else {
                    ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(config));
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
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(config));
        assertEquals("features[0].configuration.targets[0]._audience.filters.filters[0]: Filter values of unknown type. null",
                e.getMessage());
    }

    @Test
    void rejectsNull() {
        assertThrows(ConfigException.class, () -> ConfigParser.parse(null));
    }

    private static String resource(String name) {
        try (InputStream in = ConfigParserTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package flagparity.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every variable and bucketed config of {@code configs/features.json} for 14 users, against the
 * core's recorded answers in {@code oracle/features-expected.jsonl} (core 1.32.0 via node:
 * variableForUser and generateBucketedConfigForUser on a fresh instance per call, platform data of
 * {@link TestConfigs#PLATFORM}; see oracle/README.md). Bucketed configs must match byte for byte.
 */
class RecordedAnswersTest {

    @TestFactory
    List<DynamicTest> answersAsTheCore() throws Exception {
        ReferenceEvaluator evaluator = TestConfigs.evaluator(TestConfigs.resource("configs/features.json"));
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : TestConfigs.resource("oracle/features-expected.jsonl").split("\n")) {
            JsonNode row = JsonCodec.mapper().readTree(line);
            User user = JsonCodec.parseUser(row.get("user").asText());
            if (row.has("bucketed")) {
                String expected = row.get("bucketed").asText();
                tests.add(DynamicTest.dynamicTest("bucketed " + row.get("user").asText(),
                        () -> assertEquals(expected, answer(() -> evaluator.bucketedConfig(user)))));
            } else {
                String key = row.get("key").asText();
                VariableType type = VariableType.fromIndex(row.get("type").asInt());
                String core = row.get("core").isNull() ? null : row.get("core").asText();
                String expected = core == null ? "null"
                        : core.startsWith("ERROR: ") ? core : JsonCodec.writeVariable(JsonCodec.parseVariable(core));
                tests.add(DynamicTest.dynamicTest(key + " " + type + " " + row.get("user").asText(), () -> assertEquals(
                        expected, answer(() -> {
                            Variable v = evaluator.variable(user, key, type);
                            return v == null ? "null" : JsonCodec.writeVariable(v);
                        }))));
            }
        }
        if (tests.size() != 182) fail("expected 182 recorded answers, found " + tests.size());
        return tests;
    }

    private static String answer(java.util.function.Supplier<String> call) {
        try {
            return call.get();
        } catch (EvaluationException e) {
            return "ERROR: " + e.getMessage();
        }
    }
}

package flagparity.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.config.CoreRules;

import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.User;
import flagparity.reference.api.VariableType;
import flagparity.reference.config.ConfigParser;
import flagparity.reference.eval.Rollout;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rollouts. Expected values: core 1.32.0 via node, export doesUserPassRolloutFromJSON(rollout, hash)
 * with Date.now pinned to the given epoch ms (null: the core aborts); whole evaluations: variableForUser.
 */
class RolloutTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("{\"type\":\"schedule\",\"startDate\":\"2024-01-10T00:00:00.000Z\"}", 0.99, 1704844800000L, true),
                Arguments.of("{\"type\":\"schedule\",\"startDate\":\"2024-01-10T00:00:00.001Z\"}", 0.0, 1704844800000L, false),
                Arguments.of("{\"type\":\"schedule\",\"startDate\":\"2024-01-10T00:00:00.001Z\"}", 0.0, 1704844800001L, true),
                Arguments.of("{\"type\":\"schedule\",\"startDate\":\"2024-01-09T00:00:00.000Z\",\"startPercentage\":0}", 1.0, 1704844800000L, true),
                Arguments.of("{\"type\":\"gradual\",\"startDate\":\"2024-01-09T00:00:00.000Z\",\"startPercentage\":0.3}", 0.3, 1704844800000L, true),
                Arguments.of("{\"type\":\"gradual\",\"startDate\":\"2024-01-09T00:00:00.000Z\",\"startPercentage\":0.3}", 0.31, 1704844800000L, false),
                Arguments.of("{\"type\":\"gradual\",\"startDate\":\"2024-01-09T00:00:00.000Z\"}", 1.0, 1704844800000L, true),
                Arguments.of("{\"type\":\"gradual\",\"startDate\":\"2024-01-10T00:00:00.000Z\",\"startPercentage\":0.3}", 0.1, 1704844800000L, false),
                Arguments.of("{\"type\":\"gradual\",\"startDate\":\"2024-01-09T00:00:00.000Z\",\"startPercentage\":0.2,\"stages\":[{\"type\":\"linear\",\"date\":\"2024-01-11T00:00:00.000Z\",\"percentage\":0.8}]}", 0.39, 1704844800000L, true),
                Arguments.of("{\"type\":\"gradual\",\"startDate\":\"2024-01-09T00:00:00.000Z\",\"startPercentage\":0.2,\"stages\":[{\"type\":\"linear\",\"date\":\"2024-01-11T00:00:00.000Z\",\"percentage\":0.8}]}", 0.41, 1704844800000L, false),
                Arguments.of("{\"type\":\"stepped\",\"startDate\":\"2024-01-09T00:00:00.000Z\",\"startPercentage\":0.2,\"stages\":[{\"type\":\"discrete\",\"date\":\"2024-01-11T00:00:00.000Z\",\"percentage\":0.8}]}", 0.2, 1704844800000L, true),
                Arguments.of("{\"type\":\"stepped\",\"startDate\":\"2024-01-09T00:00:00.000Z\",\"startPercentage\":0.2,\"stages\":[{\"type\":\"discrete\",\"date\":\"2024-01-11T00:00:00.000Z\",\"percentage\":0.8}]}", 0.21, 1704844800000L, false),
                Arguments.of("{\"type\":\"gradual\",\"startDate\":\"2024-01-09T00:00:00.000Z\",\"startPercentage\":0.2,\"stages\":[{\"type\":\"linear\",\"date\":\"2024-01-10T00:00:00.000Z\",\"percentage\":0.8},{\"type\":\"linear\",\"date\":\"2024-01-12T00:00:00.000Z\",\"percentage\":1}]}", 0.01, 1704844800000L, false),
                Arguments.of("{\"type\":\"gradual\",\"startDate\":\"2024-01-09T00:00:00.000Z\",\"startPercentage\":0.2,\"stages\":[{\"type\":\"linear\",\"date\":\"2024-01-10T00:00:00.000Z\",\"percentage\":0.8},{\"type\":\"linear\",\"date\":\"2024-01-12T00:00:00.000Z\",\"percentage\":1}]}", 0.01, 1704848400000L, true),
                Arguments.of("{\"type\":\"gradual\",\"startDate\":\"2024-01-09T00:00:00.000Z\",\"stages\":[{\"type\":\"discrete\",\"date\":\"2024-01-09T12:00:00.000Z\",\"percentage\":0.6},{\"type\":\"discrete\",\"date\":\"2024-01-08T00:00:00.000Z\",\"percentage\":0.1}]}", 0.5, 1704844800000L, false),
                Arguments.of("{\"type\":\"gradual\",\"startDate\":\"2024-01-11T00:00:00.000Z\",\"startPercentage\":1,\"stages\":[{\"type\":\"linear\",\"date\":\"2024-01-12T00:00:00.000Z\",\"percentage\":1}]}", 0.0, 1704844800000L, false),
                Arguments.of("{\"type\":\"gradual\",\"startDate\":\"2024-01-09T00:00:00.000Z\",\"startPercentage\":0.5,\"stages\":[{\"type\":\"linear\",\"date\":\"2024-01-11T00:00:00.000Z\",\"percentage\":1}]}", 0.49, 1704844800000L, true),
                Arguments.of("{\"type\":\"gradual\",\"startDate\":\"2024-01-09T00:00:00.000Z\",\"startPercentage\":0.5,\"stages\":[{\"type\":\"linear\",\"date\":\"2024-01-11T00:00:00.000Z\",\"percentage\":1}]}", 0.51, 1704844800000L, false),
                Arguments.of("{\"type\":\"gradual\",\"startDate\":\"2024-01-09T00:00:00.000Z\",\"startPercentage\":--1}", 0.5, 1704844800000L, null),
                Arguments.of("{\"type\":\"gradual\",\"startDate\":\"2024-01-11T00:00:00.000Z\",\"startPercentage\":--1}", 0.5, 1704844800000L, false));
    }

    @ParameterizedTest(name = "{0} hash {1} at {2}: {3}")
    @MethodSource("cases")
    void passesAsTheCore(String rolloutJson, double hash, long now, Boolean expected) {
        Rollout rollout = ConfigParser.parse(withRollout(rolloutJson), CoreRules.of(CoreVersion.V1_32_0)).feature(0).target(0).rollout();
        if (expected == null) {
            assertThrows(EvaluationException.class, () -> rollout.percentage(now));
        } else {
            assertEquals(expected, Rollout.passes(hash, rollout.percentage(now)));
        }
    }

    /** A target whose rollout is at 0% now (it starts tomorrow), then a target for everyone. */
    private static String twoTargets(boolean disablePassthrough) {
        String rolledOut = "{\"_id\":\"t0\",\"rollout\":{\"type\":\"schedule\",\"startDate\":\"2024-06-16T00:00:00.000Z\"},"
                + "\"_audience\":{\"filters\":{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}},"
                + "\"distribution\":[{\"_variation\":\"on\",\"percentage\":1}]},";
        return TestConfigs.singleTarget("{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}", "{}")
                .replace("\"targets\": [", "\"targets\": [" + rolledOut)
                .replace("\"disablePassthroughRollouts\": false", "\"disablePassthroughRollouts\": " + disablePassthrough);
    }

    @Test
    void passthroughRolloutsFallThroughToTheNextTarget() {
        // core 1.32.0 via node: variableForUser(flag) on this config at 2024-06-15T12:00Z serves true
        User user = User.builder("u1").build();
        assertEquals(Boolean.TRUE, TestConfigs.evaluator(twoTargets(false)).variable(user, "flag", VariableType.Boolean).value());
    }

    @Test
    void withoutPassthroughTheMatchedTargetsRolloutDecides() {
        // core 1.32.0 via node: variableForUser(flag) on this config at 2024-06-15T12:00Z returns null
        User user = User.builder("u1").build();
        assertEquals(null, TestConfigs.evaluator(twoTargets(true)).variable(user, "flag", VariableType.Boolean));
    }

    private static String withRollout(String rolloutJson) {
        return TestConfigs.singleTarget("{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}", "{}")
                .replace("\"distribution\":", "\"rollout\": " + rolloutJson + ", \"distribution\":");
    }
}

package flagparity.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.JsonCodec;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.wasm.WasmEngine;
import flagparity.wasm.engine.Engine;
import flagparity.workloads.SeededWorkload;
import flagparity.workloads.Workloads;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the benchmarks measure is what is proven: the seeded generator's configs (the benchmarks' named
 * workloads are its sizes at {@link SeededWorkload#SEED}) answer the same on the reference as on the
 * real core (chicory-aot over JSON), for every variable, several users and both core versions; and so
 * do its configs at other seeds.
 */
class SeededWorkloadParityProperties {
    /** Mid-2027: some of the generated rollouts (dated 2023 to 2031) have started, some have not. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final List<Integer> USERS = List.of(0, 3, 8, 20);

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "large"})
    void theNamedWorkloadsAnswerAsTheCore(String name) {
        for (CoreVersion core : CoreVersion.values()) {
            int served = assertSameAnswers(Workloads.config(name), core, USERS);
            assertTrue(served > 0, name + " on " + core + ": only nulls compared");
        }
    }

    @Property(tries = 10)
    void otherSeedsAnswerAsTheCore(@ForAll long seed, @ForAll @IntRange(min = 0, max = 24) int customDataKeys) {
        String config = SeededWorkload.generate(SeededWorkload.Size.SMALL, seed);
        assertSameAnswers(config, CoreVersion.newest(), List.of(0, customDataKeys));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "large"})
    void theDefaultKeyIsServedToTheBenchmarksUsers(String name) {
        try (Evaluator core = open(WasmEngine.of(Engine.CHICORY_AOT).id(), CoreVersion.newest())) {
            core.setConfig(Workloads.config(name));
            for (int keys : USERS) {
                Variable v = core.variable(Workloads.user(keys), Workloads.DEFAULT_KEY, VariableType.Boolean);
                assertNotNull(v, name + " user(" + keys + ")");
                assertEquals(Boolean.TRUE, v.value());
            }
        }
    }

    /** Every variable of {@code config} for each user, on the core and the reference; the count served. */
    private static int assertSameAnswers(String config, CoreVersion version, List<Integer> users) {
        List<JsonNode> variables = variables(config);
        int served = 0;
        try (Evaluator core = open(WasmEngine.of(Engine.CHICORY_AOT).id(), version);
                Evaluator reference = open(Engines.reference().id(), version)) {
            core.setConfig(config);
            reference.setConfig(config);
            for (int keys : users) {
                User user = Workloads.user(keys);
                for (JsonNode v : variables) {
                    String key = v.path("key").asText();
                    VariableType type = VariableType.parse(v.path("type").asText());
                    Variable want = core.variable(user, key, type);
                    assertEquals(want, reference.variable(user, key, type), key + " for user(" + keys + ") on " + version);
                    served += want == null ? 0 : 1;
                }
            }
        }
        return served;
    }

    private static Evaluator open(String engine, CoreVersion version) {
        EngineSettings.Builder s = EngineSettings.builder().coreVersion(version).clock(CLOCK);
        if (!Engines.get(engine).codecs().isEmpty()) {
            s.codec("json");
        }
        return Engines.create(engine, s.build());
    }

    private static List<JsonNode> variables(String config) {
        List<JsonNode> out = new ArrayList<>();
        try {
            JsonCodec.mapper().readTree(config).path("variables").forEach(out::add);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the generated config is not JSON", e);
        }
        return out;
    }
}

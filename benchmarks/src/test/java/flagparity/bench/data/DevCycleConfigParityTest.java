package flagparity.bench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import flagparity.bench.jmh.CoreChoice;
import flagparity.bench.jmh.Lookup;
import flagparity.workloads.Workloads;
import flagparity.bench.jmh.LookupCase;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EngineDescriptor;
import flagparity.reference.api.Engines;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference answers as the real core on DevCycle's own large test config: every variable of it,
 * for the users of the {@code dvc-*} lookup cases and a user with an id only, on every core version
 * (the core on Chicory's build-time compiler, over its JSON entry point).
 */
class DevCycleConfigParityTest {

    @ParameterizedTest
    @EnumSource(CoreVersion.class)
    void theReferenceAnswersAsTheCoreForEveryVariableAndUser(CoreVersion core) throws Exception {
        String config = Workloads.config(Workloads.DEVCYCLE_LARGE);
        Set<String> users = new LinkedHashSet<>(List.of("{\"user_id\":\"12345\"}"));
        LookupCase.DEVCYCLE.forEach(c -> users.add(c.user()));
        List<String> keys = new ArrayList<>();
        List<VariableType> types = new ArrayList<>();
        for (JsonNode v : JsonCodec.mapper().readTree(config).path("variables")) {
            keys.add(v.path("key").asText());
            types.add(VariableType.parse(v.path("type").asText()));
        }
        int served = 0;
        try (Evaluator real = open("chicory-aot", core); Evaluator reference = open("reference", core)) {
            real.setConfig(config);
            reference.setConfig(config);
            for (String json : users) {
                User user = JsonCodec.parseUser(json);
                for (int i = 0; i < keys.size(); i++) {
                    Variable want = real.variable(user, keys.get(i), types.get(i));
                    assertEquals(want, reference.variable(user, keys.get(i), types.get(i)), keys.get(i) + " for " + json + " on " + core);
                    served += want == null ? 0 : 1;
                }
            }
        }
        assertTrue(served > keys.size(), "most lookups are served, not only nulls compared: " + served);
    }

    private static Evaluator open(String engine, CoreVersion core) {
        EngineDescriptor d = Engines.get(engine);
        return Engines.create(engine, Lookup.settings(d, "json", "mutex", 1).coreVersion(core).build());
    }

    @ParameterizedTest
    @EnumSource(CoreVersion.class)
    void theCustomDataCaseIsServedThroughItsCustomData(CoreVersion core) {
        LookupCase c = LookupCase.byId("dvc-v-key-80-5cd");
        try (Lookup lookup = Lookup.open("reference", "json", "mutex", 0, c, CoreChoice.of(core))) {
            Variable served = lookup.call();
            assertNotNull(served);
            assertEquals("Custom Data -> data-key-6", served.eval().details());
            User without = User.builder(lookup.user().userId()).email(lookup.user().email()).build();
            Variable other = lookup.evaluator().variable(without, c.key(), lookup.type());
            assertNotEquals(served.eval().targetId(), other.eval().targetId(), "without its customData the next target serves");
        }
    }
}

package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.wasm.engine.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GraalWasm runs the core and answers as Chicory does, on every codec and both concurrency modes (a
 * handwritten config; the generated comparisons are parity-tests' properties, which take graalwasm
 * from the registry on JDK 21+).
 */
class GraalWasmAgreementTest {
    private static final String CONFIG = "{\"project\":{\"_id\":\"p\",\"key\":\"p\",\"a0_organization\":\"o\","
            + "\"settings\":{}},\"environment\":{\"_id\":\"e\",\"key\":\"e\"},\"audiences\":{},"
            + "\"features\":[{\"_id\":\"f\",\"key\":\"f\",\"type\":\"release\",\"variations\":["
            + "{\"_id\":\"v1\",\"key\":\"v1\",\"name\":\"v1\",\"variables\":[{\"_var\":\"x\",\"value\":true},"
            + "{\"_var\":\"y\",\"value\":\"hello\"}]},"
            + "{\"_id\":\"v2\",\"key\":\"v2\",\"name\":\"v2\",\"variables\":[{\"_var\":\"x\",\"value\":false},"
            + "{\"_var\":\"y\",\"value\":\"bye\"}]}],"
            + "\"configuration\":{\"_id\":\"c\",\"targets\":[{\"_id\":\"t\",\"_audience\":{\"_id\":\"a\","
            + "\"filters\":{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}},"
            + "\"distribution\":[{\"_variation\":\"v1\",\"percentage\":0.5},{\"_variation\":\"v2\",\"percentage\":0.5}]}]}}],"
            + "\"variables\":[{\"_id\":\"x\",\"key\":\"flag-x\",\"type\":\"Boolean\"},"
            + "{\"_id\":\"y\",\"key\":\"flag-y\",\"type\":\"String\"}]}";

    @Test
    void answersAsChicoryOnEveryCodecAndConcurrency() {
        List<User> users = List.of(User.builder("a").build(), User.builder("b").email("b@x").build(),
                User.builder("c").customData(java.util.Map.of("k", 1L)).build());
        for (Concurrency concurrency : Concurrency.values()) {
            for (Codec codec : Codec.values()) {
                try (WasmEvaluator graal = WasmEvaluator.builder().engine(Engine.GRAALWASM).codec(codec)
                                .concurrency(concurrency).poolSize(2).build();
                        WasmEvaluator chicory = WasmEvaluator.builder().engine(Engine.CHICORY_AOT).codec(codec).build()) {
                    graal.setConfig(CONFIG);
                    chicory.setConfig(CONFIG);
                    for (User u : users) {
                        for (String key : List.of("flag-x", "flag-y", "missing")) {
                            for (VariableType type : List.of(VariableType.Boolean, VariableType.String)) {
                                Variable want = chicory.variable(u, key, type);
                                assertEquals(want, graal.variable(u, key, type), codec + " " + concurrency + " " + key);
                                assertEquals(want, graal.forUser(u).variable(key, type), codec + " bound " + key);
                            }
                        }
                        assertNotNull(graal.variable(u, "flag-x", VariableType.Boolean));
                    }
                }
            }
        }
    }
}

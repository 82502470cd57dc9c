package flagparity.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import flagparity.parity.oracle.Case;
import flagparity.parity.oracle.CoreOracle;
import flagparity.parity.oracle.MutableClock;
import flagparity.parity.oracle.Outcome;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.JsonCodec;
import flagparity.reference.api.VariableType;
import flagparity.reference.config.CoreRules;
import flagparity.wasm.engine.Engine;
import flagparity.workloads.gen.Pools;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A feature whose {@code _id} is empty (CI's EngineParityProperties drew one): core 1.42.8 still
 * writes {@code "_feature":""}, in a variable and in the bucketed config's variables, and its
 * protobuf answer carries the empty id too. The reference and every codec must keep it, not drop it.
 */
class EmptyFeatureIdTest {
    private static final String CONFIG = "{\"project\":{\"_id\":\"p\",\"key\":\"p\",\"a0_organization\":\"o\",\"settings\":{}},"
            + "\"environment\":{\"_id\":\"e\",\"key\":\"e\"},\"audiences\":{},"
            + "\"variables\":[{\"_id\":\"v1\",\"type\":\"Boolean\",\"key\":\"k\"}],"
            + "\"features\":[{\"_id\":\"\",\"type\":\"release\",\"key\":\"f\",\"variations\":[{\"_id\":\"a\",\"name\":\"n\","
            + "\"key\":\"vk\",\"variables\":[{\"_var\":\"v1\",\"value\":true}]}],\"configuration\":{\"_id\":\"c\",\"targets\":["
            + "{\"_id\":\"t\",\"_audience\":{\"_id\":\"au\",\"filters\":{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}},"
            + "\"distribution\":[{\"_variation\":\"a\",\"percentage\":1}]}]}}]}";
    private static final String PLATFORM = "{\"platform\":\"Java\",\"platformVersion\":\"17\",\"sdkType\":\"server\","
            + "\"sdkVersion\":\"2.6.0\",\"hostname\":\"h\"}";
    private static final String USER = "{\"user_id\":\"u\"}";
    private static MutableClock clock;
    private static Map<CoreVersion, CoreOracle> cores;

    @BeforeAll
    static void open() {
        clock = new MutableClock(Pools.T0);
        cores = CoreOracle.perVersion(Engine.CHICORY_AOT, clock);
    }

    @AfterAll
    static void close() {
        cores.values().forEach(CoreOracle::close);
    }

    @ParameterizedTest
    @EnumSource(CoreVersion.class)
    void theReferenceAnswersAsTheCore(CoreVersion version) {
        Case variable = Case.variable(CONFIG, Pools.T0, PLATFORM, USER, "k", VariableType.Boolean).on(version);
        Outcome core = variable.core(cores.get(version), clock);
        assertEquals(CoreRules.of(version).writesEvalReason() ? "" : null, core.tree().path("_feature").textValue(), core.text());
        assertEquals(core.tree(), variable.reference(clock).tree());
        Case bucketed = Case.bucketedConfig(CONFIG, Pools.T0, PLATFORM, USER).on(version);
        assertEquals(bucketed.core(cores.get(version), clock).tree(), bucketed.reference(clock).tree());
    }

    @ParameterizedTest
    @EnumSource(CoreVersion.class)
    void everyCodecKeepsTheEmptyId(CoreVersion version) throws Exception {
        Outcome core = Case.variable(CONFIG, Pools.T0, PLATFORM, USER, "k", VariableType.Boolean).on(version)
                .core(cores.get(version), clock);
        for (String codec : Engines.get("chicory-aot").codecs()) {
            EngineSettings s = EngineSettings.builder().coreVersion(version).codec(codec).fixedBuild(true).clock(clock)
                    .platformData(JsonCodec.parsePlatformData(PLATFORM)).build();
            try (Evaluator e = Engines.create("chicory-aot", s)) {
                e.setConfig(CONFIG);
                Outcome got = Outcome.variable(e.variable(JsonCodec.parseUser(USER), "k", VariableType.Boolean));
                assertNotNull(got.tree(), codec);
                assertEquals(core.tree(), got.tree(), codec + " on " + version + "-d7fix");
            }
        }
    }
}

package flagparity.reference;

import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.PlatformData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test configs and an evaluator set up as the oracle runs were: the same platform data, a fixed clock. */
final class TestConfigs {
    /** The platform data every oracle run set with setPlatformDataUTF8. */
    static final PlatformData PLATFORM = new PlatformData("Java", "17.0.2", "server", "2.6.0", null, "h");

    /** 2024-06-15T12:00:00Z, the clock of oracle runs that did not say otherwise. */
    static final long NOW = 1718452800000L;

    private TestConfigs() {}

    static String resource(String name) {
        try (InputStream in = TestConfigs.class.getResourceAsStream("/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** configs/single-target.json with its audience operator and audiences filled in. */
    static String singleTarget(String audienceOperator, String audiences) {
        return resource("configs/single-target.json")
                .replace("\"__AUDIENCE__\"", audienceOperator)
                .replace("\"__AUDIENCES__\"", audiences);
    }

    static ReferenceEvaluator evaluator(String config) {
        return evaluator(config, NOW);
    }

    static ReferenceEvaluator evaluator(String config, long nowMillis) {
        ReferenceEvaluator e = new ReferenceEvaluator(CoreVersion.V1_32_0, PLATFORM, Clock.fixed(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC));
        if (config != null) e.setConfig(config);
        return e;
    }
}

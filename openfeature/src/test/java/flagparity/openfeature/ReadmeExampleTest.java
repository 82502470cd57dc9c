package flagparity.openfeature;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The README's example, as written, against a local CDN: {@link #example} holds its lines (with the
 * CDN's URI in place of {@code https://config-cdn.example}), and both READMEs must hold them.
 */
class ReadmeExampleTest {
    private static final String EXAMPLE_URI = "https://config-cdn.example";

    @Test
    void theExampleServesAFlag() throws Exception {
        try (ConfigServer server = new ConfigServer()) {
            server.serve(Fixtures.config("config-a.json").replace("\"bool-var\"", "\"v-key-25\""), "\"a\"", null);
            assertTrue(example(server.uri().toString(), new ImmutableContext("user-1")));
        } finally {
            OpenFeatureAPI.getInstance().setProviderAndWait(new NoOpProvider());
        }
    }

    // README example begins
    static boolean example(String cdn, EvaluationContext context) {
        FlagparityProvider provider = FlagparityProvider.builder()
                .sdkKey("dvc_server_...")
                .cdnUri(URI.create(cdn))
                .pollInterval(Duration.ofSeconds(30))
                .build();
        OpenFeatureAPI.getInstance().setProviderAndWait(provider);
        boolean on = OpenFeatureAPI.getInstance().getClient().getBooleanValue("v-key-25", false, context);
        return on;
    }
    // README example ends

    @Test
    void bothReadmesHoldTheExample() throws IOException {
        String source = Files.readString(Path.of("src/test/java/flagparity/openfeature/ReadmeExampleTest.java"));
        String block = source.substring(source.indexOf("// README example begins"), source.indexOf("// README example ends"));
        for (Path readme : new Path[] {Path.of("README.md"), Path.of("../README.md")}) {
            String text = squash(Files.readString(readme, StandardCharsets.UTF_8).replaceAll("(?<=[\\s)])//[^\\n]*", ""));
            for (String line : block.split("\n")) {
                String code = line.strip();
                if (code.startsWith("FlagparityProvider") || code.startsWith(".") || code.startsWith("OpenFeatureAPI")
                        || code.startsWith("boolean on")) {
                    String expected = squash(code.replace("URI.create(cdn)", "URI.create(\"" + EXAMPLE_URI + "\")"));
                    assertTrue(text.contains(expected), readme + " lacks: " + code);
                }
            }
        }
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }
}

package flagparity.openfeature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ProviderEvent;
import dev.openfeature.sdk.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A watched config file, through OpenFeature's client: new content in, broken content rejected. */
class FileWatchTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final EvaluationContext USER = new ImmutableContext("user-1", Map.of("plan", new Value("pro")));

    @TempDir
    Path dir;

    @Test
    void newContentIsSwappedInAndBrokenContentKeepsTheOldConfig() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, Fixtures.config("config-a.json"), StandardCharsets.UTF_8);
        try (Fixtures.Domain domain = new Fixtures.Domain()) {
            domain.start(FlagparityProvider.builder().configFile(file).build());
            assertEquals("beta-a", domain.client.getStringValue("beta-var", "none", USER));

            Files.writeString(file, "{\"project\": ", StandardCharsets.UTF_8);
            Fixtures.Event error = domain.await(ProviderEvent.PROVIDER_ERROR, WAIT);
            assertTrue(error.details().getMessage().contains("rejected"), error.details().getMessage());
            assertEquals("beta-a", domain.client.getStringValue("beta-var", "none", USER));

            // written elsewhere and renamed into place, as editors and config mounts do
            Path next = dir.resolve("config.json.tmp");
            Files.writeString(next, Fixtures.config("config-b.json"), StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Fixtures.Event changed = domain.await(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED, WAIT);
            assertEquals(List.of("beta-var"), changed.details().getFlagsChanged());
            assertEquals("beta-b", domain.client.getStringValue("beta-var", "none", USER));
        }
    }

    @Test
    void aMissingFileFailsInitialization() {
        FlagparityProvider provider = FlagparityProvider.builder().configFile(dir.resolve("absent.json"))
                .initTimeout(Duration.ofMillis(300)).build();
        try (Fixtures.Domain domain = new Fixtures.Domain()) {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> domain.start(provider));
            assertTrue(e.getMessage().contains("absent.json"), e.getMessage());
        }
    }
}

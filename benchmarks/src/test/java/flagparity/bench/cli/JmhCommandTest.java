package flagparity.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flagparity.bench.jmh.CoreChoice;

import flagparity.reference.api.EngineDescriptor;
import flagparity.reference.api.Engines;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JmhCommandTest {
    private static final String AVAILABLE = Engines.all().stream().filter(d -> d.availability().isAvailable())
            .map(EngineDescriptor::id).collect(Collectors.joining(","));

    @Test
    void withoutAnEngineEveryAvailableEngineIsAsked() {
        assertEquals(List.of("VariableBenchmark", "-p", "engine=" + AVAILABLE),
                JmhCommand.withEngines(List.of("VariableBenchmark")));
    }

    @Test
    void allIsExpandedInPlaceAndNamedEnginesStay() {
        String reference = Engines.reference().id();
        assertEquals(List.of("-p", "engine=" + AVAILABLE, "-f", "1"),
                JmhCommand.withEngines(List.of("-p", "engine=" + reference + ",all", "-f", "1")));
        assertEquals(List.of("X", "-p", "engine=" + reference), JmhCommand.withEngines(List.of("X", "-p", "engine=" + reference)));
    }

    @Test
    void everyCoreBuildIsAcceptedAndAMisspeltOneIsRefusedNamingTheChoices() {
        List<String> ids = new CoreChoice.Ids();
        assertTrue(ids.containsAll(List.of("1.32.0", "1.32.0-d7fix", "1.42.8", "1.42.8-d7fix", CoreChoice.NEWEST)), ids.toString());
        JmhCommand.checkCores(List.of("SpreadBenchmark", "-p", "core=" + String.join(",", ids), "-f", "1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhCommand.checkCores(List.of("-p", "core=1.32.0,1.32.0-fixed")));
        assertTrue(e.getMessage().contains("\"1.32.0-fixed\"") && e.getMessage().contains(String.join(", ", ids)),
                e.getMessage());
    }
}

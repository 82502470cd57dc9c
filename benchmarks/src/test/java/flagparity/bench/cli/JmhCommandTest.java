package flagparity.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

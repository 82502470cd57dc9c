package flagparity.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartUpTest {
    private static JmhRow curve(List<List<Double>> forks) {
        return new JmhRow("flagparity.bench.jmh.WarmUpBenchmark.variable", "avgt", 1, Map.of("engine", "reference"),
                new Metric(1, 0.1, "us/op"), null, forks.size() + " forks × (0 × 1 s warm-up, 14 × 1 s measured)", "",
                null, forks);
    }

    private static List<Double> values(double... v) {
        return Arrays.stream(v).boxed().collect(java.util.stream.Collectors.toList());
    }

    @Test
    void aForkIsSteadyFromItsFirstIterationAtItsLevelDespiteOneNoisyIterationLater() {
        StartUp s = new StartUp("reference", null, curve(List.of(
                values(10, 6, 3, 1, 1, 1, 1, 1, 1, 1, 5, 1, 1, 1),
                values(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14))));
        assertEquals(Arrays.asList(3.0, null), s.secondsToSteady(), "the rising fork never settles");
        assertEquals(1, new StartUp("reference", null, curve(List.of(values(10, 6, 3, 1, 1, 1, 1, 1, 1, 1, 5, 1, 1, 1))))
                .steadyMicros(), 1e-9);
    }
}

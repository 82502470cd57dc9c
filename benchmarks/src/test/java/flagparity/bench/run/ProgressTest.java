package flagparity.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time left follows the pace of what is done, within the first step too; on a virtual clock. */
class ProgressTest {
    private long now;

    private record FakeStep(int units, Duration estimate) implements Step {
        public String name() { return "s"; }
        public String kind() { return "jmh"; }
        public String title() { return "fake"; }
        public List<String> commands(Path runDir) { return List.of(); }
        public List<Manifest.Part> run(Context ctx) { return List.of(); }
    }

    @Test
    void aSlowFirstStepScalesTheEstimateOfEverythingLeft() {
        Progress p = new Progress(new PrintWriter(new StringWriter()), List.of(new FakeStep(10, Duration.ofSeconds(100)),
                new FakeStep(1, Duration.ofSeconds(100))), () -> now);
        assertEquals(200, p.remainingSeconds(), 1e-9, "nothing done: the plan as estimated");
        p.stepStarted(0);
        for (int unit = 0; unit < 5; unit++) {
            p.unitStarted("u");
            now += 30_000_000_000L; // each unit takes 30 s against the 10 s estimated
        }
        p.unitStarted("u"); // five units finished in 150 s against 50 s: three times slower
        assertEquals((200 - 50) * 3, p.remainingSeconds(), 1e-6);
    }
}

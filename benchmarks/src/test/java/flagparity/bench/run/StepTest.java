package flagparity.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepTest {
    @Test
    void filesOfARunLoseThisMachinesPaths(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("x.log");
        String root = Path.of("").toAbsolutePath().normalize().toString();
        Files.writeString(log, "# VM invoker: " + System.getProperty("java.home") + "/bin/java\n"
                + "-rff " + root + "/results/runs/R/jmh/a.json\n");
        Step.withoutMachinePaths(log);
        assertEquals("# VM invoker: JAVA_HOME/bin/java\n-rff ./results/runs/R/jmh/a.json\n", Files.readString(log));
    }
}

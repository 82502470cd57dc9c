package flagparity.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run did, step by step ({@code steps.json} in the run folder, rewritten after every step so an
 * interrupted run can still be reported): the commands that reproduce each result file, how long each
 * step took against its estimate, and the machine's load around it.
 *
 * @param timing the JMH and latency settings of the run, as the report states them
 */
public record Manifest(String id, String mode, String command, String started, String finished, String timing,
        List<StepRecord> steps) {

    static final String FILE = "steps.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param loadBefore the 1-minute load average as the step started ({@code /proc/loadavg}), or {@code null}
     */
    public record StepRecord(String name, String kind, String title, double estimateSeconds, double elapsedSeconds,
            Double loadBefore, Double loadAfter, List<Part> parts) {}

    /**
     * One command of a step and the result file it wrote (relative to the run folder).
     *
     * @param status {@code ok}, or what went wrong (failed rows, a non-zero exit)
     */
    public record Part(String command, String file, String status) {}

    Manifest withStep(StepRecord step, String finishedAt) {
        List<StepRecord> all = new ArrayList<>(steps);
        all.add(step);
        return new Manifest(id, mode, command, started, finishedAt, timing, List.copyOf(all));
    }

    /** The command that wrote {@code file} (relative to the run folder), or {@code null}. */
    public String commandFor(String file) {
        return steps.stream().flatMap(s -> s.parts().stream()).filter(p -> file.equals(p.file())).map(Part::command)
                .findFirst().orElse(null);
    }

    void write(Path runDir) throws IOException {
        Path tmp = runDir.resolve(FILE + ".tmp");
        // commands name --results as given
        Files.writeString(tmp, Step.withoutMachinePaths(MAPPER.writeValueAsString(this)), StandardCharsets.UTF_8);
        Files.move(tmp, runDir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The manifest of a run folder, or {@code null} when it has none (e.g. results copied from elsewhere). */
    public static Manifest read(Path runDir) throws IOException {
        Path f = runDir.resolve(FILE);
        return Files.exists(f) ? MAPPER.readValue(f.toFile(), Manifest.class) : null;
    }
}

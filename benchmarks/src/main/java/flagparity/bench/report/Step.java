package flagparity.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One measuring step of a run: a JMH sweep, a set of latency runs, or the core profile. */
interface Step {
    /** A file-name-safe id, e.g. {@code headline}. */
    String name();

    /** {@code jmh}, {@code latency} or {@code profile}. */
    String kind();

    String title();

    /** Rows or runs, what the progress display counts. */
    int units();

    /** How long the step should take on an idle machine. */
    Duration estimate();

    /** The commands that reproduce the step, writing into {@code runDir} (for {@code --dry-run} and the report). */
    List<String> commands(Path runDir);

    /** Runs the step; every part names its command, the result file it wrote and how it went. */
    List<Manifest.Part> run(Context ctx) throws IOException, InterruptedException;

    /**
     * @param java the java launcher of child JVMs
     * @param classpath their classpath (this JVM's)
     * @param coreNames a {@code .wat} naming the core's functions for the profile, or {@code null}
     */
    record Context(Path runDir, Progress progress, String java, String classpath, Path coreNames) {
        /** Runs {@code java FLAGS -cp CLASSPATH MAIN ARGS}, its output to {@code log}; returns the exit status. */
        int runJvm(List<String> flags, String mainClass, List<String> args, Path log)
                throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of(java));
            cmd.addAll(flags);
            cmd.addAll(List.of("-cp", classpath, mainClass));
            cmd.addAll(args);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                return p.waitFor();
            } catch (InterruptedException e) {
                p.destroy();
                throw e;
            }
        }
    }

    /** The last non-blank line of a log, to say why a child JVM failed. */
    static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).strip();
            }
        }
        return "(no output)";
    }
}

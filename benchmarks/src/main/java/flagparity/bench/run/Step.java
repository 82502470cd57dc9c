package flagparity.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** {@code 12 rows, est. 3m05s}: what the step counts and how long it should take, for the plan and the progress line. */
    default String extent() {
        return units() + ("jmh".equals(kind()) ? " rows" : " runs") + ", est. " + Progress.duration(estimate().toMillis() / 1e3);
    }

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
            } finally {
                withoutMachinePaths(log);
            }
        }
    }

    /**
     * Rewrites a file of the run folder without this machine's paths (the folder is committed and the page
     * quotes it): the JVM's home as {@code JAVA_HOME}, the project's root as {@code .}, the user's home as
     * {@code ~}, the temporary folder as {@code TMP}.
     */
    static void withoutMachinePaths(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String clean = withoutMachinePaths(text);
        if (!clean.equals(text)) {
            Files.writeString(file, clean, StandardCharsets.UTF_8);
        }
    }

    /** {@code text} with this machine's Java home, project root, home and temp folders as placeholders. */
    static String withoutMachinePaths(String text) {
        Map<String, String> placeholders = new TreeMap<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder())); // the longest first: one path may lie under another
        placeholders.put(System.getProperty("java.home"), "JAVA_HOME");
        placeholders.put(Path.of("").toAbsolutePath().normalize().toString(), ".");
        placeholders.put(System.getProperty("user.home"), "~");
        placeholders.put(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize().toString(), "TMP");
        String clean = text;
        for (Map.Entry<String, String> e : placeholders.entrySet()) {
            if (e.getKey().length() > 1) {
                clean = clean.replace(e.getKey(), e.getValue());
            }
        }
        return clean;
    }

    /** The last non-blank line of a log, to say why a child JVM failed. */
    static String lastLine(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).reduce((a, b) -> b)
                .map(String::strip).orElse("(no output)");
    }
}

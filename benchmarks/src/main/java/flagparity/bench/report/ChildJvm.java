package flagparity.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a child JVM on this JVM's classpath, its output to a log file. */
final class ChildJvm {
    private ChildJvm() {}

    /** Runs {@code java FLAGS -cp CLASSPATH MAIN ARGS}; returns the exit status. */
    static int run(Step.Context ctx, List<String> flags, String mainClass, List<String> args, Path log)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ctx.java());
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(ctx.classpath());
        cmd.add(mainClass);
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            throw e;
        }
    }

    /** The last non-blank line of a log, to say why a child failed. */
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

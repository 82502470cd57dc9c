package flagparity.bench.report;

import flagparity.bench.load.LatencySummary;
import flagparity.bench.run.CoreProfile;
import flagparity.bench.run.Manifest;
import flagparity.bench.run.Runs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A run folder read back: {@code jmh/*.json}, {@code latency/*.summary.json} (with their
 * {@code .hgrm}), {@code profile/*.json}, {@code env.txt} and {@code steps.json}.
 *
 * @param manifest {@code null} when the folder has no {@code steps.json}
 * @param env the text of {@code env.txt}, empty when absent
 */
record Run(Path dir, Manifest manifest, List<JmhRow> rows, List<LatencyRun> latency, List<CoreProfile> profiles,
        String env) {

    /** Where the report draws the run's charts. */
    static final String CHARTS = "charts";

    static Run load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no run folder at " + dir);
        }
        Manifest manifest = Manifest.read(dir);
        List<JmhRow> rows = new ArrayList<>();
        for (Path f : files(dir.resolve(Runs.JMH), ".json")) {
            rows.addAll(JmhResults.read(f, command(manifest, dir, f)));
        }
        List<LatencyRun> latency = new ArrayList<>();
        for (Path f : files(dir.resolve(Runs.LATENCY), LatencySummary.SUMMARY)) {
            latency.add(LatencyRun.read(f, command(manifest, dir, f)));
        }
        List<CoreProfile> profiles = new ArrayList<>();
        for (Path f : files(dir.resolve(Runs.PROFILE), ".json")) {
            profiles.add(CoreProfile.read(f));
        }
        Path env = dir.resolve(Runs.ENV);
        return new Run(dir, manifest, List.copyOf(rows), List.copyOf(latency), List.copyOf(profiles),
                Files.exists(env) ? Files.readString(env, StandardCharsets.UTF_8) : "");
    }

    /** The id a report names the run by: the folder's name. */
    String id() {
        return dir.getFileName().toString();
    }

    private static String command(Manifest manifest, Path dir, Path file) {
        return manifest == null ? null : manifest.commandFor(dir.relativize(file).toString().replace('\\', '/'));
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }
}

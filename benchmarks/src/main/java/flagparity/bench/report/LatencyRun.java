package flagparity.bench.report;

import flagparity.bench.load.LatencySummary;
import flagparity.reference.api.Engines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One run of the {@code latency} command: its summary ({@code NAME.summary.json}, {@link LatencySummary}) and its
 * response- and service-time distributions ({@code NAME.response.hgrm}, {@code NAME.service.hgrm}), in µs.
 *
 * @param command how to reproduce it, or {@code null} when unknown
 */
record LatencyRun(String name, LatencySummary summary, List<Point> responseCurve, List<Point> serviceCurve,
        String command) {

    /** Reads the summary at {@code summaryFile} and the two {@code .hgrm} files next to it. */
    static LatencyRun read(Path summaryFile, String command) throws IOException {
        String file = summaryFile.getFileName().toString();
        if (!file.endsWith(LatencySummary.SUMMARY)) {
            throw new IllegalArgumentException("not a latency summary: " + summaryFile);
        }
        String name = file.substring(0, file.length() - LatencySummary.SUMMARY.length());
        Path dir = summaryFile.getParent();
        return new LatencyRun(name, LatencySummary.read(summaryFile), curve(dir.resolve(name + LatencySummary.RESPONSE)),
                curve(dir.resolve(name + LatencySummary.SERVICE)), command);
    }

    String engine() {
        return summary.setup().engine();
    }

    long gcCollections() {
        return summary.gc().measuredWindow().values().stream().mapToLong(LatencySummary.Gc.Bean::collections).sum();
    }

    long gcMillis() {
        return summary.gc().measuredWindow().values().stream().mapToLong(LatencySummary.Gc.Bean::millis).sum();
    }

    /**
     * E.g. {@code chicory-aot protobuf-preallocated mutex, G1}, {@code reference, ZGC} or
     * {@code chicory-aot protobuf-preallocated mutex, G1, core GC every:100}.
     */
    String label() {
        LatencySummary.Setup s = summary.setup();
        StringBuilder b = new StringBuilder(s.engine());
        if (s.codec() != null && Engines.ids().contains(s.engine()) && !Engines.get(s.engine()).codecs().isEmpty()) {
            b.append(' ').append(s.codec()).append(' ').append(s.concurrency());
            if ("pool".equals(s.concurrency())) {
                b.append('(').append(s.poolSize()).append(')');
            }
        }
        b.append(", ").append(summary.gc().collector());
        if (s.coreGc() != null && !"never".equals(s.coreGc())) {
            b.append(", core GC ").append(s.coreGc());
        }
        if (summary.configSwaps() != null) {
            b.append(String.format(Locale.ROOT, ", config set every %,d ms", summary.configSwaps().everyMillis()));
        }
        return b.toString();
    }

    /** The config updates, e.g. {@code every 1,000 ms: 22 updates (0 failed), mean 95.1 ms, max 130.2 ms}; {@code null} for none. */
    String configSwaps() {
        LatencySummary.ConfigSwaps c = summary.configSwaps();
        return c == null ? null : String.format(Locale.ROOT, "every %,d ms: %,d updates (%,d failed), mean %,.1f ms, "
                + "max %,.1f ms", c.everyMillis(), c.done(), c.failed(), c.meanMicros() / 1000, c.maxMicros() / 1000.0);
    }

    private static List<Point> curve(Path hgrm) throws IOException {
        return Files.exists(hgrm) ? hgrm(hgrm) : List.of();
    }

    /** One line of the distribution: this share of calls took at most {@code value} (in the file's unit). */
    record Point(double value, double percentile, long totalCount) {
        /** The x of HdrHistogram's plots, {@code 1/(1-p)}: 10 at 90%, 100 at 99%; infinite at 100%. */
        double inverseTail() {
            return 1 / (1 - percentile);
        }
    }

    /** Reads HdrHistogram's percentile distribution text ({@code outputPercentileDistribution}, a {@code .hgrm} file). */
    static List<Point> hgrm(Path file) throws IOException {
        List<Point> points = new ArrayList<>();
        boolean header = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.trim();
            if (t.startsWith("Value") && t.contains("Percentile")) {
                header = true;
                continue;
            }
            if (!header || t.isEmpty()) {
                continue;
            }
            if (t.startsWith("#")) {
                break; // the summary footer
            }
            String[] f = t.split("\\s+");
            if (f.length < 3) {
                throw new IOException(file + ": not a percentile line: " + line);
            }
            try {
                points.add(new Point(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Long.parseLong(f[2])));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": not a percentile line: " + line, e);
            }
        }
        if (!header) {
            throw new IOException(file + " has no percentile distribution header");
        }
        return points;
    }
}

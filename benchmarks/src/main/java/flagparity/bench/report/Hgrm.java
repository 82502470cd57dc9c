package flagparity.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads HdrHistogram's percentile distribution text ({@code outputPercentileDistribution}, a {@code .hgrm} file). */
final class Hgrm {
    private Hgrm() {}

    /** One line of the distribution: this share of calls took at most {@code value} (in the file's unit). */
    record Point(double value, double percentile, long totalCount) {
        /** The x of HdrHistogram's plots, {@code 1/(1-p)}: 10 at 90%, 100 at 99%; infinite at 100%. */
        double inverseTail() {
            return 1 / (1 - percentile);
        }
    }

    static List<Point> read(Path file) throws IOException {
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

package flagparity.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of chart renders to a readable PNG of the intended width (what they look like is checked by eye). */
class ChartsTest {
    @TempDir
    Path dir;

    private BufferedImage read(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not an image");
        assertEquals(Charts.WIDTH, image.getWidth());
        return image;
    }

    @Test
    void barsOnALogAxisWithAZeroAndAMissingError() throws IOException {
        Path png = dir.resolve("bars.png");
        Charts.bars(png, "Time per lookup", "µs", List.of(
                new Charts.Bar("t", "reference", 0.03, 0.001),
                new Charts.Bar("t", "chicory-aot / protobuf-preallocated", 21.3, 0.4),
                new Charts.Bar("t", "devcycle-sdk", 85, Double.NaN)), "µs");
        read(png);
    }

    @Test
    void latencyCurvesSkipTheInfinitePoint() throws IOException {
        List<LatencyRun.Point> points = new ArrayList<>();
        double[] p = {0, 0.5, 0.9, 0.99, 0.999, 0.9999, 1.0};
        for (int i = 0; i < p.length; i++) {
            points.add(new LatencyRun.Point(10 * Math.pow(2, i), p[i], i * 100L));
        }
        Path png = dir.resolve("latency.png");
        Charts.latency(png, "Latency", List.of(new Charts.Curve("a, response", points, false),
                new Charts.Curve("a, service", points, true)));
        read(png);
    }
}

package flagparity.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import flagparity.reference.api.JsonCodec;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * What a config holds, for the report's argument that the headline workload is shaped like a real
 * DevCycle project: features, variables, audiences, targets, filters per audience, custom-data filters.
 */
record ConfigShape(long bytes, int features, int variables, int audiences, int targets, double filtersMedian,
        double filtersMax, int customDataFilters, int audienceMatchFilters) {

    static ConfigShape of(String configJson) {
        JsonNode root;
        try {
            root = JsonCodec.mapper().readTree(configJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        List<JsonNode> audiences = new ArrayList<>();
        root.path("audiences").forEach(audiences::add);
        int targets = 0;
        for (JsonNode f : root.path("features")) {
            for (JsonNode t : f.path("configuration").path("targets")) {
                targets++;
                audiences.add(t.path("_audience"));
            }
        }
        DescriptiveStatistics perAudience = new DescriptiveStatistics();
        int[] counts = new int[2];
        for (JsonNode a : audiences) {
            perAudience.addValue(count(a.path("filters"), counts));
        }
        return new ConfigShape(configJson.getBytes(StandardCharsets.UTF_8).length, root.path("features").size(),
                root.path("variables").size(), root.path("audiences").size(), targets, perAudience.getPercentile(50),
                perAudience.getMax(), counts[0], counts[1]);
    }

    /** Leaf filters under {@code filters} (nested and/or groups included); counts custom-data and audienceMatch ones. */
    private static int count(JsonNode group, int[] counts) {
        int n = 0;
        for (JsonNode f : group.path("filters")) {
            if (f.has("filters")) {
                n += count(f, counts);
                continue;
            }
            n++;
            counts[0] += "customData".equals(f.path("subType").asText()) ? 1 : 0;
            counts[1] += "audienceMatch".equals(f.path("type").asText()) ? 1 : 0;
        }
        return n;
    }

    String kilobytes() {
        return String.format(java.util.Locale.ROOT, "%,.0f kB", bytes / 1000.0);
    }
}

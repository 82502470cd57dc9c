package flagparity.bench.report;

import flagparity.bench.jmh.Lookup;
import flagparity.bench.jmh.LookupCase;
import flagparity.reference.api.EngineDescriptor;
import flagparity.reference.api.EngineKind;
import flagparity.reference.api.Engines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The headline spread summed up: per engine and core version, how many times faster than the SDK peer
 * a lookup is, as the median and range over the {@link LookupCase}s both measured.
 *
 * @param rows one per engine and core, registry order
 * @param peer the peer's engine id (the registry's first peer), or {@code null} when the run has none
 */
record Headline(List<Row> rows, String peer) {

    /**
     * One engine on one core.
     *
     * @param cells per case, in {@link LookupCase#SPREAD} order ({@code null} where the case was not measured)
     * @param refused the cases the engine refuses to be timed with, and why
     */
    record Row(String engine, String core, String codec, List<JmhRow> cells, List<Double> xPeer,
            Map<String, String> refused) {
        int measured() {
            return (int) xPeer.stream().filter(Objects::nonNull).count();
        }

        private DescriptiveStatistics stats() {
            DescriptiveStatistics s = new DescriptiveStatistics();
            xPeer.stream().filter(Objects::nonNull).forEach(s::addValue);
            return s;
        }

        double median() {
            return stats().getPercentile(50);
        }

        double min() {
            return stats().getMin();
        }

        double max() {
            return stats().getMax();
        }
    }

    /** The core a row ran: its {@code core} param, or else the engine's newest (the one it ran by default). */
    static String core(JmhRow r) {
        if (r.param("core") != null) {
            return r.param("core");
        }
        List<flagparity.reference.api.CoreVersion> v = Engines.get(r.param("engine")).coreVersions();
        return v.get(v.size() - 1).id();
    }

    static Headline of(List<JmhRow> spread) {
        String peer = Engines.all().stream().filter(e -> e.kind() == EngineKind.PEER).map(EngineDescriptor::id)
                .filter(id -> spread.stream().anyMatch(r -> id.equals(r.param("engine")))).findFirst().orElse(null);
        Map<String, JmhRow> peerByCase = new LinkedHashMap<>();
        spread.stream().filter(r -> r.param("engine").equals(peer)).forEach(r -> peerByCase.put(r.param("lookupCase"), r));
        Map<String, List<JmhRow>> byRow = new LinkedHashMap<>();
        for (EngineDescriptor e : Engines.all()) {
            spread.stream().filter(r -> e.id().equals(r.param("engine")))
                    .sorted(java.util.Comparator.comparing(Headline::core))
                    .forEach(r -> byRow.computeIfAbsent(e.id() + " " + core(r), k -> new ArrayList<>()).add(r));
        }
        List<Row> rows = new ArrayList<>();
        for (List<JmhRow> group : byRow.values()) {
            JmhRow any = group.get(0);
            EngineDescriptor engine = Engines.get(any.param("engine"));
            List<JmhRow> cells = new ArrayList<>();
            List<Double> x = new ArrayList<>();
            Map<String, String> refused = new LinkedHashMap<>();
            for (LookupCase c : LookupCase.SPREAD) {
                JmhRow r = group.stream().filter(g -> c.id().equals(g.param("lookupCase"))).findFirst().orElse(null);
                JmhRow p = peerByCase.get(c.id());
                cells.add(r);
                x.add(r == null || p == null ? null : p.primary().inNanos().score() / r.primary().inNanos().score());
                String why = engine.timingRefusal(Lookup.parseUser(c.user()));
                if (why != null) {
                    refused.put(c.id(), why);
                }
            }
            rows.add(new Row(engine.id(), core(any), engine.codecs().isEmpty() ? null : any.param("codec"), cells, x,
                    refused));
        }
        return new Headline(rows, peer);
    }
}

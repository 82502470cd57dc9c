package flagparity.bench.report;

import flagparity.workloads.SeededWorkload;
import flagparity.workloads.Workloads;
import flagparity.bench.jmh.LookupCase;
import flagparity.bench.load.LatencyHarness;
import flagparity.bench.load.LatencySummary;
import flagparity.bench.run.CoreProfile;
import flagparity.bench.run.Manifest;
import flagparity.bench.run.Progress;
import flagparity.bench.run.Runs;
import flagparity.reference.api.EngineKind;
import flagparity.reference.api.Engines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * Builds {@code REPORT.md} and its charts from one {@link Run}: the code computes tables, charts and
 * numbers into a model, the template {@code report.md.mustache} says what they mean. Tables are also
 * available by name ({@link #tables()}) so DECISIONS.md can carry the same numbers.
 *
 * <p>It stays one class because its sections share one state: the rows a section shows are
 * remembered ({@code shown}): a row appears in one section only, and the last lists those no section took.
 * Each section is one method that fills its part of the model; what a section computes beyond
 * selecting rows lives in its own type ({@link Headline}, {@link StartUp}, {@link Tables}).
 */
final class ReportWriter {
    /** Generator lag p50 the latency tables aim for: above it, the harness's own delay is part of the numbers. */
    static final double LAG_GOAL_MICROS = 5;
    /** The built-in workloads, smallest first: the order of config-size rows. */
    private static final List<String> SIZES = SeededWorkload.Size.ids();

    private final Run run;
    private final Path chartDir;
    private final String chartLink;
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final Set<JmhRow> shown = new HashSet<>();

    /** @param reportDir where REPORT.md goes: links are relative to it */
    ReportWriter(Run run, Path reportDir) {
        this.run = run;
        this.chartDir = run.dir().resolve(Run.CHARTS);
        this.chartLink = reportDir.toAbsolutePath().normalize()
                .relativize(chartDir.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** The report's Markdown; renders the charts into the run's {@code charts/} on the way. */
    String write() throws IOException {
        Files.createDirectories(chartDir);
        Map<String, Object> m = new LinkedHashMap<>();
        String runLink = chartLink.substring(0, chartLink.length() - Run.CHARTS.length() - 1);
        m.put("runLink", runLink);
        m.put("manifest", run.manifest());
        m.put("runDir", Runs.shown(run.dir()));
        m.put("env", run.env().lines().filter(l -> l.matches("(cpu|cores|memory|java|os|chicory|wasmtime|devcycle|"
                + "protobuf|core|project commit|load).*")).collect(Collectors.joining("\n")));
        m.put("headline", headline());
        m.put("codecs", section("codecs", r -> "VariableBenchmark.variable".equals(r.shortName())
                && r.param("codec") != null && "large".equals(r.param("config")), "µs", 1e3));
        m.put("latency", latency());
        m.put("configSize", section("config-size", r -> "VariableBenchmark.variable".equals(r.shortName())
                && !"large".equals(r.param("config")), "µs", 1e3));
        // template key, table name, benchmark class, unit of the chart
        for (String[] s : new String[][] {{"userSize", "user-size", "UserSize", "µs"}, {"throughput", "throughput",
                "Throughput", ""}, {"boundary", "boundary", "Boundary", "µs"}, {"setConfig", "set-config", "SetConfig",
                "ms"}, {"bucketedConfig", "bucketed-config", "BucketedConfig", "µs"}, {"coldStart", "cold-start",
                "ColdStart", "ms"}}) {
            m.put(s[0], section(s[1], r -> (s[2] + "Benchmark").equals(r.className()), s[3],
                    s[3].isEmpty() ? 1 : Units.nanosPer(s[3].replace("µ", "u") + "/op")));
        }
        m.put("startUp", startUp());
        m.put("profiles", run.profiles().stream().map(this::profile).collect(Collectors.toList()));
        List<JmhRow> rest = run.rows().stream().filter(r -> !shown.contains(r)).collect(Collectors.toList());
        m.put("others", rest.isEmpty() ? null : rest.stream().collect(Collectors.groupingBy(JmhRow::shortName,
                LinkedHashMap::new, Collectors.toList())).values().stream().map(r -> Tables.jmh(r))
                .collect(Collectors.joining()));
        m.put("conditions", conditions());
        m.put("lagGoal", Units.number(LAG_GOAL_MICROS, Double.NaN));
        m.put("d7", Tables.D7);
        m.put("d7d8", Tables.D7_D8);
        m.put("warmingMark", Tables.WARMING);
        m.put("driftingMark", Tables.DRIFTING);
        return Templates.page(m);
    }

    /** The tables by name (after {@link #write()}): headline, codecs, latency, ... */
    Map<String, String> tables() {
        return tables;
    }

    /**
     * The page's three key numbers, a line each: the median "× peer" of the best reference and of the
     * best core engine (among the rows over the most cases, so an older core's few cases do not stand for
     * the spread), and the peer's median time per lookup over the cases.
     */
    List<String> keyNumbers() {
        List<JmhRow> spread = run.rows().stream().filter(r -> "SpreadBenchmark.variable".equals(r.shortName()))
                .collect(Collectors.toList());
        Headline h = Headline.of(spread);
        List<String> out = new ArrayList<>();
        for (EngineKind kind : List.of(EngineKind.REFERENCE, EngineKind.CORE)) {
            h.rows().stream().filter(r -> Engines.get(r.engine()).kind() == kind && r.measured() > 0)
                    .max(Comparator.comparingInt(Headline.Row::measured).thenComparingDouble(Headline.Row::median))
                    .ifPresent(r -> out.add(String.format(Locale.ROOT, "%s (core %s, codec %s): median %s× the peer "
                            + "over %d cases (%s× to %s×)", r.engine(), r.core(), r.codec() == null ? "—" : r.codec(),
                            Units.number(r.median(), Double.NaN), r.measured(), Units.number(r.min(), Double.NaN),
                            Units.number(r.max(), Double.NaN))));
        }
        h.rows().stream().filter(r -> r.engine().equals(h.peer())).findFirst().ifPresent(r -> out.add(h.peer()
                + ": median " + Units.number(new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(
                        r.cells().stream().filter(Objects::nonNull).mapToDouble(c -> c.primary().inNanos().score() / 1e3)
                                .toArray()), Double.NaN) + " µs per lookup over the cases"));
        return out.isEmpty() ? List.of("no headline spread in this run") : out;
    }

    // ---------------------------------------------------------------- sections

    /** A section of JMH rows: its table (registered as {@code name}) and bar chart, or {@code null} without rows. */
    private Map<String, Object> section(String name, Predicate<JmhRow> p, String unit, double nanosPerUnit)
            throws IOException {
        List<JmhRow> rows = select(p);
        if (rows.isEmpty()) {
            return null;
        }
        String table = Tables.jmh(rows);
        tables.put(name, table);
        List<Charts.Bar> bars = rows.stream().map(r -> {
            Metric v = nanosPerUnit == 1 ? r.primary() : r.primary().inNanos();
            return new Charts.Bar(r.shortName(), label(r), v.score() / nanosPerUnit, v.error() / nanosPerUnit);
        }).collect(Collectors.toList());
        Charts.bars(chartDir.resolve(name + ".png"), name + " (" + (unit.isEmpty() ? rows.get(0).primary().unit() : unit)
                + ")", unit, bars, unit);
        return model("table", table, "chart", chartLink + "/" + name + ".png");
    }

    private Map<String, Object> headline() throws IOException {
        List<JmhRow> spread = select(r -> "SpreadBenchmark.variable".equals(r.shortName()));
        if (spread.isEmpty()) {
            return null;
        }
        Headline h = Headline.of(spread);
        List<Map<String, Object>> summary = new ArrayList<>();
        List<Charts.Bar> bars = new ArrayList<>();
        for (Headline.Row r : h.rows()) {
            boolean peer = r.engine().equals(h.peer());
            summary.add(model("engine", Tables.code(r.engine()), "core", r.core(), "codec", r.codec() == null ? "—"
                    : Tables.codec(r.codec(), r.core()), "median", peer ? "1× (the peer)" : r.measured() == 0 ? ""
                    : Units.number(r.median(), Double.NaN) + "×", "range", peer || r.measured() == 0 ? ""
                    : Units.number(r.min(), Double.NaN) + "× – " + Units.number(r.max(), Double.NaN) + "×",
                    "measured", r.measured(), "refused", r.refused().isEmpty() ? null : String.join(", ", r.refused().keySet())));
            if (!peer && r.measured() > 0) {
                bars.add(new Charts.Bar("median × peer", r.engine() + " " + r.core(), r.median(), Double.NaN));
            }
        }
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int i = 0; i < LookupCase.SPREAD.size(); i++) {
            LookupCase c = LookupCase.SPREAD.get(i);
            List<String> cells = new ArrayList<>();
            for (Headline.Row r : h.rows()) {
                JmhRow cell = r.cells().get(i);
                Double x = r.xPeer().get(i);
                cells.add(cell == null ? (r.refused().containsKey(c.id()) ? "refused" : "—")
                        : Units.format(cell.primary()) + (cell.stillWarming() ? " " + Tables.WARMING : "")
                                + (x == null || r.engine().equals(h.peer()) ? "" : " (" + Units.number(x, Double.NaN) + "×)"));
            }
            cases.add(model("id", Tables.code(c.id()), "key", Tables.code(c.key()), "user", c.what(), "cells", cells));
        }
        String summaryTable = Templates.table("headline", model("rows", summary, "caseCount", LookupCase.SPREAD.size()));
        String casesTable = Templates.table("cases", model("engines", h.rows().stream().map(r -> r.engine() + " "
                + r.core()).collect(Collectors.toList()), "rows", cases));
        tables.put("headline", summaryTable + "\n" + casesTable);
        Charts.bars(chartDir.resolve("lookup.png"), "Median times faster than DevCycle's SDK over the lookup cases",
                "× peer", bars, "×");
        Map<String, String> refusals = new LinkedHashMap<>();
        h.rows().forEach(r -> r.refused().forEach((c, why) -> refusals.put(r.engine() + " / " + c, why)));
        return model("summary", summaryTable, "cases", casesTable, "peer", Objects.toString(h.peer(), "(none)"),
                "d8", d8Note(h),
                "chart", chartLink + "/lookup.png", "shape", ConfigShape.of(Workloads.config("large")),
                "refusals", refusals.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.toList()),
                "rowsTable", Tables.jmh(spread), "caseCount", LookupCase.SPREAD.size());
    }

    /**
     * The note beside the headline on a core with D8, where the safe codec sends every user over JSON: the core
     * it is, the peer's core, and the Wasm engines whose median there is below the peer's; {@code null} without one.
     */
    private static Map<String, Object> d8Note(Headline h) {
        String core = h.rows().stream().filter(r -> Engines.get(r.engine()).kind() == EngineKind.CORE)
                .map(Headline.Row::core).filter(c -> Tables.build(c).hasD8()).findFirst().orElse(null);
        if (core == null || h.peer() == null) {
            return null;
        }
        List<String> below = h.rows().stream().filter(r -> r.core().equals(core) && r.measured() > 0 && r.median() < 1
                && Engines.get(r.engine()).kind() == EngineKind.CORE).map(r -> Tables.code(r.engine()))
                .collect(Collectors.toList());
        String peerCore = h.rows().stream().filter(r -> r.engine().equals(h.peer())).map(Headline.Row::core)
                .findFirst().orElse("?");
        return model("core", core, "peerCore", peerCore, "below", below.isEmpty() ? null : String.join(", ", below));
    }

    private Map<String, Object> latency() throws IOException {
        List<LatencyRun> runs = new ArrayList<>(run.latency());
        if (runs.isEmpty()) {
            return null;
        }
        runs.sort(Comparator.comparing((LatencyRun l) -> !LatencyHarness.NOOP.equals(l.engine()))
                .thenComparingInt(l -> Engines.ids().indexOf(l.engine())).thenComparing(LatencyRun::name));
        Tables.Commands commands = new Tables.Commands();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> overGoal = new ArrayList<>();
        for (LatencyRun l : runs) {
            LatencySummary m = l.summary();
            Double lag = m.generatorLag() == null ? null : m.generatorLag().p50();
            boolean over = lag != null && lag > LAG_GOAL_MICROS;
            if (over) {
                overGoal.add(l.label());
            }
            rows.add(model("label", l.label(), "rate", String.format(Locale.ROOT, "%,.0f → %,.0f/s, %d threads",
                    m.setup().targetRate(), m.achievedRate(), m.setup().threads()), "calls", String.format(Locale.ROOT,
                    "%,d", m.completed()), "response", us(m.response()), "service", us(m.service()), "lag",
                    us(m.generatorLag()), "over", over, "gc", l.gcCollections() + " (" + l.gcMillis() + ")", "valid",
                    m.valid() ? (m.notIssued() > 0 ? "saturated: " + m.notIssued() + " calls never made" : "yes")
                            : "no: " + m.invalidBecause(), "cmd", commands.ref(l.command())));
        }
        String table = Templates.table("latency", model("rows", rows, "goal", LAG_GOAL_MICROS, "swaps", runs.stream()
                .filter(l -> l.configSwaps() != null).map(l -> l.label() + ": the same config set again "
                        + l.configSwaps()).collect(Collectors.toList()), "commands", commands.list()));
        tables.put("latency", table);
        List<Charts.Curve> curves = new ArrayList<>();
        for (LatencyRun l : runs) {
            curves.add(new Charts.Curve(l.label() + ", response", l.responseCurve(), false));
            curves.add(new Charts.Curve(l.label() + ", service", l.serviceCurve(), true));
        }
        Charts.latency(chartDir.resolve("latency.png"), "Latency by percentile (solid: response, dashed: service)",
                curves);
        return model("table", table, "chart", chartLink + "/latency.png", "overGoal", String.join("; ", overGoal),
                "lagMet", overGoal.isEmpty());
    }

    /**
     * Per engine of the registry: its cold start and warm-up beside its steady state, when the run measured them;
     * the engines without either, with why (as this JVM sees it), a line each. {@code null} when neither was run.
     */
    private Map<String, Object> startUp() {
        List<JmhRow> cold = run.rows().stream().filter(r -> "ColdStartBenchmark".equals(r.className()))
                .collect(Collectors.toList());
        List<JmhRow> curves = select(r -> "WarmUpBenchmark".equals(r.className()));
        if (cold.isEmpty() && curves.isEmpty()) {
            return null;
        }
        Function<List<JmhRow>, Map<String, JmhRow>> byEngine = rows -> rows.stream().collect(Collectors.toMap(
                r -> r.param("engine"), r -> r, (a, b) -> a));
        Map<String, JmhRow> coldBy = byEngine.apply(cold);
        Map<String, JmhRow> curveBy = byEngine.apply(curves);
        Tables.Commands commands = new Tables.Commands();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (String id : Engines.ids()) {
            StartUp s = new StartUp(id, coldBy.get(id), curveBy.get(id));
            if (s.coldStart() == null && s.curve() == null) {
                var a = Engines.get(id).availability();
                absent.add(Tables.code(id) + ": no rows in this run" + (a.isAvailable() ? "" : " — " + a.reason()));
                continue;
            }
            JmhRow warmed = run.rows().stream().filter(r -> "SpreadBenchmark".equals(r.className())
                    && id.equals(r.param("engine")) && "headline".equals(r.param("lookupCase")))
                    .max(Comparator.comparing(Headline::core)).orElse(null);
            rows.add(model("engine", Tables.code(id), "warmed", warmed == null ? null : Units.format(warmed.primary())
                    + " (core " + Headline.core(warmed) + ")", "curve", s.curve() == null ? null : model("steady",
                    Units.number(s.steadyMicros(), Double.NaN), "toSteady", s.secondsToSteady().stream().map(t -> t == null
                            ? "not within the run" : Units.number(t, Double.NaN) + " s").collect(Collectors.joining(", ")),
                    "cmd", commands.ref(s.curve().command())), "cold", s.coldStart() == null ? null
                    : Units.format(s.coldStart().primary())));
        }
        String table = Templates.table("startUp", model("rows", rows, "commands", commands.list()));
        tables.put("start-up", table);
        return model("table", table, "absent", absent, "band", StartUp.BAND_PERCENT, "tail", StartUp.TAIL,
                "window", StartUp.WINDOW);
    }

    /** The percentiles the latency table shows, in µs, formatted, by the summary's names; none for {@code null}. */
    private static Map<String, String> us(LatencySummary.Percentiles p) {
        return p == null ? Map.of() : Map.of("p50", us(p.p50()), "p90", us(p.p90()), "p99", us(p.p99()), "p99_9",
                us(p.p99_9()), "max", us(p.max()));
    }

    private static String us(double micros) {
        return Units.number(micros, Double.NaN);
    }

    private Map<String, Object> profile(CoreProfile p) {
        long n = p.totalSamples();
        String suffix = p.engine() + "-" + p.codec();
        String bySource = Templates.table("shares", model("what", "source", "rows", p.bySource().entrySet().stream()
                .limit(15).map(e -> model("name", Tables.code(e.getKey()), "samples", count(e.getValue()), "share",
                        share(e.getValue(), n))).collect(Collectors.toList())));
        List<Map<String, Object>> fns = new ArrayList<>();
        for (CoreProfile.Function f : p.functions().subList(0, Math.min(25, p.functions().size()))) {
            fns.add(model("rank", fns.size() + 1, "f", f, "name", Tables.code(f.name()), "samples", count(f.total()),
                    "share", share(f.total(), n), "self", count(f.self()), "below", count(f.below())));
        }
        String byFunction = Templates.table("functions", model("rows", fns));
        String outside = Templates.table("shares", model("what", "method", "rows", p.outside().stream().limit(10)
                .map(o -> model("name", Tables.code(o.method()), "samples", count(o.samples()), "share",
                        share(o.samples(), n))).collect(Collectors.toList())));
        tables.put("profile-sources-" + suffix, bySource);
        tables.put("profile-functions-" + suffix, byFunction);
        return model("p", p, "samples", count(n), "inside", share(p.coreSamples(), n), "outside",
                share(n - p.coreSamples(), n), "bySource", bySource, "byFunction", byFunction, "outsideTable", outside);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 12.3% ± 0.4}: the share with the half-width of its 95% Wilson score interval. */
    static String share(long k, long n) {
        if (n == 0) {
            return "";
        }
        if (k == 0 || k == n) {
            return Units.number(100.0 * k / n, Double.NaN) + "%";
        }
        var ci = new WilsonScoreInterval().createInterval((int) n, (int) k, 0.95);
        return Units.number(100.0 * k / n, 50 * (ci.getUpperBound() - ci.getLowerBound())) + "%";
    }

    private Map<String, Object> conditions() {
        Manifest m = run.manifest();
        if (m == null) {
            return null;
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Manifest.StepRecord s : m.steps()) {
            steps.add(model("s", s, "estimated", Progress.duration(s.estimateSeconds()), "took",
                    Progress.duration(s.elapsedSeconds()), "before", load(s.loadBefore()), "after", load(s.loadAfter())));
            s.parts().stream().filter(p -> !"ok".equals(p.status()))
                    .forEach(p -> problems.add("`" + p.file() + "`: " + p.status()));
        }
        for (LatencyRun l : run.latency()) {
            LatencySummary ls = l.summary();
            if (ls.notIssued() > 0 || ls.completed() == 0) {
                problems.add("latency `" + l.name() + "`: only " + ls.completed() + " calls made, " + ls.notIssued()
                        + " planned calls never issued: its percentiles describe an overloaded system");
            }
        }
        return model("table", Templates.table("steps", model("rows", steps)), "problems", problems);
    }

    private static String load(Double l) {
        return l == null ? "?" : String.format(Locale.ROOT, "%.2f", l);
    }

    // ---------------------------------------------------------------- helpers

    private List<JmhRow> select(Predicate<JmhRow> p) {
        List<JmhRow> rows = run.rows().stream().filter(p).filter(r -> !shown.contains(r))
                .sorted(Comparator.comparing(JmhRow::shortName).thenComparingInt(r -> rank(Engines.ids(), r.param("engine")))
                        .thenComparing(r -> String.valueOf(r.param("core")))
                        .thenComparingInt(r -> rank(LookupCase.SPREAD.stream().map(LookupCase::id)
                                .collect(Collectors.toList()), r.param("lookupCase")))
                        .thenComparingInt(r -> rank(SIZES, r.param("config")))
                        .thenComparing(r -> String.valueOf(r.param("codec")))
                        .thenComparing(r -> String.valueOf(r.param("concurrency"))).thenComparingInt(JmhRow::threads))
                .collect(Collectors.toCollection(ArrayList::new));
        shown.addAll(rows);
        return rows;
    }

    /** A template model from keys and values, in order. */
    private static Map<String, Object> model(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static int rank(List<String> order, String value) {
        int i = value == null ? -1 : order.indexOf(value);
        return i < 0 ? order.size() : i;
    }

    /** {@code chicory-aot / protobuf-preallocated / pool / 2t}, leaving out what does not apply. */
    static String label(JmhRow r) {
        List<String> parts = new ArrayList<>();
        for (String p : List.of("engine", "core", "codec", "concurrency", "config", "customDataKeys", "lookupCase")) {
            if (r.param(p) == null) {
                continue;
            }
            boolean byDefault = p.equals("config") && r.param(p).equals("large") || p.equals("concurrency")
                    && r.param("engine") != null && Engines.get(r.param("engine")).concurrencies().indexOf(r.param(p)) == 0;
            if (Tables.applies(r, p) && !byDefault) {
                String defects = p.equals("codec") ? Tables.defects(r.param(p), r.param("core")) : null;
                parts.add(r.param(p) + (defects == null ? "" : " (" + defects + ")"));
            }
        }
        if (parts.isEmpty() || r.param("engine") == null) {
            parts.add(0, r.method());
        }
        return String.join(" / ", parts) + (r.threads() > 1 ? " / " + r.threads() + "t" : "");
    }
}

package flagparity.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Compares the JMH rows of two runs, row by row (same benchmark, mode, threads and params). A row
 * regresses when its throughput fell by more than {@value #THROUGHPUT_DROP_PERCENT}% or its allocation
 * per operation rose by more than {@value #ALLOC_RISE_PERCENT}%, and in either case the difference is
 * significant: for scores, Welch's t-test on the two rows' measured iterations (Commons Math) at
 * p < {@value #ALPHA}, or, for rows without iterations, a difference beyond the two errors together;
 * for allocation, beyond the two errors. For time-per-operation rows "throughput" is the reciprocal of the time.
 */
final class Comparison {
    static final int THROUGHPUT_DROP_PERCENT = 15;
    static final int ALLOC_RISE_PERCENT = 25;
    /** Allocation differences below a byte per operation are JMH's sampling, not a change. */
    static final double ALLOC_FLOOR_BYTES = 1;
    /** The t-test's significance level. */
    static final double ALPHA = 0.01;

    enum Verdict { REGRESSION, IMPROVED, SAME, ONLY_OLD, ONLY_NEW }

    /**
     * One row's comparison.
     *
     * @param throughputChange new throughput over old, minus 1 (negative: slower); NaN when a row is missing
     * @param allocChange new allocation over old, minus 1; NaN without allocation on both sides
     */
    record Line(String row, JmhRow old, JmhRow now, double throughputChange, double allocChange, Verdict verdict,
            String why) {}

    private Comparison() {}

    static List<Line> compare(List<JmhRow> oldRows, List<JmhRow> newRows) {
        Map<String, JmhRow> old = byIdentity(oldRows);
        Map<String, JmhRow> now = byIdentity(newRows);
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<String, JmhRow> e : now.entrySet()) {
            JmhRow o = old.get(e.getKey());
            lines.add(o == null
                    ? new Line(e.getKey(), null, e.getValue(), Double.NaN, Double.NaN, Verdict.ONLY_NEW, "")
                    : line(e.getKey(), o, e.getValue()));
        }
        old.forEach((id, o) -> {
            if (!now.containsKey(id)) {
                lines.add(new Line(id, o, null, Double.NaN, Double.NaN, Verdict.ONLY_OLD, ""));
            }
        });
        return lines;
    }

    private static Map<String, JmhRow> byIdentity(List<JmhRow> rows) {
        return rows.stream().collect(Collectors.toMap(JmhRow::identity, r -> r, (a, b) -> b, LinkedHashMap::new));
    }

    static Line line(String id, JmhRow old, JmhRow now) {
        Metric o = old.primary();
        Metric n = now.primary();
        if (!o.unit().equals(n.unit())) {
            n = n.inNanos();
            o = o.inNanos();
        }
        double ratio = now.higherIsBetter() ? n.score() / o.score() : o.score() / n.score();
        boolean beyondError = significant(old, now, o, n);
        List<String> why = new ArrayList<>();
        Verdict verdict = Verdict.SAME;
        if (ratio < 1 - THROUGHPUT_DROP_PERCENT / 100.0) {
            if (beyondError) {
                verdict = Verdict.REGRESSION;
                why.add(String.format(Locale.ROOT, "throughput %+.1f%%", 100 * (ratio - 1)));
            } else {
                why.add("slower, but within the errors");
            }
        } else if (ratio > 1 + THROUGHPUT_DROP_PERCENT / 100.0 && beyondError) {
            verdict = Verdict.IMPROVED;
        }
        double allocChange = Double.NaN;
        if (old.alloc() != null && now.alloc() != null) {
            Metric oa = old.alloc();
            Metric na = now.alloc();
            double diff = na.score() - oa.score();
            allocChange = oa.score() > 0 ? na.score() / oa.score() - 1 : diff > 0 ? Double.POSITIVE_INFINITY : 0;
            boolean rose = oa.score() > 0 ? na.score() > oa.score() * (1 + ALLOC_RISE_PERCENT / 100.0) : diff > 0;
            if (rose && diff >= ALLOC_FLOOR_BYTES && diff > oa.errorOrZero() + na.errorOrZero()) {
                verdict = Verdict.REGRESSION;
                why.add(String.format(Locale.ROOT, "allocation %s B/op → %s B/op", Units.number(oa.score(), oa.error()),
                        Units.number(na.score(), na.error())));
            }
        }
        if (!o.hasError() || !n.hasError()) {
            why.add("no JMH error interval on one side");
        }
        return new Line(id, old, now, ratio - 1, allocChange, verdict, String.join("; ", why));
    }

    private static boolean significant(JmhRow old, JmhRow now, Metric o, Metric n) {
        double[] a = old.iterations().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        double[] b = now.iterations().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        if (a.length >= 2 && b.length >= 2 && old.primary().unit().equals(now.primary().unit())) {
            return new TTest().tTest(a, b, ALPHA);
        }
        return Math.abs(n.score() - o.score()) > o.errorOrZero() + n.errorOrZero();
    }

    static long regressions(List<Line> lines) {
        return lines.stream().filter(l -> l.verdict() == Verdict.REGRESSION).count();
    }

    /** The comparison as a Markdown table, regressions first. */
    static String table(List<Line> lines) {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(java.util.Comparator.comparing(Line::verdict));
        return Templates.table("comparison", Map.of("rows", sorted.stream().map(l -> Map.of("l", l, "old", l.old() == null ? ""
                : Units.format(l.old().primary()), "new", l.now() == null ? "" : Units.format(l.now().primary()),
                "change", percent(l.throughputChange()), "oldAlloc", l.old() == null || l.old().alloc() == null ? ""
                : Units.format(l.old().alloc()), "newAlloc", l.now() == null || l.now().alloc() == null ? ""
                : Units.format(l.now().alloc()), "allocChange", percent(l.allocChange()))).collect(Collectors.toList())));
    }

    private static String percent(double change) {
        if (Double.isNaN(change)) {
            return "";
        }
        return Double.isInfinite(change) ? "from 0" : String.format(Locale.ROOT, "%+.1f%%", 100 * change);
    }
}

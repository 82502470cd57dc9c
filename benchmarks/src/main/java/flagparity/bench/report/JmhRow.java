package flagparity.bench.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * One row of a JMH result: a benchmark method with one combination of params.
 *
 * @param benchmark the method's full name, e.g. {@code flagparity.bench.jmh.VariableBenchmark.variable}
 * @param mode JMH's short mode: {@code avgt}, {@code thrpt}, {@code ss}, {@code sample}
 * @param params the row's {@code @Param} values, sorted by name
 * @param primary the score
 * @param alloc {@code gc.alloc.rate.norm} (bytes per operation) when the run had {@code -prof gc}, else {@code null}
 * @param settings forks and iterations, as the report shows them
 * @param jvmArgs the forked JVM's arguments
 * @param command the command that reproduces the row, or {@code null} when unknown
 * @param iterations the primary score of each measured iteration, per fork
 */
record JmhRow(String benchmark, String mode, int threads, Map<String, String> params, Metric primary, Metric alloc,
        String settings, String jvmArgs, String command, List<List<Double>> iterations) {

    /** How much worse than the rest a fork's first measured iteration may be before the row counts as still warming. */
    static final double WARMING_RATIO = 1.3;

    JmhRow {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        iterations = iterations.stream().map(List::copyOf).collect(java.util.stream.Collectors.toUnmodifiableList());
    }

    /**
     * True when some fork's first measured iteration is more than {@link #WARMING_RATIO} times worse than
     * the median of its later ones: the warm-up was too short and the score mixes in warming time.
     */
    boolean stillWarming() {
        return anyForkWorse(3, fork -> median(fork.subList(1, fork.size())), fork -> fork.get(0));
    }

    /**
     * True when some fork's later measured iterations are more than {@link #WARMING_RATIO} times worse
     * than its earlier ones (median of the second half against the first): the cost grew while it was
     * measured (a leak, a growing heap, or other work arriving on the machine).
     */
    boolean drifting() {
        return anyForkWorse(4, fork -> median(fork.subList(0, fork.size() / 2)),
                fork -> median(fork.subList(fork.size() - fork.size() / 2, fork.size())));
    }

    /**
     * True when, in some fork of at least {@code minIterations} measured iterations, {@code suspect} is
     * more than {@link #WARMING_RATIO} times worse than {@code reference} (single-shot rows never are).
     */
    private boolean anyForkWorse(int minIterations, ToDoubleFunction<List<Double>> reference,
            ToDoubleFunction<List<Double>> suspect) {
        if ("ss".equals(mode)) {
            return false;
        }
        for (List<Double> fork : iterations) {
            if (fork.size() < minIterations) {
                continue;
            }
            double r = reference.applyAsDouble(fork);
            double x = suspect.applyAsDouble(fork);
            if ((higherIsBetter() ? r / x : x / r) > WARMING_RATIO) {
                return true;
            }
        }
        return false;
    }

    static double median(List<Double> values) {
        return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** {@code VariableBenchmark.variable}. */
    String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    String className() {
        String s = shortName();
        return s.substring(0, s.indexOf('.'));
    }

    String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** The value of param {@code name}, or {@code null} when the row has no such param. */
    String param(String name) {
        return params.get(name);
    }

    /** What identifies the same measurement in two runs: the benchmark, mode, threads and every param. */
    String identity() {
        return shortName() + " " + mode + " " + threads + "t " + params;
    }

    /** The primary score's direction: throughput rows are better higher, time rows lower. */
    boolean higherIsBetter() {
        return Units.higherIsBetter(primary.unit());
    }
}

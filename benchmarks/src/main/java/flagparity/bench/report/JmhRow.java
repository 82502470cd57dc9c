package flagparity.bench.report;

import java.util.Map;
import java.util.TreeMap;

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
 */
record JmhRow(String benchmark, String mode, int threads, Map<String, String> params, Metric primary, Metric alloc,
        String settings, String jvmArgs, String command) {

    JmhRow {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
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

    JmhRow withCommand(String newCommand) {
        return new JmhRow(benchmark, mode, threads, params, primary, alloc, settings, jvmArgs, newCommand);
    }
}

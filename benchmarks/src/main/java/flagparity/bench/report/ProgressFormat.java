package flagparity.bench.report;

import java.io.IOException;
import java.util.Collection;
import java.util.StringJoiner;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/** JMH's own output (to a log file), plus a {@link Progress} line as each row starts. */
final class ProgressFormat implements OutputFormat {
    private final OutputFormat log;
    private final Progress progress;

    ProgressFormat(OutputFormat log, Progress progress) {
        this.log = log;
        this.progress = progress;
    }

    /** {@code VariableBenchmark.variable codec=json engine=wasmtime}: the params that fit on a line. */
    static String label(BenchmarkParams p) {
        String b = p.getBenchmark();
        StringJoiner j = new StringJoiner(" ", b.substring(b.lastIndexOf('.', b.lastIndexOf('.') - 1) + 1) + " ", "");
        j.setEmptyValue(b);
        for (String k : p.getParamsKeys()) {
            String v = p.getParam(k);
            if (!"user".equals(k) && !"key".equals(k)) {
                j.add(k + "=" + v);
            }
        }
        return j.toString();
    }

    @Override
    public void startBenchmark(BenchmarkParams benchParams) {
        progress.unitStarted(label(benchParams));
        log.startBenchmark(benchParams);
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        log.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
            IterationResult data) {
        log.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        log.endBenchmark(result);
    }

    @Override
    public void startRun() {
        log.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        log.endRun(result);
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    @Override
    public void println(String s) {
        log.println(s);
    }

    @Override
    public void flush() {
        log.flush();
    }

    @Override
    public void close() {
        log.close();
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
    }
}

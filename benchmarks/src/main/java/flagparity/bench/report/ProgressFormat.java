package flagparity.bench.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.StringJoiner;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.runner.format.OutputFormat;

/** JMH's own output (to a log file), plus a {@link Progress} line as each row starts. */
final class ProgressFormat {
    private ProgressFormat() {}

    /** {@code log}, which also tells {@code progress} when a row starts. */
    static OutputFormat of(OutputFormat log, Progress progress) {
        return (OutputFormat) Proxy.newProxyInstance(OutputFormat.class.getClassLoader(),
                new Class<?>[] {OutputFormat.class}, (proxy, method, args) -> {
                    if ("startBenchmark".equals(method.getName())) {
                        progress.unitStarted(label((BenchmarkParams) args[0]));
                    }
                    try {
                        return method.invoke(log, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** {@code SpreadBenchmark.variable engine=wasmtime lookupCase=front}: the params that fit on a line. */
    static String label(BenchmarkParams p) {
        String b = p.getBenchmark();
        StringJoiner j = new StringJoiner(" ", b.substring(b.lastIndexOf('.', b.lastIndexOf('.') - 1) + 1) + " ", "");
        j.setEmptyValue(b);
        for (String k : p.getParamsKeys()) {
            if (!"user".equals(k) && !"key".equals(k)) {
                j.add(k + "=" + p.getParam(k));
            }
        }
        return j.toString();
    }
}

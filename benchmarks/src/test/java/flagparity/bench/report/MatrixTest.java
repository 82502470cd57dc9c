package flagparity.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

class MatrixTest {

    @Test
    void quickMatrixFitsAQuarterOfAnHour() {
        double seconds = Matrix.steps(Matrix.QUICK).stream().mapToDouble(s -> s.estimate().toMillis() / 1e3).sum();
        assertTrue(seconds <= 900, "the quick matrix is estimated at " + seconds + " s");
    }

    @Test
    void everyMatrixAsksOnlyForMethodsAndParamsTheBenchmarksHave() {
        for (String mode : List.of(Matrix.QUICK, Matrix.FULL, Matrix.SMOKE)) {
            for (Step s : Matrix.steps(mode)) {
                if (!(s instanceof JmhStep)) {
                    continue;
                }
                JmhStep j = (JmhStep) s;
                for (JmhStep.ParamSet set : j.sets()) {
                    for (String m : set.methods()) {
                        Method method = benchmarkMethod(j.benchmark(), m);
                        String where = mode + " " + j.name() + " " + j.benchmark().getSimpleName() + "." + m;
                        Map<String, String[]> params = params(j.benchmark(), method);
                        for (String p : set.params().keySet()) {
                            assertTrue(params.containsKey(p), where + " has no @Param " + p);
                        }
                        params.forEach((p, values) -> assertTrue(values.length <= 1 || set.params().containsKey(p),
                                where + ": @Param " + p + " has several values; pin it or the rows multiply"));
                    }
                }
            }
        }
    }

    @Test
    void stepNamesAreUniqueSoResultFilesDoNotCollide() {
        for (String mode : List.of(Matrix.QUICK, Matrix.FULL)) {
            List<Step> steps = Matrix.steps(mode);
            assertEquals(steps.size(), steps.stream().map(Step::name).distinct().count(), mode);
        }
    }

    @Test
    void rowsAreTheProductOfTheParamLists() {
        JmhStep.ParamSet set = new JmhStep.ParamSet(List.of("oneThread", "twoThreads"),
                Map.of("engine", List.of("a", "b", "c"), "concurrency", List.of("mutex", "pool")));
        assertEquals(12, set.rows());
        assertEquals("\\.ThroughputBenchmark\\.(oneThread|twoThreads)$",
                set.regex(flagparity.bench.jmh.ThroughputBenchmark.class));
    }

    /**
     * The {@code @Param} fields, with their annotated values, of the {@code @State} objects {@code method}
     * uses, and of those their {@code @Setup} and {@code @TearDown} methods take, as JMH gathers them.
     */
    private static Map<String, String[]> params(Class<?> benchmark, Method method) {
        Map<String, String[]> out = new HashMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>(Arrays.asList(method.getParameterTypes()));
        if (benchmark.isAnnotationPresent(State.class)) {
            todo.add(benchmark);
        }
        Set<Class<?>> states = new HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!c.isAnnotationPresent(State.class) || !states.add(c)) {
                continue;
            }
            for (Method m : c.getMethods()) {
                if (m.isAnnotationPresent(Setup.class) || m.isAnnotationPresent(TearDown.class)) {
                    todo.addAll(Arrays.asList(m.getParameterTypes()));
                }
            }
        }
        for (Class<?> c : states) {
            for (Field f : c.getFields()) {
                Param p = f.getAnnotation(Param.class);
                if (p != null) {
                    out.put(f.getName(), p.value());
                }
            }
        }
        return out;
    }

    private static Method benchmarkMethod(Class<?> c, String method) {
        return Arrays.stream(c.getMethods()).filter(m -> m.getName().equals(method) && m.isAnnotationPresent(Benchmark.class))
                .findFirst().orElseThrow(() -> new AssertionError(c.getSimpleName() + " has no @Benchmark " + method));
    }
}

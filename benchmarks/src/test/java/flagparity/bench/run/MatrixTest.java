package flagparity.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import flagparity.bench.jmh.LookupCase;
import flagparity.reference.api.CoreVersion;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

class MatrixTest {

    @Test
    void quickMatrixFitsTheTimeTheReadmeStates() {
        double seconds = Matrix.steps(Matrix.QUICK, null).stream().mapToDouble(s -> s.estimate().toMillis() / 1e3).sum();
        assertTrue(seconds <= 28 * 60, "the quick matrix is estimated at " + seconds + " s");
    }

    @Test
    void everyMatrixAsksOnlyForMethodsAndParamsTheBenchmarksHave() {
        List<CoreVersion> cores = new java.util.ArrayList<>(Arrays.asList(CoreVersion.values()));
        cores.add(null);
        for (String mode : List.of(Matrix.QUICK, Matrix.FULL, Matrix.SMOKE)) {
            for (Step s : cores.stream().flatMap(c -> Matrix.steps(mode, c).stream()).collect(Collectors.toList())) {
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
    void theHeadlineRunsEveryCoreByDefaultAndOneWithCore() {
        Map<String, Set<String>> byDefault = headlineCasesByEngineAndCore(null);
        String newest = CoreVersion.newest().id();
        String older = CoreVersion.values()[0].id();
        assertEquals(LookupCase.SPREAD.size(), byDefault.get("chicory-aot " + newest).size(), byDefault.toString());
        assertEquals(Set.copyOf(Matrix.OLDER_CORE_CASES), byDefault.get("chicory-aot " + older), byDefault.toString());
        assertTrue(byDefault.containsKey("reference " + older), "the reference per version");

        Map<String, Set<String>> onOlder = headlineCasesByEngineAndCore(CoreVersion.values()[0]);
        assertEquals(LookupCase.SPREAD.size(), onOlder.get("chicory-aot " + older).size(), onOlder.toString());
        assertFalse(onOlder.containsKey("chicory-aot " + newest), onOlder.toString());
        assertTrue(onOlder.keySet().stream().anyMatch(k -> k.startsWith("devcycle-sdk ")), "the peer stays");
    }

    /** Cases of the quick headline by "engine core". */
    private static Map<String, Set<String>> headlineCasesByEngineAndCore(CoreVersion only) {
        Map<String, Set<String>> out = new HashMap<>();
        for (JmhStep.ParamSet set : ((JmhStep) Matrix.steps(Matrix.QUICK, only).get(0)).sets()) {
            out.computeIfAbsent(set.params().get("engine").get(0) + " " + set.params().get("core").get(0),
                    k -> new HashSet<>()).addAll(set.params().get("lookupCase"));
        }
        return out;
    }

    @Test
    void stepNamesAreUniqueSoResultFilesDoNotCollide() {
        for (String mode : List.of(Matrix.QUICK, Matrix.FULL)) {
            List<Step> steps = Matrix.steps(mode, null);
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

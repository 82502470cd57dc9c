package flagparity.bench.run;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * A JMH sweep, run in this JVM through JMH's {@link Runner} (every row still in its own forked JVM):
 * one JMH run per {@link ParamSet}, each writing {@code jmh/NAME[-N].json} and its log.
 */
record JmhStep(String name, String title, Class<?> benchmark, List<ParamSet> sets, JmhTiming timing, boolean gc)
        implements Step {

    static final int LOCK_WAIT_MINUTES = 30;

    /** The tool as the report's command lines run it, from the project's root. */
    static final String JAR_RUN = "-jar benchmarks/target/flagparity.jar";
    static final String JAR = "java " + JAR_RUN;

    /**
     * Benchmark methods of the class and the params to sweep over them (every combination, as JMH does).
     * Every param the methods take that is annotated with more than one value must be given here
     * (JMH would sweep the annotated values too), so the row count is the product of the lists' sizes.
     *
     * @param timing this set's forks and iterations, or {@code null} for the step's
     */
    record ParamSet(List<String> methods, Map<String, List<String>> params, JmhTiming timing) {
        ParamSet {
            methods = List.copyOf(methods);
            Map<String, List<String>> copy = new LinkedHashMap<>();
            params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            params = java.util.Collections.unmodifiableMap(copy);
        }

        ParamSet(List<String> methods, Map<String, List<String>> params) {
            this(methods, params, null);
        }

        static ParamSet of(String method, Map<String, List<String>> params) {
            return new ParamSet(List.of(method), params);
        }

        /** The same set with its own forks and iterations. */
        ParamSet with(JmhTiming ownTiming) {
            return new ParamSet(methods, params, ownTiming);
        }

        int rows() {
            int n = methods.size();
            for (List<String> v : params.values()) {
                n *= v.size();
            }
            return n;
        }

        String regex(Class<?> benchmark) {
            return "\\." + benchmark.getSimpleName() + "\\.(" + String.join("|", methods) + ")$";
        }
    }

    JmhStep {
        sets = List.copyOf(sets);
    }

    /** The same step with every set on core version {@code core}. */
    JmhStep onCore(String core) {
        return new JmhStep(name, title, benchmark, sets.stream().map(s -> {
            Map<String, List<String>> p = new LinkedHashMap<>(s.params());
            p.put("core", List.of(core));
            return new ParamSet(s.methods(), p, s.timing());
        }).collect(Collectors.toList()), timing, gc);
    }

    @Override
    public String kind() {
        return "jmh";
    }

    @Override
    public int units() {
        return sets.stream().mapToInt(ParamSet::rows).sum();
    }

    @Override
    public Duration estimate() {
        double seconds = 0;
        for (ParamSet set : sets) {
            seconds += set.rows() * timing(set).rowSeconds(benchmark);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private JmhTiming timing(ParamSet set) {
        return set.timing() != null ? set.timing() : timing;
    }

    private String file(int set) {
        return Runs.JMH + "/" + name + (sets.size() > 1 ? "-" + (set + 1) : "") + ".json";
    }

    @Override
    public List<String> commands(Path runDir) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            out.add(command(sets.get(i), runDir.resolve(file(i))));
        }
        return out;
    }

    private String command(ParamSet set, Path result) {
        List<String> a = new ArrayList<>();
        a.add(JAR + " jmh '" + set.regex(benchmark) + "'");
        set.params().forEach((k, v) -> a.add("-p " + k + "=" + String.join(",", v)));
        a.addAll(timing(set).cliArgs());
        if (gc) {
            a.add("-prof gc");
        }
        a.add("-rf json -rff " + result.toString().replace('\\', '/'));
        return String.join(" ", a);
    }

    @Override
    public List<Manifest.Part> run(Context ctx) throws IOException {
        Files.createDirectories(ctx.runDir().resolve(Runs.JMH));
        List<Manifest.Part> parts = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            ParamSet set = sets.get(i);
            String file = file(i);
            Path result = ctx.runDir().resolve(file);
            ChainedOptionsBuilder b = new OptionsBuilder()
                    .include(set.regex(benchmark))
                    .shouldFailOnError(false)
                    .resultFormat(ResultFormatType.JSON)
                    .result(result.toString());
            set.params().forEach((k, v) -> b.param(k, v.toArray(new String[0])));
            timing(set).apply(b);
            if (gc) {
                b.addProfiler(GCProfiler.class);
            }
            Path log = ctx.runDir().resolve(file.replace(".json", ".log"));
            String status;
            try (PrintStream ps = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
                Collection<RunResult> results = runWhenJmhIsFree(b, ps, ctx.progress());
                status = results.size() == set.rows() ? "ok"
                        : (set.rows() - results.size()) + " of " + set.rows() + " rows failed (see "
                                + log.getFileName() + "): " + missing(set, results);
            } catch (RunnerException e) {
                status = "failed: " + e.getMessage();
            }
            Step.withoutMachinePaths(result); // JMH records the forks' launcher (and log lines) by their paths here
            Step.withoutMachinePaths(log);
            if (!"ok".equals(status)) {
                ctx.progress().note(status);
            }
            parts.add(new Manifest.Part(command(set, result), file, status));
        }
        return parts;
    }

    /**
     * Runs JMH; while another JMH run on the machine holds JMH's lock, waits for it (up to
     * {@value #LOCK_WAIT_MINUTES} minutes) rather than measuring alongside it.
     */
    private static Collection<RunResult> runWhenJmhIsFree(ChainedOptionsBuilder b, PrintStream log, Progress progress)
            throws RunnerException, InterruptedIOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(LOCK_WAIT_MINUTES);
        boolean said = false;
        while (true) {
            try {
                return new Runner(b.build(), progress.wrap(
                        OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL))).run();
            } catch (RunnerException e) {
                if (e.getMessage() == null || !e.getMessage().contains("JMH lock") || System.nanoTime() > deadline) {
                    throw e;
                }
                if (!said) {
                    progress.note("another JMH run holds the JMH lock; waiting for it to finish");
                    said = true;
                }
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the JMH lock");
                }
            }
        }
    }

    /** The methods and param values with fewer rows than asked for, to say which rows failed. */
    private static String missing(ParamSet set, Collection<RunResult> results) {
        return set.params().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().stream()
                        .filter(v -> results.stream().filter(r -> v.equals(r.getParams().getParam(e.getKey())))
                                .count() < set.rows() / e.getValue().size())
                        .collect(Collectors.joining(",")))
                .filter(s -> !s.endsWith(" "))
                .collect(Collectors.joining("; "));
    }
}

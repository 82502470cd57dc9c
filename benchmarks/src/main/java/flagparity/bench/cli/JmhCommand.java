package flagparity.bench.cli;

import flagparity.bench.jmh.CoreChoice;
import flagparity.bench.jmh.EngineParam;
import flagparity.reference.api.Engines;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code jmh}: every following argument goes to JMH's own command line ({@code jmh -h} for its help).
 * The benchmarks' {@code engine} parameter comes from the engine registry: {@code -p engine=all} (the
 * default when no {@code -p engine=} is given) stands for every engine this JVM can run. When {@code -p engine=...} names an engine that needs JVM options ({@code graalwasm}'s runtime on the
 * module path), they are appended to the forks' {@code -jvmArgsAppend} (after the benchmarks' own
 * {@code -Xms1g -Xmx1g} when none is given). Each {@code -p core=} value is checked before JMH starts
 * ({@link CoreChoice}), so a misspelt core fails at once, naming the choices, instead of in every fork.
 */
@Command(name = "jmh", description = "Runs the JMH benchmarks; every argument is JMH's (try: jmh -h, jmh -l).")
final class JmhCommand implements Callable<Integer> {
    /** The heap the benchmarks' annotations give their forks; JMH drops it when -jvmArgsAppend is given. */
    private static final String BENCHMARK_HEAP = "-Xms1g -Xmx1g";

    /** The benchmarks' core parameter ({@code Served.core}). */
    private static final String CORE_PARAM = "core=";

    @Spec
    private CommandSpec spec;

    @Unmatched
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        try {
            checkCores(args);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "-p " + CORE_PARAM + ": " + e.getMessage(), e);
        }
        org.openjdk.jmh.Main.main(withEngineJvmArgs(withEngines(args)).toArray(new String[0]));
        return 0;
    }

    /** {@code args} with each {@code -p engine=} value expanded ({@link EngineParam#expand}), or {@code -p engine=all}'s expansion added. */
    static List<String> withEngines(List<String> args) {
        String prefix = EngineParam.NAME + "=";
        List<String> out = new ArrayList<>(args);
        boolean given = false;
        for (int i = 0; i + 1 < out.size(); i++) {
            if (out.get(i).equals("-p") && out.get(i + 1).startsWith(prefix)) {
                given = true;
                List<String> named = List.of(out.get(i + 1).substring(prefix.length()).split(","));
                out.set(i + 1, prefix + String.join(",", EngineParam.expand(named)));
            }
        }
        if (!given) {
            out.add("-p");
            out.add(prefix + String.join(",", EngineParam.expand(List.of(EngineParam.ALL))));
        }
        return out;
    }

    /** @throws IllegalArgumentException for a {@code -p core=} value that names no core, listing the ones there are */
    static void checkCores(List<String> args) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-p") && args.get(i + 1).startsWith(CORE_PARAM)) {
                for (String id : args.get(i + 1).substring(CORE_PARAM.length()).split(",")) {
                    CoreChoice.parse(id);
                }
            }
        }
    }

    static List<String> withEngineJvmArgs(List<String> args) {
        Set<String> needed = new LinkedHashSet<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-p") && args.get(i + 1).startsWith(EngineParam.NAME + "=")) {
                for (String id : args.get(i + 1).substring(EngineParam.NAME.length() + 1).split(",")) {
                    if (Engines.ids().contains(id)) {
                        needed.addAll(Engines.get(id).jvmArgs());
                    }
                }
            }
        }
        if (needed.isEmpty()) {
            return args;
        }
        List<String> out = new ArrayList<>(args);
        int at = out.indexOf("-jvmArgsAppend");
        if (at >= 0 && at + 1 < out.size()) {
            out.set(at + 1, out.get(at + 1) + " " + String.join(" ", needed));
        } else {
            out.add("-jvmArgsAppend");
            out.add(BENCHMARK_HEAP + " " + String.join(" ", needed));
        }
        return out;
    }
}

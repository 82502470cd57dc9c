package flagparity.bench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code jmh}: every following argument goes to JMH's own command line ({@code jmh -h} for its help). */
@Command(name = "jmh", description = "Runs the JMH benchmarks; every argument is JMH's (try: jmh -h, jmh -l).")
final class JmhCommand implements Callable<Integer> {
    @Unmatched
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(args.toArray(new String[0]));
        return 0;
    }
}

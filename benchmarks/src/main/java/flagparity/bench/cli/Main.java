package flagparity.bench.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The flagparity command-line tool, {@code java -jar flagparity.jar <command>} (DESIGN.md
 * "Command-line tool"). Exit status: 0 done (a request line that was invalid still gets its
 * {@code {"error":...}} line), 1 failed, 2 bad options or an unusable config.
 */
@Command(name = "flagparity", mixinStandardHelpOptions = true, version = "flagparity 0.1.0",
        description = "DevCycle's Wasm feature-flag core on Java Wasm engines, a pure-Java evaluator, "
                + "and DevCycle's own Java SDK, answering the same questions.")
public final class Main implements Runnable {
    /** The subcommands, in help order; a new command is one more entry here. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(EvalCommand.class, BucketCommand.class,
            ExplainCommand.class, JmhCommand.class, LatencyCommand.class, ReportCommand.class, EnginesCommand.class);

    private final InputStream in;

    @Spec
    private CommandSpec spec;

    private Main(InputStream in) {
        this.in = in;
    }

    public static void main(String[] args) {
        CommandLine cmd = commandLine(System.in);
        cmd.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        int status = cmd.execute(args);
        cmd.getOut().flush();
        System.exit(status);
    }

    /**
     * The command line with every subcommand, reading requests from {@code in}; set its out and err
     * with {@link CommandLine#setOut} and {@link CommandLine#setErr} (tests run it in-process).
     */
    public static CommandLine commandLine(InputStream in) {
        CommandLine cmd = new CommandLine(new Main(in));
        for (Class<?> sub : SUBCOMMANDS) {
            cmd.addSubcommand(sub);
        }
        cmd.setExecutionExceptionHandler(Main::handle);
        return cmd;
    }

    /** Where the request lines come from. */
    InputStream in() {
        return in;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** One line on stderr, no stack trace: status 2 for a config that cannot be used, 1 otherwise. */
    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        cmd.getOut().flush();
        if (e instanceof UnusableConfigException) {
            cmd.getErr().println("flagparity: " + e.getMessage());
            return 2;
        }
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        cmd.getErr().println("flagparity: " + cmd.getCommandName() + " failed: " + message);
        return 1;
    }
}

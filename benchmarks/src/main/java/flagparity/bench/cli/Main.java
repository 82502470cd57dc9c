package flagparity.bench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The flagparity command-line tool (DESIGN.md "Command-line tool"). (First cut: subcommands follow.) */
@Command(name = "flagparity", mixinStandardHelpOptions = true,
        description = "DevCycle's Wasm core on Java Wasm engines vs a pure-Java evaluator.")
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand, for in-process use (tests). */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a subcommand is required");
    }
}

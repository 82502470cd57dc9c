package flagparity.bench.cli;

import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EngineDescriptor;
import flagparity.reference.api.Engines;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code engines}: the engine registry, one engine a line, its name first. */
@Command(name = "engines", mixinStandardHelpOptions = true,
        description = {"Lists the engines: one a line, its name first, then what it is and supports.",
                "fixed= lists the project's D7-fixed core builds it runs (--core VERSION-d7fix), - for none.",
                "An engine this JVM cannot run ends with \"unavailable: <why>\"."})
final class EnginesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (EngineDescriptor d : Engines.all()) {
            out.println(line(d));
        }
        out.flush();
        return 0;
    }

    static String line(EngineDescriptor d) {
        String line = d.id()
                + " kind=" + d.kind().id()
                + " codecs=" + list(d.codecs())
                + " concurrency=" + list(d.concurrencies())
                + " cores=" + list(d.coreVersions().stream().map(CoreVersion::id).collect(Collectors.toList()))
                + " fixed=" + list(d.takesFixedBuild()
                        ? d.coreVersions().stream().map(v -> v.id() + CoreVersion.FIXED_SUFFIX).collect(Collectors.toList())
                        : List.of())
                + " compiled=" + (d.compiled() ? "yes" : "no")
                + " colour=" + d.colour();
        return d.availability().isAvailable() ? line : line + " unavailable: " + d.availability().reason();
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "-" : String.join(",", ids);
    }
}

package flagparity.bench.cli;

import flagparity.reference.api.Engines;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.JsonCodec;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bucket}: one user JSON a line to the bucketed config for that user, or {@code {"error":"..."}}. */
@Command(name = "bucket", mixinStandardHelpOptions = true,
        description = {"Buckets users: one user JSON a line on stdin.",
                "Writes one line per user: the bucketed config (generateBucketedConfigForUser), "
                        + "or {\"error\":\"...\"}."})
final class BucketCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Override
    public Integer call() throws IOException {
        if (!Engines.get(options.engine).bucketsConfig()) {
            throw new ParameterException(spec.commandLine(), options.engine + " cannot bucket: it has no bucketed-config call");
        }
        try (Evaluator evaluator = options.open(spec.commandLine(), "mutex")) {
            Lines.process(main.in(), spec.commandLine().getOut(), line -> {
                try {
                    return evaluator.bucketedConfig(JsonCodec.parseUser(line));
                } catch (EvaluationException e) {
                    return Lines.error(e.getMessage());
                }
            });
        }
        return 0;
    }
}

package flagparity.bench.cli;

import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.JsonCodec;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code eval}: one request a line, {@code {"user":{...},"key":"...","type":"Boolean|Number|String|JSON"}},
 * to one line each, in order: the variable as the core writes it, {@code null}, or
 * {@code {"error":"..."}} for a request that is invalid (the run goes on).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates variables: one request a line on stdin, "
                + "{\"user\":{...},\"key\":\"...\",\"type\":\"Boolean|Number|String|JSON\"}.",
                "Writes one line per request: the variable {\"_id\",\"type\",\"key\",\"value\"}, null, "
                        + "or {\"error\":\"...\"}."})
final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Option(names = "--concurrency", defaultValue = "mutex", paramLabel = "X",
            converter = EngineOptions.ConcurrencyId.class,
            description = "Wasm engines: mutex or pool (default: ${DEFAULT-VALUE}).")
    private String concurrency;

    @Override
    public Integer call() throws IOException {
        try (Evaluator evaluator = options.open(spec.commandLine(), concurrency)) {
            Lines.process(main.in(), spec.commandLine().getOut(), line -> answer(evaluator, line));
        }
        return 0;
    }

    private static String answer(Evaluator evaluator, String line) {
        EvalRequest request;
        try {
            request = EvalRequest.parse(line);
        } catch (EvalRequest.Invalid e) {
            return Lines.error(e.getMessage());
        }
        try {
            User user = JsonCodec.parseUser(request.userJson());
            Variable v = evaluator.variable(user, request.key(), request.type());
            return v == null ? "null" : JsonCodec.writeVariable(v);
        } catch (EvaluationException e) {
            return Lines.error(e.getMessage());
        }
    }
}

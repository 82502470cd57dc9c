package flagparity.bench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.json.JsonCodec;
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
        JsonNode request;
        try {
            request = JsonCodec.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            return Lines.error("request is not valid JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            return Lines.error("request is not a JSON object");
        }
        JsonNode userNode = request.get("user");
        if (userNode == null || !userNode.isObject()) {
            return Lines.error("request has no \"user\" object");
        }
        JsonNode key = request.get("key");
        if (key == null || !key.isTextual()) {
            return Lines.error("request has no \"key\" string");
        }
        JsonNode typeNode = request.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            return Lines.error("request has no \"type\" string");
        }
        VariableType type;
        try {
            type = VariableType.parse(typeNode.textValue());
        } catch (IllegalArgumentException e) {
            return Lines.error(e.getMessage());
        }
        try {
            User user = JsonCodec.parseUser(userNode.toString());
            Variable v = evaluator.variable(user, key.textValue(), type);
            return v == null ? "null" : JsonCodec.writeVariable(v);
        } catch (EvaluationException e) {
            return Lines.error(e.getMessage());
        }
    }
}

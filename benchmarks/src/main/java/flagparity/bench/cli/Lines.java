package flagparity.bench.cli;

import flagparity.reference.api.JsonCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** The line protocol of {@code eval} and {@code bucket}: one answer line per input line, in order. */
final class Lines {
    private Lines() {}

    /**
     * Answers every line of {@code in} (UTF-8), a blank line with an error, and flushes at the end.
     * Each answer is written {@linkplain JsonCodec#lossless losslessly}: what the core wrote, with
     * lone surrogates and raw control characters as escapes.
     */
    static void process(InputStream in, PrintWriter out, Function<String, String> answer) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            out.write(line.isBlank() ? error("empty line") : JsonCodec.lossless(answer.apply(line)));
            out.write('\n');
        }
        out.flush();
    }

    /** {@code {"error":"..."}}. */
    static String error(String message) {
        return JsonCodec.mapper().createObjectNode().put("error", message).toString();
    }
}

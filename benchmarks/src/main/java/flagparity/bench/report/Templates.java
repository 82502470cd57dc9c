package flagparity.bench.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * The report's Mustache templates: {@code report.md.mustache} says what the numbers mean,
 * {@code tables.mustache} lays out every table; the code only computes the values they show.
 */
final class Templates {
    private static final DefaultMustacheFactory FACTORY = new DefaultMustacheFactory("flagparity/bench/report") {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value); // Markdown, not HTML: nothing to escape
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private static final Mustache PAGE = FACTORY.compile("report.md.mustache");
    private static final Mustache TABLES = FACTORY.compile("tables.mustache");

    private Templates() {}

    static String page(Map<String, Object> model) {
        return PAGE.execute(new StringWriter(), model).toString().replaceAll("\n{3,}", "\n\n");
    }

    /** The table {@code name} of {@code tables.mustache}, laid out from {@code model}. */
    static String table(String name, Object model) {
        return TABLES.execute(new StringWriter(), Map.of(name, model)).toString();
    }
}

package flagparity.bench.report;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the report's tables into DECISIONS.md: the prose there is written by hand, the numbers come from
 * the run. A block from {@code <!-- table:NAME -->} to {@code <!-- /table:NAME -->} is replaced by the
 * table of that name ({@link ReportWriter#tables()}).
 */
final class Decisions {
    private static final Pattern BLOCK =
            Pattern.compile("(<!-- table:([A-Za-z0-9._-]+) -->\\n)(.*?)(<!-- /table:\\2 -->)", Pattern.DOTALL);

    private Decisions() {}

    /**
     * The text with every marked block filled.
     *
     * @throws IllegalArgumentException when a block names a table the run does not have
     */
    static String fill(String text, Map<String, String> tables) {
        Matcher m = BLOCK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String table = tables.get(m.group(2));
            if (table == null) {
                throw new IllegalArgumentException("DECISIONS.md asks for table \"" + m.group(2)
                        + "\", which this run does not have (it has: " + String.join(", ", tables.keySet()) + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + table.strip() + "\n" + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }
}

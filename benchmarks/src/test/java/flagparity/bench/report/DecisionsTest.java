package flagparity.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionsTest {

    @Test
    void markedBlocksAreReplacedAndProseKept() {
        String text = "# Decisions\n\nProse one.\n\n<!-- table:headline -->\nold numbers\n<!-- /table:headline -->\n\n"
                + "More prose.\n<!-- table:cold-start -->\n<!-- /table:cold-start -->\nEnd.\n";
        String filled = Decisions.fill(text, Map.of("headline", "| a |\n|---|\n| 1 |\n", "cold-start", "| b |\n"));
        assertEquals("# Decisions\n\nProse one.\n\n<!-- table:headline -->\n| a |\n|---|\n| 1 |\n"
                + "<!-- /table:headline -->\n\nMore prose.\n<!-- table:cold-start -->\n| b |\n<!-- /table:cold-start -->\nEnd.\n",
                filled);
        assertEquals(filled, Decisions.fill(filled, Map.of("headline", "| a |\n|---|\n| 1 |\n", "cold-start", "| b |\n")),
                "filling twice changes nothing");
    }

    @Test
    void unknownTableIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> Decisions.fill("<!-- table:nope -->\n<!-- /table:nope -->\n", Map.of("headline", "x")));
    }

    @Test
    void dollarsAndBackslashesInTablesAreLiteral() {
        String filled = Decisions.fill("<!-- table:t -->\n<!-- /table:t -->\n", Map.of("t", "`a$1\\b`"));
        assertEquals("<!-- table:t -->\n`a$1\\b`\n<!-- /table:t -->\n", filled);
    }
}

package flagparity.reference.explain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One evaluated step of an audience: an operator, audienceMatch filter or audience with the steps
 * inside it, or a filter with the user's value it saw. Only steps the core evaluates appear (and/or
 * stop early). Immutable.
 *
 * @param kind operator, audienceMatch, audience, user, customData or constant
 * @param description what was checked, e.g. {@code email contain ["@x.com"]}
 * @param actual the user's value as text ({@code (absent)} when missing), null for non-leaves
 * @param note a core quirk that decided the step, or null
 */
public record FilterTrace(String kind, String description, String actual, boolean passed, String note,
        List<FilterTrace> children) {

    public FilterTrace {
        children = List.copyOf(children);
    }

    void writeTo(ObjectNode o) {
        o.put("kind", kind);
        o.put("check", description);
        if (actual != null) o.put("actual", actual);
        o.put("passed", passed);
        if (note != null) o.put("note", note);
        if (!children.isEmpty()) {
            ArrayNode a = o.putArray("steps");
            for (FilterTrace c : children) c.writeTo(a.addObject());
        }
    }
}

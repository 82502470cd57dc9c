package flagparity.parity.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing JSON document (a config, a user) by deleting array elements and object keys,
 * outermost first, keeping each deletion after which the failure persists. jqwik's own shrinking
 * of a generated config is slow and stops early; deletions on the JSON itself reach a config of a
 * feature or two and a user of a field or two in a few hundred checks.
 */
public final class Minimizer {
    private Minimizer() {}

    /** At most this many checks per document. */
    static final int MAX_CHECKS = 3000;

    /**
     * The smallest document found from which {@code fails} still holds. {@code keep} names object
     * keys never deleted (a user's {@code user_id}).
     */
    public static JsonNode minimize(JsonNode doc, Predicate<JsonNode> fails, List<String> keep) {
        JsonNode current = doc.deepCopy();
        int checks = 0;
        boolean changed = true;
        while (changed && checks < MAX_CHECKS) {
            changed = false;
            for (List<Object> path : containers(current)) {
                JsonNode container = at(current, path);
                int size = container.size();
                for (int i = size - 1; i >= 0 && checks < MAX_CHECKS; i--) {
                    JsonNode candidate = current.deepCopy();
                    JsonNode c = at(candidate, path);
                    if (c == null || i >= c.size()) {
                        continue;
                    }
                    if (c.isArray()) {
                        ((ArrayNode) c).remove(i);
                    } else {
                        String key = fieldName(c, i);
                        if (keep.contains(key) && path.isEmpty()) {
                            continue;
                        }
                        ((ObjectNode) c).remove(key);
                    }
                    checks++;
                    if (fails.test(candidate)) {
                        current = candidate;
                        changed = true;
                    }
                }
                if (changed) {
                    // the containers moved: start over from the top
                    break;
                }
            }
        }
        return current;
    }

    /** The paths (object keys and array indexes) of every container in {@code root}, outermost first. */
    private static List<List<Object>> containers(JsonNode root) {
        List<List<Object>> out = new ArrayList<>();
        Deque<List<Object>> queue = new ArrayDeque<>();
        queue.add(List.of());
        while (!queue.isEmpty()) {
            List<Object> path = queue.poll();
            JsonNode n = at(root, path);
            if (n == null || !n.isContainerNode() || n.size() == 0) {
                continue;
            }
            out.add(path);
            if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) {
                    queue.add(append(path, i));
                }
            } else {
                for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                    queue.add(append(path, it.next()));
                }
            }
        }
        return out;
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> p = new ArrayList<>(path);
        p.add(step);
        return p;
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode n = root;
        for (Object step : path) {
            if (n == null) {
                return null;
            }
            n = step instanceof Integer ? n.get((Integer) step) : n.get((String) step);
        }
        return n;
    }

    private static String fieldName(JsonNode object, int index) {
        Iterator<String> it = object.fieldNames();
        for (int i = 0; i < index; i++) {
            it.next();
        }
        return it.next();
    }
}

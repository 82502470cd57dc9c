package flagparity.parity.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares two outcomes the way the parity suite defines equality: the same kind; values equal as
 * JSON trees, numbers compared as numbers ({@code 7} equals {@code 7.0}), object keys in any order.
 * A difference is rendered as the JSON path where the trees first part, with both sides.
 */
public final class ResultDiff {
    private ResultDiff() {}

    /** Empty when {@code expected} and {@code actual} are equal; otherwise what differs. */
    public static Optional<String> diff(Outcome expected, Outcome actual) {
        if (expected.kind() != actual.kind()) {
            return Optional.of("expected " + expected.kind() + " " + expected + "\n  but got " + actual.kind() + " " + actual);
        }
        if (expected.kind() != Outcome.Kind.VALUE) {
            return Optional.empty();
        }
        if (expected.tree() == null || actual.tree() == null) {
            return expected.text().equals(actual.text()) ? Optional.empty()
                    : Optional.of("texts differ (not both parseable JSON):\n  expected " + expected.text() + "\n  actual   " + actual.text());
        }
        return diff("$", expected.tree(), actual.tree())
                .map(d -> d + "\n  expected " + expected.text() + "\n  actual   " + actual.text());
    }

    static Optional<String> diff(String path, JsonNode e, JsonNode a) {
        if (e.isNumber() && a.isNumber()) {
            return numbersEqual(e, a) ? Optional.empty() : Optional.of(at(path, e, a));
        }
        if (e.getNodeType() != a.getNodeType()) {
            return Optional.of(at(path, e, a));
        }
        if (e.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            e.fieldNames().forEachRemaining(keys::add);
            a.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                JsonNode ev = e.get(k);
                JsonNode av = a.get(k);
                if (ev == null || av == null) {
                    return Optional.of(path + "." + k + ": expected " + (ev == null ? "<absent>" : ev)
                            + ", actual " + (av == null ? "<absent>" : av));
                }
                Optional<String> d = diff(path + "." + k, ev, av);
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (e.isArray()) {
            if (e.size() != a.size()) {
                return Optional.of(path + ": expected " + e.size() + " elements, actual " + a.size() + ": " + at(path, e, a));
            }
            Iterator<JsonNode> ei = e.elements();
            Iterator<JsonNode> ai = a.elements();
            for (int i = 0; ei.hasNext(); i++) {
                Optional<String> d = diff(path + "[" + i + "]", ei.next(), ai.next());
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        return e.equals(a) ? Optional.empty() : Optional.of(at(path, e, a));
    }

    /** Integers exactly; a float against anything as the same double, or exactly when one side is integral. */
    static boolean numbersEqual(JsonNode e, JsonNode a) {
        if (isNonFinite(e) || isNonFinite(a)) {
            return Double.compare(e.doubleValue(), a.doubleValue()) == 0;
        }
        if (e.isIntegralNumber() != a.isIntegralNumber()) {
            return exact(e).compareTo(exact(a)) == 0;
        }
        if (e.isIntegralNumber()) {
            return e.bigIntegerValue().equals(a.bigIntegerValue());
        }
        return e.doubleValue() == a.doubleValue();
    }

    private static boolean isNonFinite(JsonNode n) {
        return (n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue());
    }

    private static BigDecimal exact(JsonNode n) {
        if (n.isIntegralNumber()) {
            return new BigDecimal(n.bigIntegerValue());
        }
        // a float stands for the double it denotes, not for its decimal spelling
        return new BigDecimal(n.doubleValue());
    }

    private static String at(String path, JsonNode e, JsonNode a) {
        return path + ": expected " + e + ", actual " + a;
    }
}

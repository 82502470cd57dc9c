package flagparity.reference.config;

import flagparity.reference.api.ConfigException;
import flagparity.reference.internal.AsDate;
import flagparity.reference.internal.CoreJsonWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core's typed reads of a parsed JSON object ({@code getStringFromJSONObj} and its kin), each
 * failing as the core fails, with a {@link ConfigException} naming the JSON path.
 */
final class CoreFields {
    private CoreFields() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** An array element or map value the core downcasts to an object. */
    static Map<String, Object> element(Object o, String path) {
        if (!(o instanceof Map)) throw fail(path, "invalid downcast: not a JSON object");
        return asMap(o);
    }

    static Map<String, Object> object(Map<String, Object> o, String key, String path) {
        Object v = o.get(key);
        if (!(v instanceof Map)) throw fail(path, "Object not found for key: \"" + key + "\"");
        return asMap(v);
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Map<String, Object> o, String key, String path) {
        Object v = o.get(key);
        if (!(v instanceof List)) throw fail(path, "Array not found for key: \"" + key + "\"");
        return (List<Object>) v;
    }

    static String string(Map<String, Object> o, String key, String path) {
        Object v = o.get(key);
        if (!(v instanceof String)) throw fail(path, "Missing string value for key: \"" + key + "\"");
        return (String) v;
    }

    static String oneOf(Map<String, Object> o, String key, List<String> valid, String path) {
        String v = string(o, key, path);
        if (!valid.contains(v)) {
            throw fail(path, "Invalid string value: " + v + ", for key: " + key + ", must be one of: " + String.join(", ", valid));
        }
        return v;
    }

    /** A required number that must not be NaN ({@code getF64FromJSONObj}). */
    static double number(Map<String, Object> o, String key, String path) {
        Object v = o.get(key);
        double d = v instanceof Long ? (double) (Long) v : v instanceof Double ? (Double) v : Double.NaN;
        if (Double.isNaN(d)) throw fail(path, "Invalid number value: NaN, for key: \"" + key + "\"");
        return d;
    }

    /** An optional number; when present it must be a number, NaN included ({@code getF64FromJSONOptional}). */
    static double optionalNumber(Map<String, Object> o, String key, double defaultValue, String path) {
        if (!o.containsKey(key)) return defaultValue;
        Object v = o.get(key);
        if (v instanceof Long) return (double) (Long) v;
        if (v instanceof Double) return (Double) v;
        throw fail(path, "Invalid number value: " + CoreJsonWriter.write(v) + ", for key: \"" + key + "\"");
    }

    static long date(Map<String, Object> o, String key, String path) {
        String s = string(o, key, path);
        try {
            return AsDate.parse(s);
        } catch (AsDate.InvalidDateException e) {
            throw fail(path, "Invalid Date for key \"" + key + "\": \"" + s + "\"");
        }
    }

    static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        CoreJsonWriter.appendString(sb, s);
        return sb.toString();
    }

    /** Runs of the same step, as in a path through nested operators. */
    private static final Pattern REPEATED_STEP = Pattern.compile("(\\.filters\\[\\d+])\\1+");

    /** The problem at {@code path} with runs of one step written once with a count. */
    static ConfigException tooDeep(String path, String what) {
        Matcher m = REPEATED_STEP.matcher(path);
        StringBuilder compact = new StringBuilder();
        while (m.find()) {
            String step = m.group(1);
            m.appendReplacement(compact, Matcher.quoteReplacement(step + "x" + m.group().length() / step.length()));
        }
        m.appendTail(compact);
        return fail(compact.toString(), what + " too deeply for the core's stack (it aborts)");
    }

    static ConfigException fail(String path, String problem) {
        return new ConfigException((path.isEmpty() ? "config" : path) + ": " + problem);
    }
}

package flagparity.reference.eval;

import flagparity.reference.api.User;
import java.util.Map;

/** Custom-data lookups as the core does them, telling an absent key from a JSON null. */
public final class CustomData {
    /** Returned for a key that is absent (a present JSON null is {@code null}). */
    public static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "(absent)";
        }
    };

    private CustomData() {}

    /** The value of {@code key} in the user's combined custom data: privateCustomData wins over customData. */
    public static Object combined(User user, String key) {
        Map<String, Object> p = user.privateCustomData();
        if (p != null) {
            Object v = p.getOrDefault(key, ABSENT);
            if (v != ABSENT) return v;
        }
        Map<String, Object> c = user.customData();
        return c == null ? ABSENT : c.getOrDefault(key, ABSENT);
    }

    /** {@link #combined}, falling back to the client custom data when the user lacks the key. */
    public static Object withClientFallback(User user, Environment env, String key) {
        Object v = combined(user, key);
        return v != ABSENT ? v : env.clientCustomData().getOrDefault(key, ABSENT);
    }

    /** A value as explain shows it. */
    public static String describe(Object v) {
        if (v == ABSENT) return "(absent)";
        if (v == null) return "null";
        if (v instanceof String) return "\"" + v + "\"";
        return v.toString();
    }
}

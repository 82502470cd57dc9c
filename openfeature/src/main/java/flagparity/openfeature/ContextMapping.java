package flagparity.openfeature;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.Structure;
import dev.openfeature.sdk.Value;
import flagparity.reference.api.User;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OpenFeature evaluation context as a DevCycle user, mapped the way DevCycle's own provider
 * ({@code DevCycleProvider} in java-server-sdk 2.6.0) maps it, as observed by running it (the table
 * is in the module's README):
 * <ul>
 *   <li>{@code user_id}: the targeting key; when it is null or empty, a non-empty String attribute
 *       {@code user_id}; otherwise there is no user (OpenFeature's {@code TARGETING_KEY_MISSING}).</li>
 *   <li>{@code email}, {@code name}, {@code language}, {@code country}, {@code appVersion},
 *       {@code appBuild}: the attribute of that name when it is a String ({@code appBuild} is then
 *       read as a Java double, unparseable text meaning no build); of any other type it goes to custom
 *       data like any other attribute.</li>
 *   <li>{@code customData} / {@code privateCustomData} Structures: their entries go to the user's
 *       custom data / private custom data; of any other type the attribute itself is custom data.</li>
 *   <li>Every other attribute (also {@code deviceModel}, {@code platform}, ...) goes to custom data.</li>
 *   <li>Custom values: Boolean, String and null kept, every number as a double (an integer 7 becomes
 *       7.0, as on DevCycle's protobuf path); structures, lists and instants dropped.</li>
 *   <li>Attributes are read in the context's own key order; a later key overwrites an earlier one of
 *       the same name in the same map. An empty map means none.</li>
 * </ul>
 */
final class ContextMapping {
    static final String USER_ID = "user_id";
    private static final String TARGETING_KEY = "targetingKey";

    private ContextMapping() {}

    /** The user for {@code context}, or {@code null} when it names no user id. */
    static User toUser(EvaluationContext context) {
        String userId = userId(context);
        if (userId == null) {
            return null;
        }
        User.Builder user = User.builder(userId);
        Map<String, Object> custom = new LinkedHashMap<>();
        Map<String, Object> privateCustom = new LinkedHashMap<>();
        for (String key : context.keySet()) {
            if (key.equals(USER_ID) || key.equals(TARGETING_KEY)) {
                continue;
            }
            Value value = context.getValue(key);
            if (value == null) {
                continue;
            }
            if (!standardField(user, key, value)) {
                if (key.equals("customData") && value.isStructure()) {
                    putAll(custom, value.asStructure());
                } else if (key.equals("privateCustomData") && value.isStructure()) {
                    putAll(privateCustom, value.asStructure());
                } else {
                    putCustom(custom, key, value);
                }
            }
        }
        if (!custom.isEmpty()) {
            user.customData(custom);
        }
        if (!privateCustom.isEmpty()) {
            user.privateCustomData(privateCustom);
        }
        return user.build();
    }

    private static String userId(EvaluationContext context) {
        String key = context.getTargetingKey();
        if (key != null && !key.isEmpty()) {
            return key;
        }
        Value attribute = context.getValue(USER_ID);
        if (attribute != null && attribute.isString() && !attribute.asString().isEmpty()) {
            return attribute.asString();
        }
        return null;
    }

    /** Sets a standard user field from a String attribute; false when {@code key} is none or the value no String. */
    private static boolean standardField(User.Builder user, String key, Value value) {
        if (!value.isString()) {
            return false;
        }
        String s = value.asString();
        switch (key) {
            case "email": user.email(s); return true;
            case "name": user.name(s); return true;
            case "language": user.language(s); return true;
            case "country": user.country(s); return true;
            case "appVersion": user.appVersion(s); return true;
            case "appBuild": user.appBuild(appBuild(s)); return true;
            default: return false;
        }
    }

    private static double appBuild(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static void putAll(Map<String, Object> target, Structure structure) {
        for (String key : structure.keySet()) {
            Value value = structure.getValue(key);
            if (value != null) {
                putCustom(target, key, value);
            }
        }
    }

    private static void putCustom(Map<String, Object> target, String key, Value value) {
        if (value.isBoolean()) {
            target.put(key, value.asBoolean());
        } else if (value.isNumber()) {
            target.put(key, value.asDouble());
        } else if (value.isString()) {
            target.put(key, value.asString());
        } else if (value.isNull()) {
            target.put(key, null);
        }
    }
}

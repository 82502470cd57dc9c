package flagparity.reference.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flagparity.reference.api.InvalidUserException;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON forms the core reads and writes: users, platform data, served variables. Every engine
 * uses these, so a user crosses every boundary in the same form.
 */
public final class JsonCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonCodec() {}

    /** The shared mapper; its configuration must not be changed. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a user as the core's {@code DVCUser.fromJSONString} does, with its validation. */
    public static User parseUser(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidUserException("user is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidUserException("dvcUserFromJSONString not a JSON Object");
        }
        JsonNode id = root.get("user_id");
        if (id == null || !id.isTextual()) {
            throw new InvalidUserException("Missing string value for key: \"user_id\"");
        }
        User.Builder b = User.builder(id.textValue())
                .email(optionalString(root, "email"))
                .name(optionalString(root, "name"))
                .language(optionalString(root, "language"))
                .country(optionalString(root, "country"))
                .appVersion(optionalString(root, "appVersion"))
                .deviceModel(optionalString(root, "deviceModel"))
                .customData(customData(root, "customData"))
                .privateCustomData(customData(root, "privateCustomData"));
        JsonNode appBuild = root.get("appBuild");
        if (appBuild != null) {
            if (!appBuild.isNumber()) {
                throw new InvalidUserException("Invalid number value: " + appBuild + ", for key: \"appBuild\"");
            }
            b.appBuild(appBuild.doubleValue());
        }
        return b.build();
    }

    private static String optionalString(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static Map<String, Object> customData(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        if (v == null || !v.isObject()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isContainerNode()) {
                throw new InvalidUserException("DVCUser " + key + " can't contain nested objects or arrays");
            }
            out.put(e.getKey(), scalar(value));
        }
        return out;
    }

    private static Object scalar(JsonNode value) {
        if (value.isTextual()) return value.textValue();
        if (value.isBoolean()) return value.booleanValue();
        if (value.isIntegralNumber() && value.canConvertToLong()) return value.longValue();
        if (value.isNumber()) return value.doubleValue();
        return null;
    }

    /** Writes a user in the JSON form the core parses (fields it ignores are left out). */
    public static String writeUser(User user) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("user_id", user.userId());
        putIfPresent(o, "email", user.email());
        putIfPresent(o, "name", user.name());
        putIfPresent(o, "language", user.language());
        putIfPresent(o, "country", user.country());
        putIfPresent(o, "appVersion", user.appVersion());
        if (!Double.isNaN(user.appBuild())) {
            o.put("appBuild", user.appBuild());
        }
        putIfPresent(o, "deviceModel", user.deviceModel());
        writeCustomData(o, "customData", user.customData());
        writeCustomData(o, "privateCustomData", user.privateCustomData());
        return o.toString();
    }

    private static void putIfPresent(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static void writeCustomData(ObjectNode o, String key, Map<String, Object> data) {
        if (data == null) {
            return;
        }
        ObjectNode d = o.putObject(key);
        for (Map.Entry<String, Object> e : data.entrySet()) {
            Object v = e.getValue();
            if (v == null) d.putNull(e.getKey());
            else if (v instanceof String) d.put(e.getKey(), (String) v);
            else if (v instanceof Boolean) d.put(e.getKey(), (Boolean) v);
            else if (v instanceof Long) d.put(e.getKey(), (Long) v);
            else d.put(e.getKey(), (Double) v);
        }
    }

    /** Parses platform data as the core's {@code PlatformData.fromString} does. */
    public static PlatformData parsePlatformData(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("platform data is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("platformData param not a JSON Object");
        }
        return new PlatformData(requiredString(root, "platform"), requiredString(root, "platformVersion"),
                requiredString(root, "sdkType"), requiredString(root, "sdkVersion"),
                optionalString(root, "sdkPlatform"), optionalString(root, "hostname"));
    }

    private static String requiredString(JsonNode obj, String key) {
        String v = optionalString(obj, key);
        if (v == null) {
            throw new IllegalArgumentException("Missing string value for key: \"" + key + "\"");
        }
        return v;
    }

    /** Writes platform data in the JSON form {@code setPlatformDataUTF8} takes. */
    public static String writePlatformData(PlatformData p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("platform", p.platform());
        o.put("platformVersion", p.platformVersion());
        o.put("sdkType", p.sdkType());
        o.put("sdkVersion", p.sdkVersion());
        putIfPresent(o, "sdkPlatform", p.sdkPlatform());
        putIfPresent(o, "hostname", p.hostname());
        return o.toString();
    }

    /** Parses a variable as the core's {@code variableForUser} writes it ({@code _id, type, key, value}). */
    public static Variable parseVariable(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            VariableType type = VariableType.parse(root.get("type").textValue());
            JsonNode value = root.get("value");
            Object v;
            switch (type) {
                case Boolean: v = value.booleanValue(); break;
                case Number: v = value.doubleValue(); break;
                case String: v = value.textValue(); break;
                default: v = value.toString();
            }
            return new Variable(root.get("_id").textValue(), root.get("key").textValue(), type, v);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a variable as the core writes it: " + json, e);
        }
    }

    /** Writes a variable as the core does: {@code {"_id","type","key","value"}}. */
    public static String writeVariable(Variable v) {
        StringBuilder sb = new StringBuilder(64);
        sb.append("{\"_id\":");
        appendString(sb, v.id());
        sb.append(",\"type\":\"").append(v.type().name()).append("\",\"key\":");
        appendString(sb, v.key());
        sb.append(",\"value\":");
        Object value = v.value();
        switch (v.type()) {
            case Boolean: sb.append(value); break;
            case Number: sb.append(formatNumber((Double) value)); break;
            case String: appendString(sb, (String) value); break;
            default: sb.append((String) value);
        }
        return sb.append('}').toString();
    }

    /** Formats a number as the core's JSON writer does: integral values keep a trailing {@code .0}. */
    public static String formatNumber(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
            return new java.math.BigDecimal(d).toPlainString() + ".0";
        }
        return Double.toString(d);
    }

    private static void appendString(StringBuilder sb, String s) {
        try {
            sb.append(MAPPER.writeValueAsString(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package flagparity.reference.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import flagparity.reference.internal.AsFloatFormat;
import flagparity.reference.internal.CoreInputJson;
import flagparity.reference.internal.CoreJson;
import flagparity.reference.internal.CoreJsonWriter;
import flagparity.reference.internal.CoreStack;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON forms the core reads and writes: users, platform data, client custom data, served
 * variables. Every engine uses these, so a user crosses every boundary in the same form.
 *
 * <p>Reading goes through the core's own JSON rules ({@link CoreJson}): what the core accepts is
 * accepted with the same values (integers and floats kept apart, its float parsing, its
 * leniencies), and what it aborts on is rejected. Writing produces text the core reads back to the
 * same values.
 *
 * <p>Why one class of about 430 lines: it is the public API's one JSON door, its readers and writers
 * in pairs that must stay each other's inverse (a user written here is read back here to the same
 * user), so they are kept side by side; the character-level writing is {@code CoreInputJson}'s and
 * the core's JSON grammar {@code CoreJson}'s.
 */
public final class JsonCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonCodec() {}

    /** The shared mapper; its configuration must not be changed. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    // ------------------------------------------------------------------ users

    /**
     * Parses a user as the core's {@code DVCUser.fromJSONString} does: a JSON object; customData and
     * privateCustomData, when objects, must be flat (checked first, in that order; when not objects
     * they are ignored); {@code user_id} must be a string (it may be empty); other string fields
     * that are not strings are ignored; {@code appBuild}, when present, must be a number. The user
     * keeps {@code json} itself ({@link User#json()}), so no engine needs to write it again.
     *
     * @throws InvalidUserException with the core's message when the core rejects the user
     */
    public static User parseUser(String json) {
        Object root = parse(json, CoreStack.PARSE_DEPTH);
        if (!(root instanceof Map)) {
            throw new InvalidUserException("dvcUserFromJSONString not a JSON Object");
        }
        Map<?, ?> user = (Map<?, ?>) root;
        Map<String, Object> customData = flatCustomData(user, "customData");
        Map<String, Object> privateCustomData = flatCustomData(user, "privateCustomData");
        Object id = user.get("user_id");
        if (!(id instanceof String)) {
            throw new InvalidUserException("Missing string value for key: \"user_id\"");
        }
        User.Builder b = User.builder((String) id)
                .email(optionalString(user, "email"))
                .name(optionalString(user, "name"))
                .language(optionalString(user, "language"))
                .country(optionalString(user, "country"));
        if (user.containsKey("appBuild")) {
            Object appBuild = user.get("appBuild");
            if (appBuild instanceof Long) {
                b.appBuild((double) (Long) appBuild);
            } else if (appBuild instanceof Double) {
                b.appBuild((Double) appBuild);
            } else {
                throw new InvalidUserException("Invalid number value: " + CoreJsonWriter.write(appBuild)
                        + ", for key: \"appBuild\"");
            }
        }
        return b.appVersion(optionalString(user, "appVersion"))
                .deviceModel(optionalString(user, "deviceModel"))
                .customData(customData)
                .privateCustomData(privateCustomData)
                .json(json)
                .build();
    }

    /**
     * The user's JSON text for the core: the text it was parsed from when it has one (the core then
     * reads the request's own number spellings), else {@link #writeUser}.
     */
    public static String userJson(User user) {
        String json = user.json();
        return json != null ? json : writeUser(user);
    }

    private static Object parse(String json, int maxDepth) {
        try {
            return CoreJson.parse(json, maxDepth);
        } catch (CoreJson.ParseException e) {
            throw new InvalidUserException(e.getMessage(), e);
        }
    }

    private static String optionalString(Map<?, ?> obj, String key) {
        Object v = obj.get(key);
        return v instanceof String ? (String) v : null;
    }

    private static Map<String, Object> flatCustomData(Map<?, ?> user, String key) {
        Object v = user.get(key);
        if (!(v instanceof Map)) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
            Object value = e.getValue();
            if (value instanceof Map || value instanceof List) {
                throw new InvalidUserException("DVCUser " + key + " can't contain nested objects or arrays");
            }
            out.put((String) e.getKey(), value == CoreJson.NULL ? null : value);
        }
        return out;
    }

    /**
     * Writes a user in the JSON form the core parses back to the same user: strings escaped so the
     * core's decoder takes them ({@code \f} and lone surrogates as {@code \\u} escapes), integers as
     * integers, floats as text the core's parseFloat maps to exactly that double (NaN as
     * {@code --1}, which the core reads as NaN).
     */
    public static String writeUser(User user) {
        StringBuilder sb = new StringBuilder(64);
        sb.append("{\"user_id\":");
        CoreInputJson.appendString(sb, user.userId());
        field(sb, "email", user.email());
        field(sb, "name", user.name());
        field(sb, "language", user.language());
        field(sb, "country", user.country());
        field(sb, "appVersion", user.appVersion());
        if (!Double.isNaN(user.appBuild())) {
            sb.append(",\"appBuild\":").append(CoreInputJson.floatLiteral(user.appBuild()));
        }
        field(sb, "deviceModel", user.deviceModel());
        customData(sb, "customData", user.customData());
        customData(sb, "privateCustomData", user.privateCustomData());
        return sb.append('}').toString();
    }

    private static void field(StringBuilder sb, String key, String value) {
        if (value != null) {
            sb.append(",\"").append(key).append("\":");
            CoreInputJson.appendString(sb, value);
        }
    }

    private static void customData(StringBuilder sb, String key, Map<String, Object> data) {
        if (data == null) {
            return;
        }
        sb.append(",\"").append(key).append("\":{");
        boolean first = true;
        for (Map.Entry<String, Object> e : data.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            CoreInputJson.appendString(sb, e.getKey());
            sb.append(':');
            CoreInputJson.appendValue(sb, e.getValue());
        }
        sb.append('}');
    }

    /**
     * The user as the core's JSON path sees it: {@code parseUser(writeUser(user))}. It differs from
     * {@code user} only in custom-data numbers the core's decoder cannot represent: integers beyond
     * ±2^53 (read through a double) and some floats between about 1e41 and 1e54.
     */
    public static User coreView(User user) {
        return parseUser(writeUser(user));
    }

    // ------------------------------------------------------------------ client custom data

    /**
     * Parses client custom data as the core's {@code setClientCustomDataUTF8} does: any JSON object
     * (nested values are accepted; no filter matches them). JSON null becomes {@code null}.
     *
     * @throws InvalidUserException when it is not a JSON object the core can read
     */
    public static Map<String, Object> parseClientCustomData(String json) {
        Object root = parse(json, CoreStack.CLIENT_CUSTOM_DATA_PARSE_DEPTH);
        if (!(root instanceof Map)) {
            throw new InvalidUserException("invalid global clientCustomDataJSONStr");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) root).entrySet()) {
            Object v = e.getValue();
            out.put((String) e.getKey(), v == CoreJson.NULL ? null : v);
        }
        return Collections.unmodifiableMap(out);
    }

    // ------------------------------------------------------------------ platform data

    /** Parses platform data as the core's {@code PlatformData.fromUTF8} does. */
    public static PlatformData parsePlatformData(String json) {
        Object root;
        try {
            root = CoreJson.parse(json);
        } catch (CoreJson.ParseException e) {
            throw new IllegalArgumentException("platform data is not JSON the core can read: " + e.getMessage(), e);
        }
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("platformData param not a JSON Object");
        }
        Map<?, ?> o = (Map<?, ?>) root;
        return new PlatformData(requiredString(o, "platform"), requiredString(o, "platformVersion"),
                requiredString(o, "sdkType"), requiredString(o, "sdkVersion"),
                optionalString(o, "sdkPlatform"), optionalString(o, "hostname"));
    }

    private static String requiredString(Map<?, ?> obj, String key) {
        String v = optionalString(obj, key);
        if (v == null) {
            throw new IllegalArgumentException("Missing string value for key: \"" + key + "\"");
        }
        return v;
    }

    /** Writes platform data in the JSON form {@code setPlatformDataUTF8} takes. */
    public static String writePlatformData(PlatformData p) {
        StringBuilder sb = new StringBuilder(128);
        sb.append("{\"platform\":");
        CoreInputJson.appendString(sb, p.platform());
        field(sb, "platformVersion", p.platformVersion());
        field(sb, "sdkType", p.sdkType());
        field(sb, "sdkVersion", p.sdkVersion());
        field(sb, "sdkPlatform", p.sdkPlatform());
        field(sb, "hostname", p.hostname());
        return sb.append('}').toString();
    }

    // ------------------------------------------------------------------ variables

    /** Reads the core's output, which its own decoder would refuse: raw control characters, {@code \\f}, NaN. */
    private static final JsonFactory CORE_OUTPUT = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /**
     * Parses a variable as the core's {@code variableForUser} writes it ({@code _id, type, key, value},
     * and from 1.42.8 on {@code eval} and {@code _feature}: an answer with {@code eval} carries them).
     * The core writes raw control characters and {@code NaN}/{@code Infinity}, which are read here;
     * numbers are read correctly rounded (the core's float text always reads back so); a JSON
     * variable keeps the value's text as written. A value of another type than the variable's is
     * mapped as in {@link #variableFromCore}.
     */
    public static Variable parseVariable(String json) {
        try (JsonParser p = CORE_OUTPUT.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("not an object");
            String id = null;
            String key = null;
            String type = null;
            Object value = null;
            String valueText = null;
            EvalReason eval = null;
            String feature = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if ("value".equals(field)) {
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    switch (t) {
                        case VALUE_TRUE: case VALUE_FALSE: value = p.getBooleanValue(); break;
                        case VALUE_NUMBER_INT: case VALUE_NUMBER_FLOAT: value = p.getDoubleValue(); break;
                        case VALUE_STRING: value = p.getText(); break;
                        default: p.skipChildren();
                    }
                    valueText = json.substring(start, (int) p.currentLocation().getCharOffset());
                } else if ("eval".equals(field) && t == JsonToken.START_OBJECT) {
                    eval = parseEvalReason(p);
                } else if (t == JsonToken.VALUE_STRING) {
                    if ("_id".equals(field)) id = p.getText();
                    else if ("key".equals(field)) key = p.getText();
                    else if ("type".equals(field)) type = p.getText();
                    else if ("_feature".equals(field)) feature = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            VariableType variableType = VariableType.parse(type);
            Object v;
            switch (variableType) {
                case Boolean: v = value instanceof Boolean ? value : Boolean.FALSE; break;
                case Number: v = value instanceof Double ? value : 0.0; break;
                case String: v = value instanceof String ? value : ""; break;
                default: v = valueText;
            }
            return new Variable(id, key, variableType, v, eval, feature, eval != null);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a variable as the core writes it: " + json, e);
        }
    }

    /** Reads {@code {"reason","details","target_id"}} (the parser at its start); a missing field is "", as in the core. */
    private static EvalReason parseEvalReason(JsonParser p) throws java.io.IOException {
        String reason = "";
        String details = "";
        String targetId = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                p.skipChildren();
            } else if ("reason".equals(field)) {
                reason = p.getText();
            } else if ("details".equals(field)) {
                details = p.getText();
            } else if ("target_id".equals(field)) {
                targetId = p.getText();
            }
        }
        return new EvalReason(reason, details, targetId);
    }

    /**
     * The {@link Variable} for a variable the core serves with {@code value} (a {@link CoreJson}
     * value: the core does not check a value against its variable's type). A JSON variable keeps the
     * core's JSON text of whatever value it has; a Boolean, Number or String variable whose value
     * has another type gets false, 0.0 or "" (what the core's protobuf path sends for it).
     */
    public static Variable variableFromCore(String id, String key, String typeName, Object value) {
        VariableType type = VariableType.parse(typeName);
        Object v;
        switch (type) {
            case Boolean:
                v = value instanceof Boolean ? value : Boolean.FALSE;
                break;
            case Number:
                v = value instanceof Long ? (Double) (double) (Long) value : value instanceof Double ? value : 0.0;
                break;
            case String:
                v = value instanceof String ? value : "";
                break;
            default:
                v = CoreJsonWriter.write(value);
        }
        return new Variable(id, key, type, v);
    }

    /**
     * Writes a variable as the core does: {@code {"_id","type","key","value"}}, followed, when the
     * answer carries them ({@link Variable#writesEval()}), by
     * {@code "eval":{"reason","details","target_id"}} and {@code "_feature"} (omitted when none), as
     * core 1.42.8 writes them; strings escaped as the core escapes them.
     */
    public static String writeVariable(Variable v) {
        StringBuilder sb = new StringBuilder(64);
        sb.append("{\"_id\":");
        CoreJsonWriter.appendString(sb, v.id());
        sb.append(",\"type\":\"").append(v.type().name()).append("\",\"key\":");
        CoreJsonWriter.appendString(sb, v.key());
        sb.append(",\"value\":");
        Object value = v.value();
        switch (v.type()) {
            case Boolean: sb.append(value); break;
            case Number: sb.append(formatNumber((Double) value)); break;
            case String: CoreJsonWriter.appendString(sb, (String) value); break;
            default: sb.append((String) value);
        }
        if (v.writesEval()) {
            appendEval(sb, v.eval());
            if (v.feature() != null) {
                sb.append(",\"_feature\":");
                CoreJsonWriter.appendString(sb, v.feature());
            }
        }
        return sb.append('}').toString();
    }

    /** Appends {@code ,"eval":{"reason","details","target_id"}} as core 1.42.8 writes it (variables and bucketed-config features). */
    public static void appendEval(StringBuilder sb, EvalReason eval) {
        sb.append(",\"eval\":{\"reason\":");
        CoreJsonWriter.appendString(sb, eval.reason());
        sb.append(",\"details\":");
        CoreJsonWriter.appendString(sb, eval.details());
        sb.append(",\"target_id\":");
        CoreJsonWriter.appendString(sb, eval.targetId());
        sb.append('}');
    }

    /**
     * {@code json} (a JSON text as the core writes it) made safe to send anywhere: every raw control
     * character inside a string, which the core writes as is (a NUL, for one) and JSON forbids, and
     * every lone UTF-16 surrogate, which a UTF-8 encoder would replace with {@code ?}, is written as a
     * {@code \\uXXXX} escape. The text reads back to the same values; all else is left as it is.
     */
    public static String lossless(String json) {
        StringBuilder sb = null;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean escape = (inString && c < 0x20) || (Character.isSurrogate(c) && !CoreInputJson.pairedSurrogate(json, i));
            if (escape && sb == null) {
                sb = new StringBuilder(json.length() + 16).append(json, 0, i);
            }
            if (escape) {
                sb.append(String.format("\\u%04x", (int) c));
                continue;
            }
            if (sb != null) sb.append(c);
            if (c == '"') {
                inString = !inString;
            } else if (c == '\\' && inString && i + 1 < json.length()) {
                // the escaped character is one of the core's escape letters: copy it as is
                i++;
                if (sb != null) sb.append(json.charAt(i));
            }
        }
        return sb == null ? json : sb.toString();
    }

    /**
     * Formats a float as the core's JSON writer does (AssemblyScript's {@code f64.toString}):
     * integral values keep {@code .0}, exponents from 1e21 and below 1e-6 ({@code 1e+21},
     * {@code 1e-7}), {@code -0} is {@code 0.0}, digits from Grisu2 (not always the shortest form).
     */
    public static String formatNumber(double d) {
        return AsFloatFormat.formatFloat(d);
    }
}

package flagparity.bench.engines;

import com.devcycle.sdk.server.common.model.DevCycleUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flagparity.reference.api.InvalidUserException;
import flagparity.reference.api.JsonCodec;
import flagparity.reference.api.User;
import flagparity.reference.api.VariableType;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** What crosses between the evaluator API and DevCycle's SDK: users, defaults, values and client custom data. */
final class SdkValues {
    private static final ObjectMapper MAPPER = JsonCodec.mapper();

    private SdkValues() {}

    /** A default of the class from which the SDK infers the requested type. */
    static Object sentinel(VariableType type) {
        switch (type) {
            case Boolean: return Boolean.FALSE;
            case Number: return 0.0d;
            case String: return "";
            default: return new LinkedHashMap<String, Object>();
        }
    }

    /** The SDK's value as the API gives it: as it is, a JSON value the SDK's map written back with Jackson. */
    static Object value(VariableType type, Object sdkValue) {
        if (type != VariableType.JSON) {
            return sdkValue;
        }
        try {
            return MAPPER.writeValueAsString(sdkValue);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the SDK's JSON value back", e);
        }
    }

    /** Every field the SDK's user has and ours has too ({@code deviceModel} has no SDK field). */
    static DevCycleUser convert(User user) {
        return DevCycleUser.builder()
                .userId(user.userId())
                .email(user.email())
                .name(user.name())
                .language(user.language())
                .country(user.country())
                .appVersion(user.appVersion())
                .appBuild(Double.isNaN(user.appBuild()) ? null : Double.toString(user.appBuild()))
                .customData(copy(user.customData()))
                .privateCustomData(copy(user.privateCustomData()))
                .build();
    }

    private static Map<String, Object> copy(Map<String, Object> data) {
        return data == null ? null : new HashMap<>(data);
    }

    /** Client custom data (a flat JSON object) as the SDK takes it. */
    static Map<String, Object> clientCustomData(String customDataJson) {
        Map<String, Object> data = new LinkedHashMap<>();
        try {
            JsonNode root = MAPPER.readTree(customDataJson);
            if (root == null || !root.isObject()) {
                throw new InvalidUserException("client custom data is not a JSON object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isContainerNode()) {
                    throw new InvalidUserException("client custom data can't contain nested objects or arrays");
                }
                data.put(e.getKey(), MAPPER.treeToValue(e.getValue(), Object.class));
            }
        } catch (JsonProcessingException e) {
            throw new InvalidUserException("client custom data is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return data;
    }
}

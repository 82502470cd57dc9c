package flagparity.bench.jmh;

import com.google.protobuf.InvalidProtocolBufferException;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.json.JsonCodec;
import flagparity.wasm.engine.CoreInstance;
import flagparity.wasm.proto.CustomDataType;
import flagparity.wasm.proto.CustomDataValue;
import flagparity.wasm.proto.DVCUser_PB;
import flagparity.wasm.proto.NullableCustomData;
import flagparity.wasm.proto.NullableDouble;
import flagparity.wasm.proto.NullableString;
import flagparity.wasm.proto.SDKVariable_PB;
import flagparity.wasm.proto.VariableForUserParams_PB;
import java.util.Map;

/**
 * The three stages of a lookup across the Wasm boundary, per codec: encode the request on the Java
 * side, {@link #call} the core's export on the encoded request (copy in, the core's work, copy out),
 * decode the answer on the Java side.
 *
 * <p>Stand-ins until the adapters make their codecs public: the protobuf encoder and decoder here
 * build and read the same messages as the adapters' package-private {@code ProtobufMessages}
 * (absent fields left out), so they time protobuf-java on the same bytes, but not that code itself.
 * JSON encodes with {@link JsonCodec#writeUser} and decodes with {@link JsonCodec#parseVariable}; the
 * adapters decode with their own streaming reader ({@code CoreVariableJson}), which may cost less.
 */
enum Wire {
    /**
     * {@code variableForUser}: the user as a JSON string (UTF-16 in the core), the variable back as
     * JSON; preallocated, {@code variableForUserPreallocated} on strings pinned once per instance.
     */
    JSON("json") {
        @Override
        Object encode(String sdkKey, User user, String key, VariableType type) {
            return JsonCodec.writeUser(user);
        }

        @Override
        Object call(CoreInstance core, String sdkKey, Object request, String key, VariableType type,
                boolean preallocated) {
            String userJson = (String) request;
            return preallocated
                    ? core.variableForUserPreallocated(sdkKey, userJson, key, type.index())
                    : core.variableForUser(sdkKey, userJson, key, type.index());
        }

        @Override
        Variable decode(Object response) {
            return JsonCodec.parseVariable((String) response);
        }
    },
    /**
     * {@code variableForUser_PB}: a fresh Uint8Array per call; preallocated,
     * {@code variableForUser_PB_Preallocated} on one Uint8Array pinned once per instance.
     */
    PROTOBUF("protobuf") {
        @Override
        Object call(CoreInstance core, String sdkKey, Object request, String key, VariableType type,
                boolean preallocated) {
            byte[] params = (byte[]) request;
            return preallocated ? core.variableForUserProtobufPreallocated(params) : core.variableForUserProtobuf(params);
        }
    };

    private final String id;

    Wire(String id) {
        this.id = id;
    }

    static Wire parse(String id) {
        for (Wire w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown codec \"" + id + "\" (json, protobuf)");
    }

    /** The request as this codec sends it: a JSON {@link String} or protobuf bytes. */
    Object encode(String sdkKey, User user, String key, VariableType type) {
        return VariableForUserParams_PB.newBuilder()
                .setSdkKey(sdkKey)
                .setVariableKey(key)
                .setVariableTypeValue(type.index())
                .setUser(user(user))
                .setShouldTrackEvent(false)
                .build()
                .toByteArray();
    }

    /** The core's answer to an encoded request, undecoded, or {@code null}. */
    abstract Object call(CoreInstance core, String sdkKey, Object request, String key, VariableType type,
            boolean preallocated);

    Variable decode(Object response) {
        SDKVariable_PB v;
        try {
            v = SDKVariable_PB.parseFrom((byte[]) response);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the core wrote an unreadable SDKVariable_PB", e);
        }
        VariableType type = VariableType.fromIndex(v.getTypeValue());
        Object value;
        switch (type) {
            case Boolean: value = v.getBoolValue(); break;
            case Number: value = v.getDoubleValue(); break;
            default: value = v.getStringValue(); break;
        }
        return new Variable(v.getId(), v.getKey(), type, value);
    }

    /** Absent fields are left out: the core reads a missing {@code Nullable*} message as null. */
    private static DVCUser_PB user(User u) {
        DVCUser_PB.Builder b = DVCUser_PB.newBuilder().setUserId(u.userId());
        if (u.email() != null) b.setEmail(string(u.email()));
        if (u.name() != null) b.setName(string(u.name()));
        if (u.language() != null) b.setLanguage(string(u.language()));
        if (u.country() != null) b.setCountry(string(u.country()));
        if (!Double.isNaN(u.appBuild())) b.setAppBuild(NullableDouble.newBuilder().setValue(u.appBuild()));
        if (u.appVersion() != null) b.setAppVersion(string(u.appVersion()));
        if (u.deviceModel() != null) b.setDeviceModel(string(u.deviceModel()));
        if (u.customData() != null) b.setCustomData(customData(u.customData()));
        if (u.privateCustomData() != null) b.setPrivateCustomData(customData(u.privateCustomData()));
        return b.build();
    }

    private static NullableString string(String s) {
        return NullableString.newBuilder().setValue(s).build();
    }

    private static NullableCustomData customData(Map<String, Object> data) {
        NullableCustomData.Builder b = NullableCustomData.newBuilder();
        for (Map.Entry<String, Object> e : data.entrySet()) {
            Object v = e.getValue();
            CustomDataValue.Builder value = CustomDataValue.newBuilder();
            if (v == null) {
                value.setType(CustomDataType.Null);
            } else if (v instanceof Boolean) {
                value.setType(CustomDataType.Bool).setBoolValue((Boolean) v);
            } else if (v instanceof Number) {
                value.setType(CustomDataType.Num).setDoubleValue(((Number) v).doubleValue());
            } else {
                value.setType(CustomDataType.Str).setStringValue((String) v);
            }
            b.putValue(e.getKey(), value.build());
        }
        return b.build();
    }
}

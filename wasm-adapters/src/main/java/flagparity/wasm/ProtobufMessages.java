package flagparity.wasm;

import com.google.protobuf.InvalidProtocolBufferException;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.wasm.proto.CustomDataType;
import flagparity.wasm.proto.CustomDataValue;
import flagparity.wasm.proto.DVCUser_PB;
import flagparity.wasm.proto.NullableCustomData;
import flagparity.wasm.proto.NullableDouble;
import flagparity.wasm.proto.NullableString;
import flagparity.wasm.proto.SDKVariable_PB;
import flagparity.wasm.proto.VariableForUserParams_PB;
import flagparity.wasm.proto.VariableType_PB;
import java.util.Map;

/**
 * The protobuf ABI: a lookup request ({@code VariableForUserParams_PB}) from a user, and a served
 * variable from {@code SDKVariable_PB}.
 *
 * <p>Absent optional fields are left out (the core reads a missing {@code Nullable*} as null). Unlike
 * DevCycle's Java SDK 2.6.0, {@code deviceModel} is sent. Custom-data numbers can only travel as
 * doubles here, so the core hashes an integer 7 as "7.0" on this path ("7" on the JSON path).
 */
final class ProtobufMessages {
    private ProtobufMessages() {}

    static byte[] request(String sdkKey, User user, String key, VariableType type) {
        return VariableForUserParams_PB.newBuilder()
                .setSdkKey(sdkKey)
                .setVariableKey(key)
                .setVariableType(VariableType_PB.forNumber(type.index()))
                .setUser(user(user))
                .setShouldTrackEvent(false)
                .build()
                .toByteArray();
    }

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
            b.putValue(e.getKey(), customDataValue(e.getValue()));
        }
        return b.build();
    }

    private static CustomDataValue customDataValue(Object v) {
        CustomDataValue.Builder b = CustomDataValue.newBuilder();
        if (v == null) {
            return b.setType(CustomDataType.Null).build();
        }
        if (v instanceof String) {
            return b.setType(CustomDataType.Str).setStringValue((String) v).build();
        }
        if (v instanceof Boolean) {
            return b.setType(CustomDataType.Bool).setBoolValue((Boolean) v).build();
        }
        return b.setType(CustomDataType.Num).setDoubleValue(((Number) v).doubleValue()).build();
    }

    /** The served variable, or null for none; a JSON variable's value is the JSON text the core wrote. */
    static Variable variable(byte[] pb) {
        if (pb == null) {
            return null;
        }
        SDKVariable_PB v;
        try {
            v = SDKVariable_PB.parseFrom(pb);
        } catch (InvalidProtocolBufferException e) {
            throw new EvaluationException("the core returned an unreadable SDKVariable_PB", e);
        }
        VariableType type = VariableType.fromIndex(v.getTypeValue());
        Object value;
        switch (type) {
            case Boolean: value = v.getBoolValue(); break;
            case Number: value = v.getDoubleValue(); break;
            default: value = v.getStringValue();
        }
        return new Variable(v.getId(), v.getKey(), type, value);
    }
}

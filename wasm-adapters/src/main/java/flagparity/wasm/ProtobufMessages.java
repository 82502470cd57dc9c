package flagparity.wasm;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import flagparity.reference.api.EvalReason;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.wasm.proto.CustomDataType;
import flagparity.wasm.proto.CustomDataValue;
import flagparity.wasm.proto.DVCUser_PB;
import flagparity.wasm.proto.EvalReason_PB;
import flagparity.wasm.proto.NullableCustomData;
import flagparity.wasm.proto.NullableDouble;
import flagparity.wasm.proto.NullableString;
import flagparity.wasm.proto.SDKVariable_PB;
import flagparity.wasm.proto.VariableForUserParams_PB;
import flagparity.wasm.proto.VariableType_PB;
import java.io.IOException;
import java.util.Map;

/**
 * The protobuf ABI: a lookup request ({@code VariableForUserParams_PB}) from a user, and a served
 * variable from {@code SDKVariable_PB}.
 *
 * <p>Absent optional fields are left out (the core reads a missing {@code Nullable*} as null). Unlike
 * DevCycle's Java SDK 2.6.0, {@code deviceModel} is sent. Custom-data numbers can only travel as
 * doubles here, so the core hashes an integer 7 as "7.0" on this path ("7" on the JSON path).
 * Public so that benchmarks time the encoder and decoder the adapter uses.
 */
public final class ProtobufMessages {
    private ProtobufMessages() {}

    /** The {@code VariableForUserParams_PB} bytes of one lookup, event tracking off. */
    public static byte[] request(String sdkKey, User user, String key, VariableType type) {
        return VariableForUserParams_PB.newBuilder()
                .setSdkKey(sdkKey)
                .setVariableKey(key)
                .setVariableType(VariableType_PB.forNumber(type.index()))
                .setUser(user(user))
                .setShouldTrackEvent(false)
                .build()
                .toByteArray();
    }

    /**
     * The user half of a lookup request: SDK key and user (event tracking off, the default, is not
     * written). Followed by {@link #keyPart} it is the same message as {@link #request}.
     */
    public static byte[] userPart(String sdkKey, User user) {
        return VariableForUserParams_PB.newBuilder().setSdkKey(sdkKey).setUser(user(user)).build().toByteArray();
    }

    /** The key half of a lookup request ({@link #userPart}): variable key and type. */
    public static byte[] keyPart(String key, VariableType type) {
        int size = CodedOutputStream.computeStringSize(VariableForUserParams_PB.VARIABLEKEY_FIELD_NUMBER, key)
                + CodedOutputStream.computeEnumSize(VariableForUserParams_PB.VARIABLETYPE_FIELD_NUMBER, type.index());
        byte[] out = new byte[size];
        CodedOutputStream o = CodedOutputStream.newInstance(out);
        try {
            o.writeString(VariableForUserParams_PB.VARIABLEKEY_FIELD_NUMBER, key);
            o.writeEnum(VariableForUserParams_PB.VARIABLETYPE_FIELD_NUMBER, type.index());
            o.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new IllegalStateException("a protobuf key part larger than computed", e);
        }
        return out;
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

    private static final int ID = SDKVariable_PB._ID_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int TYPE = SDKVariable_PB.TYPE_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_VARINT;
    private static final int KEY = SDKVariable_PB.KEY_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int BOOL_VALUE = SDKVariable_PB.BOOLVALUE_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_VARINT;
    private static final int DOUBLE_VALUE = SDKVariable_PB.DOUBLEVALUE_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_FIXED64;
    private static final int STRING_VALUE = SDKVariable_PB.STRINGVALUE_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int FEATURE = SDKVariable_PB._FEATURE_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int EVAL = SDKVariable_PB.EVAL_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int NULLABLE_VALUE = NullableString.VALUE_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int NULLABLE_IS_NULL = NullableString.ISNULL_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_VARINT;
    private static final int REASON = EvalReason_PB.REASON_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int DETAILS = EvalReason_PB.DETAILS_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int TARGET_ID = EvalReason_PB.TARGET_ID_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;

    /**
     * The served variable, or null for none; a JSON variable's value is the JSON text the core wrote.
     *
     * <p>Read field by field rather than through {@code SDKVariable_PB.parseFrom}: the core encodes
     * strings with {@code String.UTF8.encode}, which writes an unpaired surrogate as WTF-8, and
     * protobuf-java rejects that as invalid UTF-8. Strings are decoded straight from {@code pb}
     * ({@link Wtf8}); other fields, absent fields (proto3 defaults) and repeated fields (the last
     * wins) read as {@code parseFrom} reads them, and {@code evalReason} is skipped. Core 1.42.8's
     * {@code eval} (field 9) and {@code _feature} (8) are read into the variable; an answer with
     * {@code eval} carries them ({@link Variable#writesEval()}), as on the JSON path.
     */
    public static Variable variable(byte[] pb) {
        if (pb == null) {
            return null;
        }
        String id = "";
        String key = "";
        int type = 0;
        boolean boolValue = false;
        double doubleValue = 0;
        String stringValue = "";
        EvalReason eval = null;
        String feature = null;
        try {
            CodedInputStream in = CodedInputStream.newInstance(pb);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (tag) {
                    case ID: id = string(in, pb); break;
                    case TYPE: type = in.readEnum(); break;
                    case KEY: key = string(in, pb); break;
                    case BOOL_VALUE: boolValue = in.readBool(); break;
                    case DOUBLE_VALUE: doubleValue = in.readDouble(); break;
                    case STRING_VALUE: stringValue = string(in, pb); break;
                    case FEATURE: feature = nullableString(in, pb); break;
                    case EVAL: eval = evalReason(in, pb); break;
                    default: skip(in, tag);
                }
            }
            VariableType t = VariableType.fromIndex(type);
            Object value;
            switch (t) {
                case Boolean: value = boolValue; break;
                case Number: value = doubleValue; break;
                default: value = stringValue;
            }
            return new Variable(id, key, t, value, eval, feature, eval != null);
        } catch (IOException | IllegalArgumentException e) {
            throw new EvaluationException("the core returned an unreadable SDKVariable_PB", e);
        }
    }

    /** A {@code NullableString} sub-message: its value, or null when it says null. */
    private static String nullableString(CodedInputStream in, byte[] pb) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        String value = "";
        boolean isNull = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case NULLABLE_VALUE: value = string(in, pb); break;
                case NULLABLE_IS_NULL: isNull = in.readBool(); break;
                default: skip(in, tag);
            }
        }
        in.popLimit(limit);
        return isNull ? null : value;
    }

    /** An {@code EvalReason_PB} sub-message; a missing field is "", as proto3 reads it. */
    private static EvalReason evalReason(CodedInputStream in, byte[] pb) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        String reason = "";
        String details = "";
        String targetId = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case REASON: reason = string(in, pb); break;
                case DETAILS: details = string(in, pb); break;
                case TARGET_ID: targetId = string(in, pb); break;
                default: skip(in, tag);
            }
        }
        in.popLimit(limit);
        return new EvalReason(reason, details, targetId);
    }

    private static void skip(CodedInputStream in, int tag) throws IOException {
        if (!in.skipField(tag)) {
            throw new InvalidProtocolBufferException("unexpected end-group tag");
        }
    }

    /** A length-delimited string field, decoded in place from {@code pb} (which {@code in} reads from its start). */
    private static String string(CodedInputStream in, byte[] pb) throws IOException {
        int length = in.readRawVarint32();
        int offset = in.getTotalBytesRead();
        in.skipRawBytes(length); // checks the length against what is left
        return Wtf8.decode(pb, offset, length);
    }
}

package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.wasm.proto.NullableString;
import flagparity.wasm.proto.SDKVariable_PB;
import flagparity.wasm.proto.VariableType_PB;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading {@code SDKVariable_PB} by hand: as protobuf-java reads it, and WTF-8 strings besides. */
class ProtobufMessagesTest {
    /** What protobuf-java's generated parser makes of a message it accepts. */
    private static Variable viaGeneratedParser(byte[] pb) throws IOException {
        SDKVariable_PB v = SDKVariable_PB.parseFrom(pb);
        VariableType type = VariableType.fromIndex(v.getTypeValue());
        Object value = type == VariableType.Boolean ? (Object) v.getBoolValue()
                : type == VariableType.Number ? (Object) v.getDoubleValue() : v.getStringValue();
        return new Variable(v.getId(), v.getKey(), type, value);
    }

    @Test
    void readsWhatProtobufJavaReads() throws IOException {
        String[] strings = {"", "k", "caf\u00e9", "\ud83d\ude00", "{\"a\":[1,2.0]}", "x".repeat(300)};
        Random random = new Random(7);
        for (int n = 0; n < 500; n++) {
            SDKVariable_PB.Builder b = SDKVariable_PB.newBuilder()
                    .setId(strings[random.nextInt(strings.length)])
                    .setKey(strings[random.nextInt(strings.length)])
                    .setType(VariableType_PB.forNumber(random.nextInt(4)));
            if (random.nextBoolean()) b.setBoolValue(random.nextBoolean());
            if (random.nextBoolean()) b.setDoubleValue(random.nextInt(3) == 0 ? Double.NaN : random.nextGaussian() * 1e6);
            if (random.nextBoolean()) b.setStringValue(strings[random.nextInt(strings.length)]);
            if (random.nextBoolean()) b.setEvalReason(NullableString.newBuilder().setValue("reason").setIsNull(random.nextBoolean()));
            byte[] pb = b.build().toByteArray();
            assertEquals(viaGeneratedParser(pb), ProtobufMessages.variable(pb), () -> Arrays.toString(pb));
        }
    }

    @Test
    void noBytesIsNoVariable() {
        assertNull(ProtobufMessages.variable(null));
    }

    /** Unknown fields, a known number with another wire type, and repeated fields (the last wins), as protobuf-java. */
    @Test
    void skipsUnknownFieldsAndKeepsTheLastOfARepeatedField() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeString(1, "first-id");
        out.writeEnum(2, VariableType_PB.Number_VALUE);
        out.writeString(3, "k");
        out.writeString(5, "a double field as a string");
        out.writeDouble(5, 1.5);
        out.writeUInt64(99, 12345);
        out.writeFixed32(100, 7);
        out.writeString(1, "last-id");
        out.flush();
        byte[] pb = bytes.toByteArray();
        Variable expected = new Variable("last-id", "k", VariableType.Number, 1.5);
        assertEquals(expected, viaGeneratedParser(pb));
        assertEquals(expected, ProtobufMessages.variable(pb));
    }

    /** The core writes an unpaired surrogate as WTF-8 (ED B0 80 for U+DC00), which protobuf-java refuses. */
    @Test
    void readsUnpairedSurrogatesInEveryStringField() throws IOException {
        byte[] wtf8 = {'x', (byte) 0xED, (byte) 0xB0, (byte) 0x80, 'y'};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeByteArray(1, wtf8);
        out.writeEnum(2, VariableType_PB.String_VALUE);
        out.writeByteArray(3, wtf8);
        out.writeByteArray(6, wtf8);
        out.flush();
        byte[] pb = bytes.toByteArray();
        assertThrows(IOException.class, () -> SDKVariable_PB.parseFrom(pb));
        assertEquals(new Variable("x\udc00y", "x\udc00y", VariableType.String, "x\udc00y"), ProtobufMessages.variable(pb));
    }

    @Test
    void rejectsWhatIsNotAnSdkVariable() throws IOException {
        byte[] message = SDKVariable_PB.newBuilder().setId("id").setKey("key").setTypeValue(2).setStringValue("value")
                .build().toByteArray();
        int rejected = 0;
        for (int cut = 1; cut < message.length; cut++) {
            byte[] truncated = Arrays.copyOf(message, cut);
            Variable parsed;
            try {
                parsed = viaGeneratedParser(truncated); // a cut between fields leaves a whole message
            } catch (IOException e) {
                rejected++;
                assertThrows(EvaluationException.class, () -> ProtobufMessages.variable(truncated), "cut at " + cut);
                continue;
            }
            assertEquals(parsed, ProtobufMessages.variable(truncated), "cut at " + cut);
        }
        assertTrue(rejected > message.length / 2, "most cuts are inside a field");
        byte[] notUtf8 = Arrays.copyOf(message, message.length);
        notUtf8[message.length - 1] = (byte) 0xC0;
        assertThrows(EvaluationException.class, () -> ProtobufMessages.variable(notUtf8));
        byte[] unknownType = SDKVariable_PB.newBuilder().setId("id").setKey("key").setTypeValue(9).build().toByteArray();
        assertThrows(EvaluationException.class, () -> ProtobufMessages.variable(unknownType));
    }
}

package flagparity.parity.oracle;

import flagparity.workloads.gen.Texts;
import flagparity.reference.api.User;
import flagparity.reference.api.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a codec makes of a lookup, as far as it differs from the core's JSON path (results/DIVERGENCES.md):
 * the protobuf codecs send the user in another form ({@link #asProtobufSeesIt}) and deliver some
 * values in another form ({@link Outcome#asProtobufDelivers()}). The answers every pair is held to.
 */
public final class CodecView {
    private CodecView() {}

    /**
     * The user as the protobuf codecs deliver it: {@code CustomDataValue} holds numbers as doubles
     * only, and protobuf-java writes an unpaired surrogate as {@code ?} (it has no UTF-8 form).
     */
    public static User asProtobufSeesIt(User u) {
        User.Builder b = User.builder(utf8(u.userId())).email(utf8(u.email())).name(utf8(u.name())).language(utf8(u.language()))
                .country(utf8(u.country())).appVersion(utf8(u.appVersion())).appBuild(u.appBuild()).deviceModel(utf8(u.deviceModel()));
        if (u.customData() != null) {
            b.customData(asProtobufSeesIt(u.customData()));
        }
        if (u.privateCustomData() != null) {
            b.privateCustomData(asProtobufSeesIt(u.privateCustomData()));
        }
        return b.build();
    }

    private static Map<String, Object> asProtobufSeesIt(Map<String, Object> data) {
        Map<String, Object> out = new LinkedHashMap<>();
        data.forEach((k, v) -> out.put(utf8(k), v instanceof Long ? (Object) ((Long) v).doubleValue()
                : v instanceof String ? utf8((String) v) : v));
        return out;
    }

    /** {@code s} after a round trip through Java's UTF-8 encoder (unpaired surrogates become {@code ?}). */
    private static String utf8(String s) {
        return s == null ? null : new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** The case with its user and key as the protobuf codecs send them (D5: unpaired surrogates as {@code ?}). */
    public static Case protobufInput(Case c) {
        String seen = Texts.printable(JsonCodec.writeUser(asProtobufSeesIt(JsonCodec.parseUser(c.user()))));
        return Case.variable(c.config(), c.now(), c.platformData(), seen, utf8(c.key()), c.type()).withClientCustomData(c.clientCustomData())
                .on(c.version());
    }

    /** The core's JSON path answer (the oracle) as a JSON codec, or a protobuf codec, must give it. */
    public static Outcome coreAnswer(boolean jsonCodec, Case c, CoreOracle core, MutableClock clock) {
        if (jsonCodec || c.check() != Case.Check.VARIABLE) {
            return c.core(core, clock);
        }
        return protobufInput(c).core(core, clock).asProtobufDelivers();
    }

    /** The reference's answer, in the form a JSON codec, or a protobuf codec, can compare with. */
    public static Outcome referenceAnswer(boolean jsonCodec, Case c, MutableClock clock) {
        if (jsonCodec || c.check() != Case.Check.VARIABLE) {
            return c.reference(clock);
        }
        return protobufInput(c).reference(clock).asProtobufDelivers();
    }
}

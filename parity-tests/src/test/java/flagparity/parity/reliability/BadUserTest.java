package flagparity.parity.reliability;

import static flagparity.parity.reliability.Outcomes.assertNoUntypedFailure;
import static flagparity.parity.reliability.Outcomes.assertStillServes;
import static flagparity.parity.reliability.Outcomes.assertTypedRejection;
import static flagparity.parity.reliability.Outcomes.bounded;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import flagparity.parity.reliability.Outcomes.Outcome;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.InvalidUserException;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.Codec;
import flagparity.wasm.engine.Engine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad and odd users: {@link JsonCodec#parseUser} rejects what the core rejects with an
 * {@link InvalidUserException} that says what is wrong, and every engine x codec answers odd (but
 * constructible) users and keys with a variable, null or an EvaluationException, never an Error or a
 * hang, and goes on serving. The largest users (1 MB user_id, 10,000 custom data keys) run deep only.
 */
class BadUserTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    /** A user JSON and whether the core must reject it. */
    private record UserJson(String name, String json, boolean reject) {}

    private static List<UserJson> userJsons() {
        List<UserJson> c = new ArrayList<>();
        c.add(new UserJson("empty string", "", true));
        c.add(new UserJson("unclosed object", "{", true));
        c.add(new UserJson("array", "[]", true));
        c.add(new UserJson("null", "null", true));
        c.add(new UserJson("no user_id", "{}", true));
        c.add(new UserJson("user_id a number", "{\"user_id\":1}", true));
        c.add(new UserJson("user_id null", "{\"user_id\":null}", true));
        c.add(new UserJson("nested customData", "{\"user_id\":\"a\",\"customData\":{\"x\":{\"y\":1}}}", true));
        c.add(new UserJson("array in privateCustomData", "{\"user_id\":\"a\",\"privateCustomData\":{\"x\":[1]}}", true));
        c.add(new UserJson("appBuild a string", "{\"user_id\":\"a\",\"appBuild\":\"x\"}", true));
        c.add(new UserJson("appBuild 1e999", "{\"user_id\":\"a\",\"appBuild\":1e999}", false));
        c.add(new UserJson("customData an array", "{\"user_id\":\"a\",\"customData\":[1,2]}", false));
        c.add(new UserJson("a 10 MB user_id", "{\"user_id\":\"" + "u".repeat(BadConfigs.TEN_MB) + "\"}", false));
        c.add(new UserJson("invalid UTF-8 in a string, decoded with REPLACE", BadConfigs.decode(
                "{\"user_id\":\"a\",\"email\":\"x\u0000y\"}".replace("\u0000", "\u00C3(").getBytes(StandardCharsets.ISO_8859_1)),
                false));
        c.add(new UserJson("a lone surrogate", "{\"user_id\":\"a\uD800\"}", false));
        c.add(new UserJson("an integer past 64 bits", "{\"user_id\":\"a\",\"customData\":{\"n\":18446744073709551616}}", false));
        return c;
    }

    @Test
    void parseUserRejectsBadJsonWithATypedExplainedException() {
        List<Executable> checks = new ArrayList<>();
        for (UserJson c : userJsons()) {
            checks.add(() -> {
                Outcome o = bounded(LIMIT, "parseUser: " + c.name(), () -> JsonCodec.parseUser(c.json()));
                // where the core takes the user, parseUser may still refuse it, but only with a typed exception
                if (c.reject() || o.threw()) {
                    assertTypedRejection(o.error(), InvalidUserException.class, "parseUser: " + c.name());
                } else {
                    assertInstanceOf(User.class, o.value(), c.name());
                }
            });
        }
        assertAll("parseUser", checks);
    }

    /**
     * The reference and every engine x codec in the deep run; in verify, every codec on chicory-aot
     * and wasmtime, one on the runtime compiler (the same generated code) and none on the interpreter
     * (milliseconds per lookup, minutes for the large users).
     */
    static List<Subject> subjects() {
        List<Subject> out = new ArrayList<>();
        out.add(Subject.REFERENCE);
        for (Subject s : Subject.everyAdapter()) {
            boolean verify = s.engine() == Engine.CHICORY_AOT || s.engine() == Engine.WASMTIME
                    || s.engine() == Engine.CHICORY_COMPILER && s.codec() == Codec.JSON;
            if (Budget.DEEP || verify) {
                out.add(s);
            }
        }
        return out;
    }

    /** An odd lookup: a user and key the API lets a caller build. */
    private record OddLookup(String name, User user, String key, VariableType type) {}

    private static List<OddLookup> oddLookups() {
        String key = Configs.KNOWN.key();
        VariableType type = Configs.KNOWN.type();
        List<OddLookup> c = new ArrayList<>();
        c.add(new OddLookup("empty user_id", User.builder("").build(), key, type));
        int bigId = Budget.DEEP ? 1 << 20 : 64 << 10;
        c.add(new OddLookup("a " + bigId / 1024 + " KB user_id", User.builder("u".repeat(bigId)).build(), key, type));
        c.add(new OddLookup("lone surrogates", User.builder("\uD800a\uDC00").email("\uDBFF@x").build(), key, type));
        c.add(new OddLookup("control characters and quotes", User.builder("\u0000\u0001\n\t\"\\\u007F").name("\f\b")
                .build(), key, type));
        c.add(new OddLookup("emoji and right-to-left text", User.builder("\uD83D\uDE00\u202Eabc").country("\u05D0")
                .build(), key, type));
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("nan", Double.NaN);
        numbers.put("inf", Double.POSITIVE_INFINITY);
        numbers.put("-inf", Double.NEGATIVE_INFINITY);
        numbers.put("-0", -0.0);
        numbers.put("tiny", Double.MIN_VALUE);
        numbers.put("max", Long.MAX_VALUE);
        numbers.put("min", Long.MIN_VALUE);
        numbers.put("null", null);
        c.add(new OddLookup("extreme numbers in custom data", User.builder("12345").customData(numbers)
                .privateCustomData(numbers).build(), key, type));
        Map<String, Object> many = new LinkedHashMap<>();
        int keys = Budget.DEEP ? 10_000 : 1_000;
        for (int i = 0; i < keys; i++) {
            many.put("k" + i, i % 2 == 0 ? (Object) ("v" + i) : (Object) (long) i);
        }
        c.add(new OddLookup(keys + " custom data keys", User.builder("12345").customData(many).build(), key, type));
        c.add(new OddLookup("odd custom data keys", User.builder("12345").customData(Map.of("", "empty", "\"q\\", "x",
                "\uD800", true)).build(), key, type));
        c.add(new OddLookup("the same key in both maps, different types", User.builder("12345")
                .customData(Map.of("plan", "free")).privateCustomData(Map.of("plan", 7L)).build(), key, type));
        c.add(new OddLookup("appBuild NaN", User.builder("12345").appBuild(Double.NaN).build(), key, type));
        c.add(new OddLookup("appBuild infinite", User.builder("12345").appBuild(Double.POSITIVE_INFINITY).build(), key, type));
        c.add(new OddLookup("appBuild -0", User.builder("12345").appBuild(-0.0).build(), key, type));
        c.add(new OddLookup("appVersion garbage", User.builder("12345").appVersion("1..2.-3-a.b." + "9".repeat(400))
                .build(), key, type));
        c.add(new OddLookup("empty key", Configs.DEFAULT_USER, "", type));
        c.add(new OddLookup("a 100 KB key", Configs.DEFAULT_USER, "k".repeat(100_000), type));
        c.add(new OddLookup("a key with a lone surrogate", Configs.DEFAULT_USER, key + "\uD800", type));
        for (VariableType t : VariableType.values()) {
            c.add(new OddLookup("the known key as " + t, Configs.DEFAULT_USER, key, t));
        }
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void oddUsersAndKeysGetTypedAnswersAndServingGoesOn(Subject subject) {
        try (Evaluator e = subject.open()) {
            e.setConfig(Configs.SMALL);
            Variable known = Outcomes.knownAnswer(e);
            List<Executable> checks = new ArrayList<>();
            for (OddLookup l : oddLookups()) {
                checks.add(() -> {
                    Outcome o = bounded(LIMIT, l.name(), () -> e.variable(l.user(), l.key(), l.type()));
                    assertNoUntypedFailure(o.error(), l.name());
                    if (o.threw()) {
                        assertTypedRejection(o.error(), flagparity.reference.api.EvaluationException.class, l.name());
                    }
                    Outcome b = bounded(LIMIT, l.name() + " (bucketed config)", () -> e.bucketedConfig(l.user()));
                    assertNoUntypedFailure(b.error(), l.name() + " (bucketed config)");
                    assertStillServes(e, known, l.name());
                });
            }
            assertAll(subject + ": odd users", checks);
        }
    }

    static List<Subject> adapters() {
        return subjects().stream().filter(s -> !s.isReference()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adapters")
    void nullArgumentsAreRefusedAndServingGoesOn(Subject subject) {
        nullArgumentsAreRefused(subject);
    }

    @Test
    void theReferenceRefusesNullArgumentsAsTheAdaptersDo() {
        nullArgumentsAreRefused(Subject.REFERENCE);
    }

    private static void nullArgumentsAreRefused(Subject subject) {
        try (Evaluator e = subject.open()) {
            e.setConfig(Configs.SMALL);
            Variable known = Outcomes.knownAnswer(e);
            List<Executable> checks = new ArrayList<>();
            checks.add(() -> refusedAsNull(bounded(LIMIT, () -> e.variable(null, Configs.KNOWN.key(), Configs.KNOWN.type())), "null user"));
            checks.add(() -> refusedAsNull(bounded(LIMIT, () -> e.variable(Configs.DEFAULT_USER, null, Configs.KNOWN.type())), "null key"));
            checks.add(() -> refusedAsNull(bounded(LIMIT, () -> e.variable(Configs.DEFAULT_USER, Configs.KNOWN.key(), null)), "null type"));
            checks.add(() -> refusedAsNull(bounded(LIMIT, () -> e.bucketedConfig(null)), "bucketedConfig(null)"));
            checks.add(() -> assertStillServes(e, known, "after null arguments"));
            assertAll(subject + ": null arguments", checks);
        }
    }

    /** A null argument is a caller's bug: NullPointerException (or a typed EvaluationException), nothing else. */
    private static void refusedAsNull(Outcome o, String what) {
        if (!(o.error() instanceof NullPointerException || o.error() instanceof flagparity.reference.api.EvaluationException)) {
            fail(what + ": expected NullPointerException but got " + (o.threw() ? o.error() : "an answer: " + o.value()),
                    o.error());
        }
    }
}

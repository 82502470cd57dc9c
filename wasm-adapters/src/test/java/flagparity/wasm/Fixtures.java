package flagparity.wasm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Handwritten configs (src/test/resources/configs), users and lookups shared by the tests. */
final class Fixtures {
    private Fixtures() {}

    /** Before the scheduled rollout in handwritten.json (2030-01-01). */
    static final Clock BEFORE_SCHEDULE = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    static final Clock AFTER_SCHEDULE = Clock.fixed(Instant.parse("2030-06-01T12:00:00Z"), ZoneOffset.UTC);
    static final PlatformData PLATFORM = new PlatformData("Java", "17.0.15", "server", "2.6.0", null, "test-host");

    static String config(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/configs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test config " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** handwritten.json with bool-var served as {@code value}. */
    static String handwrittenWithBoolVar(boolean value) {
        try {
            ObjectNode root = (ObjectNode) JsonCodec.mapper().readTree(config("handwritten.json"));
            for (JsonNode feature : root.get("features")) {
                for (JsonNode variation : feature.get("variations")) {
                    for (JsonNode v : variation.get("variables")) {
                        if (v.get("_var").asText().equals("v-bool")) {
                            ((ObjectNode) v).put("value", value);
                        }
                    }
                }
            }
            return root.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WasmEvaluator.Builder builder(Engine engine, Codec codec, Concurrency concurrency) {
        return WasmEvaluator.builder().engine(engine).codec(codec).concurrency(concurrency).poolSize(2)
                .platformData(PLATFORM).clock(BEFORE_SCHEDULE);
    }

    /** A lookup: a variable key and the type asked for. */
    static final class Lookup {
        final String key;
        final VariableType type;

        Lookup(String key, VariableType type) {
            this.key = key;
            this.type = type;
        }

        @Override
        public String toString() {
            return key + ":" + type;
        }
    }

    /** Every variable of handwritten.json with its type, a wrong type twice, and an unknown key. */
    static final List<Lookup> LOOKUPS = List.of(
            new Lookup("bool-var", VariableType.Boolean),
            new Lookup("num-var", VariableType.Number),
            new Lookup("str-var", VariableType.String),
            new Lookup("json-var", VariableType.JSON),
            new Lookup("email-var", VariableType.String),
            new Lookup("split-var", VariableType.Number),
            new Lookup("custom-var", VariableType.Boolean),
            new Lookup("org-var", VariableType.String),
            new Lookup("scheduled-var", VariableType.Boolean),
            new Lookup("device-var", VariableType.String),
            new Lookup("platform-var", VariableType.Boolean),
            new Lookup("version-var", VariableType.String),
            new Lookup("private-var", VariableType.Number),
            new Lookup("bool-var", VariableType.String),
            new Lookup("num-var", VariableType.Boolean),
            new Lookup("no-such-var", VariableType.Boolean));

    /** Users covering the filters of handwritten.json, non-ASCII text, and every custom-data type but integers as bucketing keys. */
    static List<User> users(int plainUsers) {
        List<User> users = new ArrayList<>();
        users.add(User.builder("u1").email("a@gmail.com").customData(map("plan", "pro", "org", "acme")).build());
        users.add(User.builder("\u00fc-2 \u2713").email("b@yahoo.com").name("Zo\u00eb").country("CA").language("fr")
                .appVersion("2.2.0").appBuild(101).customData(map("plan", "free", "tier", 3L))
                .privateCustomData(map("tier", 1L)).build());
        users.add(User.builder("u3").appVersion("1.9").deviceModel("Pixel 8")
                .customData(map("flag", true, "ratio", 0.25, "nothing", null)).build());
        users.add(User.builder("u4").privateCustomData(map("plan", "enterprise", "tier", 5.5)).build());
        users.add(User.builder("\ud83d\ude00emoji").email("\ud83d\ude00@gmail.com").build());
        for (int i = 0; i < plainUsers; i++) {
            users.add(User.builder("user-" + i).customData(map("org", "org-" + i)).build());
        }
        return users;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

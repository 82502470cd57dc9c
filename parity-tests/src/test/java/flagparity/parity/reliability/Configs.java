package flagparity.parity.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import flagparity.reference.api.User;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The configs, users and lookups the reliability tests share.
 *
 * <p>{@code reliability/small-config.json} is the built-in {@code small} workload of the benchmarks
 * module ({@code Workloads.config("small")}, 12,782 bytes), written once and kept here because this
 * module cannot depend on the benchmarks: a real-shaped DevCycle config with audiences, targets,
 * rollouts and all four variable types.
 */
final class Configs {
    private static final ObjectMapper MAPPER = JsonCodec.mapper();

    /** The config every test starts from. */
    static final String SMALL = resource("reliability/small-config.json");
    /** The user of every headline benchmark. */
    static final User DEFAULT_USER = JsonCodec.parseUser("{\"user_id\":\"12345\",\"email\":\"some.user@gmail.com\"}");
    /** A lookup {@link #DEFAULT_USER} is served in {@link #SMALL}: checked after every rejected input. */
    static final Lookup KNOWN = new Lookup(DEFAULT_USER, "checkout-redesign-enabled", VariableType.Boolean);
    /** The variable of {@link #withUncoveredDistribution}. */
    static final String UNCOVERED_KEY = "reliability-uncovered";

    private Configs() {}

    /** One variable lookup. */
    record Lookup(User user, String key, VariableType type) {
        @Override
        public String toString() {
            return user.userId() + "/" + key + "/" + type;
        }
    }

    /** Every variable of {@code config} with its type. */
    static List<Lookup> lookups(String config, User user) {
        List<Lookup> out = new ArrayList<>();
        for (JsonNode v : tree(config).get("variables")) {
            out.add(new Lookup(user, v.get("key").textValue(), VariableType.parse(v.get("type").textValue())));
        }
        return out;
    }

    /** Users of several shapes: plain, with custom data the small workload's filters read, with private data. */
    static List<User> users() {
        List<User> users = new ArrayList<>();
        users.add(DEFAULT_USER);
        for (int i = 0; i < 6; i++) {
            users.add(User.builder("user-" + i).email("u" + i + (i % 2 == 0 ? "@flagparity.dev" : "@gmail.com"))
                    .country(i % 3 == 0 ? "CA" : "US").appVersion("1." + i + ".0")
                    .customData(Map.of("plan", i % 2 == 0 ? "enterprise" : "free", "signup_days", (long) (60 + 5 * i),
                            "is_admin", i % 3 == 0))
                    .privateCustomData(i % 2 == 0 ? Map.of("company_id", "cmp-" + (2141 + i)) : null)
                    .build());
        }
        return users;
    }

    /**
     * {@code config} with every variable given another {@code _id} and every served value changed
     * (Booleans negated, numbers plus one, strings and JSON objects marked): every answer either
     * config gives differs from the other's in both id and value, so a mix of the two would show.
     */
    static String variant(String config) {
        ObjectNode root = (ObjectNode) tree(config);
        for (JsonNode v : root.get("variables")) {
            ((ObjectNode) v).put("_id", otherId(v.get("_id").textValue()));
        }
        for (JsonNode feature : root.get("features")) {
            for (JsonNode variation : feature.get("variations")) {
                for (JsonNode binding : variation.get("variables")) {
                    ObjectNode b = (ObjectNode) binding;
                    b.put("_var", otherId(b.get("_var").textValue()));
                    b.set("value", otherValue(b.get("value")));
                }
            }
        }
        return write(root);
    }

    private static String otherId(String id) {
        return new StringBuilder(id).reverse().append("b").toString();
    }

    private static JsonNode otherValue(JsonNode v) {
        if (v.isBoolean()) {
            return BooleanNode.valueOf(!v.booleanValue());
        }
        if (v.isNumber()) {
            return DoubleNode.valueOf(v.doubleValue() + 1);
        }
        if (v.isTextual()) {
            return TextNode.valueOf(v.textValue() + " (b)");
        }
        ObjectNode copy = ((ObjectNode) v).deepCopy();
        copy.put("variant", "b");
        return copy;
    }

    /**
     * {@code config} plus a feature whose only target takes every user but distributes only half of
     * them: the core accepts the config and aborts ("Failed to decide target variation") when a user
     * hashed into the other half looks up {@link #UNCOVERED_KEY}. Other lookups are unaffected.
     */
    static String withUncoveredDistribution(String config) {
        ObjectNode root = (ObjectNode) tree(config);
        ((ArrayNode) root.get("variables")).addObject()
                .put("_id", "reliability-var-uncovered").put("key", UNCOVERED_KEY).put("type", "Boolean");
        ObjectNode feature = ((ArrayNode) root.get("features")).addObject()
                .put("_id", "reliability-feature-uncovered").put("key", "reliability-uncovered").put("type", "release");
        ObjectNode variation = feature.putArray("variations").addObject()
                .put("_id", "reliability-variation-on").put("key", "on").put("name", "On");
        variation.putArray("variables").addObject().put("_var", "reliability-var-uncovered").put("value", true);
        ObjectNode target = feature.putObject("configuration").put("_id", "reliability-config-uncovered")
                .putArray("targets").addObject().put("_id", "reliability-target-uncovered");
        target.putObject("_audience").put("_id", "reliability-audience-all").putObject("filters")
                .put("operator", "and").putArray("filters").addObject().put("type", "all");
        target.putArray("distribution").addObject().put("_variation", "reliability-variation-on").put("percentage", 0.5);
        return write(root);
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Configs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package flagparity.workloads.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The odd profile reaches every case the parity properties rely on, and a source of choices fixes a document. */
class OddProfileTest {
    private static final int CONFIGS = 400;

    @Test
    void theSameChoicesGiveTheSameDocuments() {
        assertEquals(ConfigGenerator.generate(Profile.odd(10, 5), Choices.seeded(7)).toString(),
                ConfigGenerator.generate(Profile.odd(10, 5), Choices.seeded(7)).toString());
        assertEquals(Users.odd(Choices.seeded(7), true).toString(), Users.odd(Choices.seeded(7), true).toString());
    }

    @Test
    void oddConfigsHoldEveryKindOfRuleAndOddity() {
        Set<String> seen = new HashSet<>();
        Choices c = Choices.seeded(1);
        for (int i = 0; i < CONFIGS; i++) {
            ObjectNode config = ConfigGenerator.generate(Profile.odd(10, 5), c);
            collect(config, seen);
        }
        List<String> expected = new ArrayList<>(List.of("operator and", "operator or", "operator xor", "operator nand",
                "operator empty", "filter all", "filter optIn", "filter weird", "filter user ", "audienceMatch =",
                "audienceMatch !=", "audienceMatch contain", "audience missing-audience", "audience non-string",
                "customData String", "customData Number", "customData Boolean", "filter values empty",
                "rollout schedule", "rollout gradual", "rollout stepped", "rollout no startPercentage", "rollout no stages",
                "stage linear", "stage discrete", "bucketingKey user_id", "bucketingKey nonexistent",
                "variation missing-variation", "variation ü", "features none", "variables orphan", "config extras",
                "feature extras", "raw number", "value wrong type", "audiences"));
        for (String s : List.of("user_id", "email", "country", "platform", "deviceModel", "appVersion", "platformVersion",
                "ip", "name", "language", "appBuild", "foo")) {
            expected.add("user " + s);
        }
        for (String comparator : Filters.COMPARATORS) {
            expected.add("comparator " + comparator);
        }
        for (String comparator : Filters.UNKNOWN_COMPARATORS) {
            expected.add("comparator " + comparator);
        }
        for (String e : expected) {
            assertTrue(seen.contains(e), "missing " + e + " in " + seen);
        }
    }

    @Test
    void oddUsersHoldEveryFieldAndRawSpellings() {
        Set<String> fields = new HashSet<>();
        boolean raw = false;
        boolean odd = false;
        Choices c = Choices.seeded(2);
        for (int i = 0; i < 2000; i++) {
            ObjectNode user = Users.odd(c, true);
            user.fieldNames().forEachRemaining(fields::add);
            String text = user.toString();
            raw |= NumberSpellings.ALL.stream().anyMatch(s -> text.contains(":" + s + ",") || text.contains(":" + s + "}"));
            odd |= OddStrings.ODD.stream().anyMatch(text::contains) || text.contains("\\u");
        }
        assertTrue(fields.containsAll(Set.of("user_id", "email", "name", "language", "country", "appVersion", "appBuild",
                "deviceModel", "customData", "privateCustomData", "platform", "isAnonymous", "createdDate")), fields.toString());
        assertTrue(raw, "no raw number spelling");
        assertTrue(odd, "no odd string");
    }

    private static void collect(JsonNode config, Set<String> seen) {
        if (config.has("clientSDKKey")) {
            seen.add("config extras");
        }
        if (config.path("audiences").size() > 0) {
            seen.add("audiences");
        }
        for (JsonNode a : config.path("audiences")) {
            filters(a.path("filters"), seen);
        }
        Set<String> used = new HashSet<>();
        if (config.path("features").isEmpty()) {
            seen.add("features none");
        }
        for (JsonNode f : config.path("features")) {
            if (f.has("tags")) {
                seen.add("feature extras");
            }
            for (JsonNode v : f.path("variations")) {
                seen.add("variation " + v.path("_id").asText());
                for (JsonNode val : v.path("variables")) {
                    used.add(val.path("_var").asText());
                    String text = val.path("value").toString();
                    if (NumberSpellings.VALUES.contains(text) && !text.equals(val.path("value").asText())) {
                        seen.add("raw number");
                    }
                    if (val.path("value").isNull() || val.path("value").isArray()) {
                        seen.add("value wrong type");
                    }
                }
            }
            for (JsonNode t : f.path("configuration").path("targets")) {
                filters(t.path("_audience").path("filters"), seen);
                JsonNode r = t.path("rollout");
                if (!r.isMissingNode()) {
                    seen.add("rollout " + r.path("type").asText());
                    if (!r.has("startPercentage")) {
                        seen.add("rollout no startPercentage");
                    }
                    if (!r.has("stages")) {
                        seen.add("rollout no stages");
                    }
                    r.path("stages").forEach(s -> seen.add("stage " + s.path("type").asText()));
                }
                if (t.has("bucketingKey")) {
                    seen.add("bucketingKey " + t.path("bucketingKey").asText());
                }
                t.path("distribution").forEach(d -> seen.add("variation " + d.path("_variation").asText()));
            }
        }
        for (JsonNode v : config.path("variables")) {
            if (!used.contains(v.path("_id").asText())) {
                seen.add("variables orphan");
            }
        }
    }

    private static void filters(JsonNode operator, Set<String> seen) {
        seen.add("operator " + operator.path("operator").asText());
        if (operator.path("filters").isEmpty()) {
            seen.add("operator empty");
        }
        for (JsonNode f : operator.path("filters")) {
            if (f.has("operator")) {
                filters(f, seen);
                continue;
            }
            String type = f.path("type").asText();
            if (type.equals("audienceMatch")) {
                seen.add("audienceMatch " + f.path("comparator").asText());
                for (JsonNode id : f.path("_audiences")) {
                    seen.add(id.isTextual() ? (id.asText().equals("missing-audience") ? "audience missing-audience" : "audience")
                            : "audience non-string");
                }
            } else if (type.equals("user")) {
                String sub = f.path("subType").asText();
                seen.add(sub.equals("customData") ? "customData " + f.path("dataKeyType").asText() : "user " + sub);
                seen.add("comparator " + f.path("comparator").asText());
                if (f.path("values").isEmpty()) {
                    seen.add("filter values empty");
                }
            } else {
                seen.add("filter " + type);
            }
        }
    }
}

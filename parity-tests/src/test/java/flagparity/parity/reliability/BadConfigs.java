package flagparity.parity.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Configs no evaluator should choke on: broken JSON, wrong types, missing and unknown fields, 10 MB,
 * 10,000 levels deep, invalid UTF-8, numbers out of range. Each says what an evaluator must do.
 *
 * <p>{@link flagparity.reference.api.Evaluator#setConfig} takes a String, and no engine offers a byte
 * path, so invalid UTF-8 is decoded here as a caller reading a file would: with a REPLACE decoder
 * ({@code new String(bytes, UTF_8)} does the same), each malformed sequence becoming U+FFFD. (A REPORT
 * decoder fails in the caller, before any evaluator is involved.)
 */
final class BadConfigs {
    private BadConfigs() {}

    /** What an evaluator must do with a config. */
    enum Expect {
        /** Throw ConfigException (the core aborts on it). */
        REJECT,
        /** Take it, and serve the known lookup as before (the change does not touch it). */
        ACCEPT_SAME_ANSWER,
        /** Either: what matters is a typed answer, no Error, no hang, and the old config kept on rejection. */
        EITHER
    }

    /** What a config costs an engine: the interpreter takes a second to parse the small config, Chicory seconds for 10 MB. */
    enum Cost {
        /** Rejected before the config is parsed whole. */
        CHEAP,
        /** Parsed whole (about 13 KB). */
        PARSE,
        /** 10 MB. */
        BIG
    }

    /** A named bad config and what it costs. */
    record Case(String name, String json, Expect expect, Cost cost) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final int DEEP = 10_000;
    static final int TEN_MB = 10 * 1024 * 1024;

    static List<Case> all() {
        String small = Configs.SMALL;
        List<Case> c = new ArrayList<>();
        // not JSON, or not an object
        c.add(new Case("empty string", "", Expect.REJECT, Cost.CHEAP));
        c.add(new Case("whitespace only", " \n\t ", Expect.REJECT, Cost.CHEAP));
        c.add(new Case("truncated at half", small.substring(0, small.length() / 2), Expect.REJECT, Cost.CHEAP));
        c.add(new Case("truncated before the last brace", small.substring(0, small.length() - 1), Expect.EITHER, Cost.PARSE));
        c.add(new Case("array root", "[]", Expect.REJECT, Cost.CHEAP));
        c.add(new Case("null root", "null", Expect.REJECT, Cost.CHEAP));
        c.add(new Case("string root", "\"config\"", Expect.REJECT, Cost.CHEAP));
        c.add(new Case("number root", "42", Expect.REJECT, Cost.CHEAP));
        c.add(new Case("NaN token", small.replaceFirst("\"percentage\":[0-9.]+", "\"percentage\":NaN"), Expect.EITHER, Cost.PARSE));
        c.add(new Case("trailing garbage", small + " }{ trailing", Expect.EITHER, Cost.PARSE));
        c.add(new Case("byte order mark", "\uFEFF" + small, Expect.EITHER, Cost.PARSE));
        c.add(new Case("raw control character in a string", small.replaceFirst("\"production\"", "\"prod\u0001uction\""),
                Expect.EITHER, Cost.PARSE));
        // missing fields, wrong types
        c.add(edit("missing project", n -> n.remove("project"), Expect.REJECT));
        c.add(edit("missing environment", n -> n.remove("environment"), Expect.REJECT));
        c.add(edit("missing features", n -> n.remove("features"), Expect.REJECT));
        c.add(edit("missing variables", n -> n.remove("variables"), Expect.REJECT));
        c.add(edit("project is a number", n -> n.put("project", 1), Expect.REJECT));
        c.add(edit("features is an object", n -> n.putObject("features"), Expect.REJECT));
        c.add(edit("variables is a string", n -> n.put("variables", "x"), Expect.REJECT));
        c.add(edit("project _id is a number", n -> ((ObjectNode) n.get("project")).put("_id", 7), Expect.REJECT));
        c.add(edit("a feature without key", n -> feature(n, 0).remove("key"), Expect.REJECT));
        c.add(edit("a feature without variations", n -> feature(n, 0).remove("variations"), Expect.REJECT));
        c.add(edit("a variable without type", n -> ((ObjectNode) n.get("variables").get(0)).remove("type"), Expect.REJECT));
        c.add(edit("a target's distribution is a string", n -> target(n).put("distribution", "all"), Expect.EITHER));
        c.add(edit("a filter's values is an object", n -> firstFilterWith(n, "values").putObject("values"), Expect.EITHER));
        c.add(edit("a variable type is unknown", n -> ((ObjectNode) n.get("variables").get(0)).put("type", "Colour"),
                Expect.EITHER));
        // unknown fields: ignored
        c.add(edit("unknown fields everywhere", n -> {
            n.putObject("zz_unknown").put("a", 1).putArray("b").add("x");
            feature(n, 0).put("zz_unknown", true);
            target(n).putArray("zz_unknown").add(1.5);
            firstFilterWith(n, "type").put("zz_unknown", "v");
            ((ObjectNode) n.get("variables").get(0)).putNull("zz_unknown");
        }, Expect.ACCEPT_SAME_ANSWER));
        c.add(new Case("a second project key before the first", duplicateKey(small), Expect.EITHER, Cost.PARSE));
        // numbers out of range
        c.add(new Case("percentage 1e400", small.replaceFirst("\"percentage\":[0-9.]+", "\"percentage\":1e400"),
                Expect.EITHER, Cost.PARSE));
        c.add(new Case("percentage -1e400", small.replaceFirst("\"percentage\":[0-9.]+", "\"percentage\":-1e400"),
                Expect.EITHER, Cost.PARSE));
        c.add(new Case("percentage with 400 digits",
                small.replaceFirst("\"percentage\":[0-9.]+", "\"percentage\":" + "9".repeat(400)), Expect.EITHER, Cost.PARSE));
        c.add(new Case("negative percentages", small.replaceAll("\"percentage\":([0-9.]+)", "\"percentage\":-$1"),
                Expect.EITHER, Cost.PARSE));
        c.add(new Case("a 64-bit overflowing number value",
                small.replaceFirst("\"value\":(true|false)", "\"value\":18446744073709551616"), Expect.EITHER, Cost.PARSE));
        // invalid UTF-8, decoded with REPLACE
        c.add(new Case("invalid UTF-8 inside a string value", replaceDecoded(small, "\"production\"",
                new byte[] {'"', 'p', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 'd', '"'}), Expect.EITHER, Cost.PARSE));
        c.add(new Case("invalid UTF-8 in place of a colon", replaceDecoded(small, "\"project\":",
                new byte[] {'"', 'p', 'r', 'o', 'j', 'e', 'c', 't', '"', (byte) 0xC0, (byte) 0xBA}), Expect.REJECT, Cost.CHEAP));
        c.add(new Case("invalid UTF-8 before the config", decode(concat(new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0x80},
                small.getBytes(StandardCharsets.UTF_8))), Expect.EITHER, Cost.PARSE));
        c.add(new Case("a lone surrogate in a string value", small.replaceFirst("\"production\"", "\"prod\uD800\""),
                Expect.EITHER, Cost.PARSE));
        // 10 MB
        c.add(new Case("10 MB string in an unknown field", small.replaceFirst("\\{",
                "{\"zz_big\":\"" + "x".repeat(TEN_MB) + "\","), Expect.ACCEPT_SAME_ANSWER, Cost.BIG));
        c.add(new Case("10 MB of features", manyFeatures(small, TEN_MB), Expect.ACCEPT_SAME_ANSWER, Cost.BIG));
        String tenMb = manyFeatures(small, TEN_MB);
        c.add(new Case("10 MB truncated", tenMb.substring(0, tenMb.length() - 100), Expect.REJECT, Cost.BIG));
        c.add(new Case("10 MB of whitespace before the config", " ".repeat(TEN_MB) + small, Expect.EITHER, Cost.BIG));
        return c;
    }

    /**
     * Configs nested 10,000 deep (kept apart from {@link #all()} while the reference's stack overflow and
     * the adapters' blank message are open; see {@link DeepNestingTest}).
     */
    static List<Case> deeplyNested() {
        String small = Configs.SMALL;
        List<Case> c = new ArrayList<>();
        c.add(new Case("arrays 10,000 deep", "[".repeat(DEEP) + "]".repeat(DEEP), Expect.REJECT, Cost.CHEAP));
        c.add(new Case("objects 10,000 deep", "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP), Expect.REJECT, Cost.CHEAP));
        c.add(new Case("10,000 deep inside an unknown field", small.replaceFirst("\\{",
                "{\"zz_deep\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + ","), Expect.EITHER, Cost.PARSE));
        c.add(new Case("10,000 deep as a JSON variable value", small.replaceFirst("\"value\":\\{",
                "\"value\":{\"deep\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + ","), Expect.EITHER, Cost.PARSE));
        c.add(new Case("10,000 open brackets, never closed", "[".repeat(DEEP), Expect.REJECT, Cost.CHEAP));
        return c;
    }

    private static Case edit(String name, Consumer<ObjectNode> change, Expect expect) {
        ObjectNode root = (ObjectNode) Configs.tree(Configs.SMALL);
        change.accept(root);
        return new Case(name, Configs.write(root), expect, Cost.PARSE);
    }

    private static ObjectNode feature(ObjectNode root, int i) {
        return (ObjectNode) root.get("features").get(i);
    }

    private static ObjectNode target(ObjectNode root) {
        return (ObjectNode) root.get("features").get(0).get("configuration").get("targets").get(0);
    }

    /** The first filter object (depth-first) that has {@code field}. */
    private static ObjectNode firstFilterWith(ObjectNode root, String field) {
        ObjectNode found = findFilter(target(root).get("_audience").get("filters"), field);
        if (found == null) {
            throw new IllegalStateException("the small workload's first target has no filter with " + field);
        }
        return found;
    }

    private static ObjectNode findFilter(JsonNode operator, String field) {
        for (JsonNode f : operator.get("filters")) {
            if (f.has("filters")) {
                ObjectNode nested = findFilter(f, field);
                if (nested != null) {
                    return nested;
                }
            } else if (f.has(field)) {
                return (ObjectNode) f;
            }
        }
        return null;
    }

    private static String duplicateKey(String config) {
        return "{\"project\":{\"_id\":\"other\",\"key\":\"other\"}," + config.substring(1);
    }

    /**
     * {@code config} with its features copied (new ids and keys, same variables) until it is at least
     * {@code bytes} long. The copies come after the originals, so the originals still decide every
     * variable.
     */
    static String manyFeatures(String config, int bytes) {
        ObjectNode root = (ObjectNode) Configs.tree(config);
        ArrayNode features = (ArrayNode) root.get("features");
        List<JsonNode> originals = new ArrayList<>();
        features.forEach(originals::add);
        int perCopy = Configs.write(features).length();
        int copies = bytes / perCopy + 1;
        for (int i = 0; i < copies; i++) {
            for (JsonNode f : originals) {
                ObjectNode copy = f.deepCopy();
                copy.put("_id", f.get("_id").textValue() + "-copy" + i);
                copy.put("key", f.get("key").textValue() + "-copy" + i);
                features.add(copy);
            }
        }
        return Configs.write(root);
    }

    private static String replaceDecoded(String config, String target, byte[] replacement) {
        byte[] utf8 = config.getBytes(StandardCharsets.UTF_8);
        byte[] t = target.getBytes(StandardCharsets.UTF_8);
        int at = config.indexOf(target);
        if (at < 0) {
            throw new IllegalArgumentException("no " + target + " in the config");
        }
        int byteAt = config.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        byte[] out = new byte[utf8.length - t.length + replacement.length];
        System.arraycopy(utf8, 0, out, 0, byteAt);
        System.arraycopy(replacement, 0, out, byteAt, replacement.length);
        System.arraycopy(utf8, byteAt + t.length, out, byteAt + replacement.length, utf8.length - byteAt - t.length);
        return decode(out);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Decodes as a caller reading a file would: malformed input replaced by U+FFFD. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a REPLACE decoder does not throw", e);
        }
    }
}

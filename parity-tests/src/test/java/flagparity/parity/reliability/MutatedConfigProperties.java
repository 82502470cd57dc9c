package flagparity.parity.reliability;

import static flagparity.parity.reliability.Outcomes.assertNoUntypedFailure;
import static flagparity.parity.reliability.Outcomes.assertStillServes;
import static flagparity.parity.reliability.Outcomes.assertTypedRejection;
import static flagparity.parity.reliability.Outcomes.bounded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flagparity.parity.reliability.Outcomes.Outcome;
import flagparity.reference.api.ConfigException;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.Variable;
import flagparity.wasm.Concurrency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random bytes and mutated real configs (the small workload with characters deleted, duplicated,
 * swapped, replaced, truncated, and fields removed or given another type): every engine either
 * takes the config and answers lookups with a variable, null or an EvaluationException, or rejects
 * it with a {@link ConfigException} that says what is wrong; never an Error or a hang; and after a
 * rejection the old config is still served.
 */
@AddLifecycleHook(ReliabilityTries.class)
class MutatedConfigProperties {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Map<Subject, Evaluator> EVALUATORS = new LinkedHashMap<>();
    private static final Map<Subject, Variable> KNOWN = new LinkedHashMap<>();

    @BeforeContainer
    static void open() {
        for (Subject s : Subject.everyEngine(Concurrency.MUTEX)) {
            Evaluator e = s.open();
            EVALUATORS.put(s, e);
            e.setConfig(Configs.SMALL);
            KNOWN.put(s, Outcomes.knownAnswer(e));
        }
    }

    @AfterContainer
    static void close() {
        EVALUATORS.values().forEach(Evaluator::close);
        EVALUATORS.clear();
        KNOWN.clear();
    }

    @Property(tries = 300)
    void theReferenceSurvivesBadConfigs(@ForAll("badConfigs") String config) {
        survives(Subject.REFERENCE, config);
    }

    @Property(tries = 25)
    void compiledEnginesSurviveBadConfigs(@ForAll("badConfigs") String config) {
        for (Subject s : EVALUATORS.keySet()) {
            if (!s.isReference() && !s.isInterpreter()) {
                survives(s, config);
            }
        }
    }

    @Property(tries = 3)
    void theInterpreterSurvivesBadConfigs(@ForAll("badConfigs") String config) {
        for (Subject s : EVALUATORS.keySet()) {
            if (s.isInterpreter()) {
                survives(s, config);
            }
        }
    }

    private static void survives(Subject s, String config) {
        Evaluator e = EVALUATORS.get(s);
        Outcome set = bounded(LIMIT, () -> {
            e.setConfig(config);
            return null;
        });
        Statistics.label(s.toString()).collect(set.threw() ? "rejected" : "accepted");
        if (set.threw()) {
            assertTypedRejection(set.error(), ConfigException.class, s + " rejecting a mutated config");
        } else {
            try {
                Outcome lookup = bounded(LIMIT, () -> e.variable(Configs.KNOWN.user(), Configs.KNOWN.key(),
                        Configs.KNOWN.type()));
                assertNoUntypedFailure(lookup.error(), s + ": a lookup in an accepted mutated config");
                Outcome bucketed = bounded(LIMIT, () -> e.bucketedConfig(Configs.DEFAULT_USER));
                assertNoUntypedFailure(bucketed.error(), s + ": a bucketed config in an accepted mutated config");
            } finally {
                e.setConfig(Configs.SMALL);
            }
        }
        assertStillServes(e, KNOWN.get(s), s + " after a mutated config");
    }

    @Provide
    Arbitrary<String> badConfigs() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, randomBytes()),
                Tuple.of(3, textMutations()),
                Tuple.of(3, fieldMutations()));
    }

    /** Up to 300 random bytes, decoded as a caller would (REPLACE). */
    private static Arbitrary<String> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(BadConfigs::decode);
    }

    /** One to four character-level edits of the small workload at random places. */
    private static Arbitrary<String> textMutations() {
        Arbitrary<TextEdit> edit = Combinators.combine(
                Arbitraries.of(TextEdit.Kind.class),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 64),
                Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "\\", "null", "true", "-", "1e999", "\u0000", "\uFFFD"))
                .as(TextEdit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> {
            String s = Configs.SMALL;
            for (TextEdit e : edits) {
                s = e.apply(s);
            }
            return s;
        });
    }

    /** A character-level edit at a relative position. */
    record TextEdit(Kind kind, double at, double other, int length, String token) {
        enum Kind { DELETE, DUPLICATE, SWAP, INSERT, REPLACE, TRUNCATE }

        String apply(String s) {
            if (s.isEmpty()) {
                return token;
            }
            int i = (int) (at * s.length());
            int j = Math.min(s.length(), i + length);
            switch (kind) {
                case DELETE:
                    return s.substring(0, i) + s.substring(j);
                case DUPLICATE:
                    return s.substring(0, j) + s.substring(i, j) + s.substring(j);
                case SWAP: {
                    int k = (int) (other * s.length());
                    int lo = Math.min(i, k);
                    int hi = Math.max(i, k);
                    if (lo == hi || hi >= s.length()) {
                        return s;
                    }
                    return s.substring(0, lo) + s.charAt(hi) + s.substring(lo + 1, hi) + s.charAt(lo) + s.substring(hi + 1);
                }
                case INSERT:
                    return s.substring(0, i) + token + s.substring(i);
                case REPLACE:
                    return s.substring(0, i) + token + s.substring(Math.min(s.length(), i + 1));
                default:
                    return s.substring(0, i);
            }
        }
    }

    /** A field of the small workload removed or given a value of another type. */
    private static Arbitrary<String> fieldMutations() {
        List<JsonNode> values = List.of(JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.numberNode(0),
                JsonNodeFactory.instance.numberNode(-1), JsonNodeFactory.instance.numberNode(1e308),
                JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("x"),
                JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.arrayNode(),
                JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode().add(1).add("a"));
        int fields = fieldsOf(Configs.tree(Configs.SMALL)).size();
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, fields - 1),
                Arbitraries.integers().between(-1, values.size() - 1)).as((f, v) -> new int[] {f, v});
        return edit.list().ofMinSize(1).ofMaxSize(3).map(edits -> {
            JsonNode root = Configs.tree(Configs.SMALL);
            for (int[] e : edits) {
                List<Object[]> all = fieldsOf(root);
                Object[] field = all.get(e[0] % all.size());
                JsonNode replacement = e[1] < 0 ? null : values.get(e[1]).deepCopy();
                if (field[0] instanceof ObjectNode) {
                    ObjectNode parent = (ObjectNode) field[0];
                    if (replacement == null) {
                        parent.remove((String) field[1]);
                    } else {
                        parent.set((String) field[1], replacement);
                    }
                } else {
                    ArrayNode parent = (ArrayNode) field[0];
                    if (replacement == null) {
                        parent.remove((Integer) field[1]);
                    } else {
                        parent.set((Integer) field[1], replacement);
                    }
                }
            }
            return Configs.write(root);
        });
    }

    /** Every (parent, field name or index) of the tree, depth first. */
    private static List<Object[]> fieldsOf(JsonNode root) {
        List<Object[]> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(JsonNode node, List<Object[]> out) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                out.add(new Object[] {node, name});
                collect(node.get(name), out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Object[] {node, i});
                collect(node.get(i), out);
            }
        }
    }
}

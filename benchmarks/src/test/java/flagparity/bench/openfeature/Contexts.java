package flagparity.bench.openfeature;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random OpenFeature contexts with every attribute shape DevCycle's context mapping tells apart
 * (targeting key or not, standard fields of every value type, custom data inside and outside the
 * structures, every OpenFeature value type) and the values the generated workloads' filters read.
 */
final class Contexts {
    private Contexts() {}

    private static final List<String> CUSTOM_KEYS = List.of("plan", "signup_days", "beta_tester", "company_id",
            "seats", "is_admin", "region", "score", "attr_9", "email", "appBuild", "customData");

    static Arbitrary<EvaluationContext> contexts() {
        Arbitrary<String> targetingKey = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 3000).map(i -> "user-" + i)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(null)));
        Arbitrary<Map<String, Value>> standard = Combinators.combine(
                maybe(Arbitraries.of("some.user@gmail.com", "ann@acme.com", "bo@globex.io", "cy@hooli.com",
                        "dee@flagparity.dev", "x@example.org").map(Value::new)),
                maybe(Arbitraries.of("US", "CA", "GB", "DE", "JP", "BR", "NZ").map(Value::new)),
                maybe(Arbitraries.of("en", "fr", "de", "ja").map(Value::new)),
                maybe(Arbitraries.of("Some User", "Ann").map(Value::new)),
                maybe(Arbitraries.of("1.0.0", "2.3.1", "4.2.1", "10.0", "3.1.4-beta").map(Value::new)),
                maybe(Arbitraries.of("42", "421", "1e3", "abc", " 7 ").map(Value::new)),
                maybe(anyValue()))
                .as((email, country, language, name, appVersion, appBuild, oddEmail) -> {
                    Map<String, Value> m = new LinkedHashMap<>();
                    put(m, "email", oddEmail.isNull() ? email : oddEmail);
                    put(m, "country", country);
                    put(m, "language", language);
                    put(m, "name", name);
                    put(m, "appVersion", appVersion);
                    put(m, "appBuild", appBuild);
                    return m;
                });
        Arbitrary<Map<String, Value>> custom = Arbitraries.maps(Arbitraries.of(CUSTOM_KEYS), anyValue()).ofMaxSize(5);
        Arbitrary<Map<String, Value>> privateCustom = Arbitraries.maps(Arbitraries.of(CUSTOM_KEYS), anyValue()).ofMaxSize(2);
        Arbitrary<Map<String, Value>> topLevel = Arbitraries.maps(
                Arbitraries.of("plan", "region", "seats", "beta_tester", "deviceModel", "platform", "user_id"), anyValue())
                .ofMaxSize(3);
        return Combinators.combine(targetingKey, standard, custom, privateCustom, topLevel,
                Arbitraries.integers().between(0, 9))
                .as((key, std, cd, pcd, top, shape) -> {
                    Map<String, Value> attributes = new LinkedHashMap<>(std);
                    attributes.putAll(top);
                    if (!cd.isEmpty()) {
                        attributes.put("customData", new Value(new ImmutableStructure(cd)));
                    }
                    // private custom data in one context of five (D7 hits users with both maps most)
                    if (!pcd.isEmpty() && shape < 2) {
                        attributes.put("privateCustomData", new Value(new ImmutableStructure(pcd)));
                    }
                    return key == null ? new MutableContext(attributes) : new MutableContext(key, attributes);
                });
    }

    private static void put(Map<String, Value> m, String key, Value v) {
        if (!v.isNull()) {
            m.put(key, v);
        }
    }

    private static Arbitrary<Value> maybe(Arbitrary<Value> values) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(new Value())),
                net.jqwik.api.Tuple.of(2, values));
    }

    /** Every OpenFeature value type, with the values the workloads' filters read. */
    private static Arbitrary<Value> anyValue() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of("free", "starter", "pro", "team", "enterprise", "us-east",
                        "eu-central", "cmp-1042", "").map(Value::new)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(-5, 200).map(Value::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(-5, 200).ofScale(2).map(Value::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(true, false).map(Value::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Value())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Value(List.of(new Value("pro"), new Value(3))))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Value(new ImmutableStructure(Map.of("plan", new Value("pro")))))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Value(java.time.Instant.parse("2024-05-01T00:00:00Z")))));
    }
}

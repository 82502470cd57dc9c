package flagparity.openfeature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import flagparity.openfeature.ConfigIndex.Choice;
import flagparity.openfeature.ConfigIndex.Choices;
import flagparity.openfeature.ConfigIndex.Feature;
import flagparity.reference.api.EvalReason;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import java.util.Comparator;
import java.util.List;

/**
 * An evaluator's answer as an OpenFeature evaluation: the served value with the core's reason
 * ({@code eval.reason}; {@code TARGETING_MATCH} when the engine's core writes none, as 1.32.0), the
 * variation key as variant, and flag metadata ({@link #FEATURE_ID}, {@link #FEATURE_KEY},
 * {@link #VARIATION_ID}, {@link #TARGET_ID}, {@link #EVAL_DETAILS}); or the caller's default with
 * {@code DEFAULT} (not served) or {@code ERROR} and its code.
 *
 * <p>The variation is found in the config index: the serving feature (the answer's {@code _feature},
 * else the only feature that serves the key) and target (its {@code eval.target_id}) narrow it to
 * the variations that give that variable a value, and the served value picks one. Only when that
 * leaves a tie (two variations of one target giving the same value) is the evaluator asked for the
 * user's bucketed config, which names the variation; the answer instance is then remembered with its
 * variation (the reference reuses one instance per variation and path), so a tie costs that once.
 * Metadata is built once per variation and reason.
 */
final class Answers {
    static final String FEATURE_ID = "featureId";
    static final String FEATURE_KEY = "featureKey";
    static final String VARIATION_ID = "variationId";
    static final String TARGET_ID = "targetId";
    static final String EVAL_DETAILS = "evalDetails";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Numbers compare by value: the core may write 1 as 1.0. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private final Evaluator evaluator;

    Answers(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    <T> ProviderEvaluation<T> answer(ConfigIndex index, User user, String key, T defaultValue, Kind<T> kind,
            Variable variable) {
        if (variable == null) {
            if (!index.knows(key)) {
                return error(defaultValue, ErrorCode.FLAG_NOT_FOUND, "no variable \"" + key + "\" in the config");
            }
            VariableType type = index.type(key);
            if (type != kind.type) {
                return error(defaultValue, ErrorCode.TYPE_MISMATCH, "the variable \"" + key + "\" is "
                        + (type == null ? "of an unknown type" : "a " + type.name()) + ", not a " + kind.type.name());
            }
            return new ProviderEvaluation<>(defaultValue, null, Reason.DEFAULT.name(), null, null, null);
        }
        T value = kind.convert(variable.value());
        EvalReason eval = variable.eval();
        String reason = eval == null ? Reason.TARGETING_MATCH.name() : eval.reason();
        String featureId = variable.feature();
        if (featureId == null) {
            List<String> serving = index.servedBy(key);
            featureId = serving.size() == 1 ? serving.get(0) : null;
        }
        Feature feature = index.feature(featureId);
        Choices choices = feature == null ? null : feature.choices(eval == null ? null : eval.targetId(), key);
        Choice choice = choices == null ? null : unique(choices.items, variable);
        if (choice == null && choices != null) {
            choice = choices.learned(variable);
        }
        if (choice == null) {
            Served served = fromBucketedConfig(index, user, key, featureId);
            if (served != null) {
                if (served.feature == feature && choices != null) {
                    choices.learn(variable, served.choice);
                }
                feature = served.feature;
                choice = served.choice;
            }
        }
        if (choice == null) {
            return new ProviderEvaluation<>(value, null, reason, null, null, metadata(featureId, feature, null, eval));
        }
        return new ProviderEvaluation<>(value, choice.variationKey, reason, null, null, cachedMetadata(feature, choice, eval));
    }

    static <T> ProviderEvaluation<T> error(T defaultValue, ErrorCode code, String message) {
        return new ProviderEvaluation<>(defaultValue, null, Reason.ERROR.name(), code, message, null);
    }

    /** The one choice whose value is the served one, or null when none or several are. */
    private static Choice unique(Choice[] choices, Variable variable) {
        if (choices.length == 1) {
            return choices[0];
        }
        Choice found = null;
        JsonNode json = null;
        for (Choice c : choices) {
            boolean same;
            Object served = variable.value();
            switch (variable.type()) {
                case Boolean: same = c.value.isBoolean() && c.value.booleanValue() == (Boolean) served; break;
                case Number: same = c.value.isNumber() && c.value.doubleValue() == (Double) served; break;
                case String: same = c.value.isTextual() && c.value.textValue().equals(served); break;
                default:
                    if (json == null) {
                        json = readJson((String) served);
                    }
                    same = json != null && json.equals(NUMBERS_BY_VALUE, c.value);
            }
            if (same) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found;
    }

    private static JsonNode readJson(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private record Served(Feature feature, Choice choice) {}

    /**
     * The variation the user's bucketed config names for the serving feature (or, when that is not
     * known, the first feature in config order that serves {@code key} to the user); null when the
     * evaluator cannot say.
     */
    private Served fromBucketedConfig(ConfigIndex index, User user, String key, String featureId) {
        JsonNode variations;
        try {
            variations = MAPPER.readTree(evaluator.bucketedConfig(user)).path("featureVariationMap");
        } catch (JsonProcessingException | EvaluationException | UnsupportedOperationException e) {
            return null;
        }
        List<String> candidates = featureId != null ? List.of(featureId) : index.servedBy(key);
        for (String id : candidates) {
            Feature f = index.feature(id);
            String variationId = variations.path(id).asText(null);
            if (f == null || variationId == null) {
                continue;
            }
            for (Choice c : f.choices(null, key).items) {
                if (c.variationId.equals(variationId)) {
                    return new Served(f, c);
                }
            }
        }
        return null;
    }

    private static ImmutableMetadata cachedMetadata(Feature feature, Choice choice, EvalReason eval) {
        Object[] cached = choice.cachedMetadata;
        if (cached != null && java.util.Objects.equals(cached[0], eval)) {
            return (ImmutableMetadata) cached[1];
        }
        ImmutableMetadata m = metadata(feature.id, feature, choice, eval);
        choice.cachedMetadata = new Object[] {eval, m};
        return m;
    }

    private static ImmutableMetadata metadata(String featureId, Feature feature, Choice choice, EvalReason eval) {
        ImmutableMetadata.ImmutableMetadataBuilder b = ImmutableMetadata.builder();
        if (featureId != null) {
            b.addString(FEATURE_ID, featureId);
        }
        if (feature != null) {
            b.addString(FEATURE_KEY, feature.key);
        }
        if (choice != null) {
            b.addString(VARIATION_ID, choice.variationId);
        }
        if (eval != null) {
            b.addString(TARGET_ID, eval.targetId());
            b.addString(EVAL_DETAILS, eval.details());
        }
        return b.build();
    }
}

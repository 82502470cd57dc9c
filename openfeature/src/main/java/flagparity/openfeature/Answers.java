package flagparity.openfeature;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;

/**
 * An evaluator's answer as an OpenFeature evaluation: the served value with the core's reason, the
 * variation key as variant and the feature, variation and target in the flag metadata; or the
 * caller's default with {@code DEFAULT} (not served) or {@code ERROR} and its code.
 */
final class Answers {
    static final String FEATURE_ID = "featureId";
    static final String FEATURE_KEY = "featureKey";
    static final String VARIATION_ID = "variationId";
    static final String TARGET_ID = "targetId";
    static final String EVAL_DETAILS = "evalDetails";

    <T> ProviderEvaluation<T> answer(ConfigIndex index, String key, T defaultValue, Kind<T> kind, Variable variable) {
        if (variable == null) {
            if (!index.knows(key)) {
                return error(defaultValue, ErrorCode.FLAG_NOT_FOUND, "no variable \"" + key + "\" in the config");
            }
            VariableType type = index.type(key);
            if (type != kind.type) {
                return error(defaultValue, ErrorCode.TYPE_MISMATCH, "the variable \"" + key + "\" is a "
                        + (type == null ? "variable of an unknown type" : type.name()) + ", not a " + kind.type.name());
            }
            return new ProviderEvaluation<>(defaultValue, null, Reason.DEFAULT.name(), null, null, null);
        }
        T value = kind.convert(variable.value());
        return new ProviderEvaluation<>(value, null, Reason.TARGETING_MATCH.name(), null, null, metadata(index, variable));
    }

    private static ImmutableMetadata metadata(ConfigIndex index, Variable variable) {
        return null;
    }

    static <T> ProviderEvaluation<T> error(T defaultValue, ErrorCode code, String message) {
        return new ProviderEvaluation<>(defaultValue, null, Reason.ERROR.name(), code, message, null);
    }
}

package flagparity.openfeature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openfeature.sdk.Value;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.VariableType;
import java.util.function.Function;

/**
 * An OpenFeature flag type: the DevCycle variable type it reads and how a served value becomes it.
 * Numbers narrow as DevCycle's provider narrows them ({@link Double#intValue()}); a JSON value becomes
 * a {@link Value} the way OpenFeature converts Jackson's reading of it (objects as structures,
 * integers as Integer or Long, other numbers as Double).
 */
final class Kind<T> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final Kind<Boolean> BOOLEAN = new Kind<>(VariableType.Boolean, v -> (Boolean) v);
    static final Kind<String> STRING = new Kind<>(VariableType.String, v -> (String) v);
    static final Kind<Integer> INTEGER = new Kind<>(VariableType.Number, v -> ((Double) v).intValue());
    static final Kind<Long> LONG = new Kind<>(VariableType.Number, v -> ((Double) v).longValue());
    static final Kind<Double> DOUBLE = new Kind<>(VariableType.Number, v -> (Double) v);
    static final Kind<Value> OBJECT = new Kind<>(VariableType.JSON, v -> json((String) v));

    final VariableType type;
    private final Function<Object, T> convert;

    private Kind(VariableType type, Function<Object, T> convert) {
        this.type = type;
        this.convert = convert;
    }

    /** The served value ({@code Variable.value()}) as this type. */
    T convert(Object servedValue) {
        return convert.apply(servedValue);
    }

    private static Value json(String text) {
        try {
            return Value.objectToValue(MAPPER.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            throw new EvaluationException("the evaluator served JSON that does not parse: " + e.getOriginalMessage(), e);
        }
    }
}

package flagparity.wasm;

import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Variable;
import flagparity.reference.api.JsonCodec;

/**
 * The variable {@code variableForUser} wrote, through the project's one reader of that form,
 * {@link JsonCodec#parseVariable} (it reads the core's raw control characters, keeps a JSON value's
 * text, {@code null} included, and maps a value of another type as the protobuf path delivers it). Here
 * only the adapter's side: no variable for null, and an unreadable text is the core's failure.
 */
final class CoreVariableJson {
    private CoreVariableJson() {}

    static Variable parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JsonCodec.parseVariable(json);
        } catch (IllegalArgumentException e) {
            throw new EvaluationException("cannot read the variable the core wrote: " + json, e);
        }
    }
}

package flagparity.reference.api;

/** An evaluator that can say why it serves what it serves (the reference engine): its steps, as JSON. */
public interface Explaining {

    /** Why {@code user} is served what it is for {@code key} of {@code type}, as a JSON object. */
    String explainJson(User user, String key, VariableType type);
}

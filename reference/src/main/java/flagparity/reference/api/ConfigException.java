package flagparity.reference.api;

/** A config was rejected; the evaluator keeps serving the previous one. */
public class ConfigException extends EvaluationException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

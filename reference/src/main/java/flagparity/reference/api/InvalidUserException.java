package flagparity.reference.api;

/** A user (or client custom data) that the core rejects, for example one without {@code user_id}. */
public class InvalidUserException extends EvaluationException {
    private static final long serialVersionUID = 1L;

    public InvalidUserException(String message) {
        super(message);
    }

    public InvalidUserException(String message, Throwable cause) {
        super(message, cause);
    }
}

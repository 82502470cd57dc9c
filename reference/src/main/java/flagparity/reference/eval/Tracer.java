package flagparity.reference.eval;

/**
 * Receives the steps of one evaluation, for {@code explain}. Evaluation code calls it only when it
 * is non-null, so a normal lookup pays one null check per step and builds no description.
 */
public interface Tracer {

    /** An operator, audienceMatch filter or audience is being evaluated; its children follow until {@link #exit}. */
    void enter(String kind, String description);

    /** A leaf filter was evaluated against {@code actual} (the user's value as text, or null). */
    void leaf(String kind, String description, String actual, boolean passed, String note);

    /** The innermost {@link #enter}ed step ended with {@code passed}; {@code note} may explain a quirk. */
    void exit(boolean passed, String note);
}

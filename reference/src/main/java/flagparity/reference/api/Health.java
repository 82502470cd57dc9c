package flagparity.reference.api;

/**
 * An evaluator that can tell when it recovered from a failure the caller did not see (an instance
 * rebuilt after a core abort, a default served after a swallowed error): timings taken across such
 * an event are not the timings of the lookup alone.
 */
public interface Health {

    /** What went wrong since it was built, one sentence, or {@code null} when nothing did. */
    String trouble();
}

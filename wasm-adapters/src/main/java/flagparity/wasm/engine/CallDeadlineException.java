package flagparity.wasm.engine;

import flagparity.reference.api.EvaluationException;
import java.time.Duration;

/**
 * A call into a core instance ran past its deadline ({@link CallDeadlines}) and was stopped. The
 * instance is unusable (the call was cut off mid-way) and is replaced; the caller's next call works.
 */
public class CallDeadlineException extends EvaluationException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final Duration deadline;

    public CallDeadlineException(String call, Duration deadline, Throwable cause) {
        super("the core's " + call + " ran past its deadline of " + CallDeadlines.format(deadline)
                + " and was stopped; the instance is replaced", cause);
        this.call = call;
        this.deadline = deadline;
    }

    /** The core's export that was stopped. */
    public String call() { return call; }
    /** The deadline it ran past. */
    public Duration deadline() { return deadline; }
}

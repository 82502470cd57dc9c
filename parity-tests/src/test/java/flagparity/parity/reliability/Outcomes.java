package flagparity.parity.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.Variable;
import java.time.Duration;

/** How a call into an evaluator ended, and the checks every reliability test makes of it. */
final class Outcomes {
    private Outcomes() {}

    /** What a call did: returned (value may be null), or threw (error). */
    record Outcome(Object value, Throwable error) {
        boolean threw() {
            return error != null;
        }
    }

    interface Call {
        Object run() throws Exception;
    }

    /**
     * Runs {@code call} on another thread and fails the test if it takes longer than {@code limit} (a
     * hang). Whatever it throws is returned, Errors included, so that the caller can judge it.
     */
    static Outcome bounded(Duration limit, Call call) {
        return bounded(limit, "the call", call);
    }

    /** As {@link #bounded(Duration, Call)}, naming the call in the failure. */
    static Outcome bounded(Duration limit, String what, Call call) {
        return assertTimeoutPreemptively(limit, () -> {
            try {
                return new Outcome(call.run(), null);
            } catch (Throwable t) {
                return new Outcome(null, t);
            }
        }, () -> what + ": no answer within " + limit.toSeconds() + " s (a hang?)");
    }

    /**
     * Asserts {@code t} is a typed, explained rejection: an instance of {@code type} (an
     * {@link EvaluationException} subclass) whose message is not blank, never an Error or an
     * untyped runtime exception.
     */
    static void assertTypedRejection(Throwable t, Class<? extends EvaluationException> type, String what) {
        assertNotNull(t, what);
        if (!type.isInstance(t)) {
            fail(what + ": expected " + type.getSimpleName() + " but got " + t, t);
        }
        String message = t.getMessage();
        assertFalse(message == null || message.isBlank(), what + ": " + t.getClass().getSimpleName()
                + " with a blank message says neither what nor where: " + t);
    }

    /** Fails unless {@code t} is null or an {@link EvaluationException} (an Error or untyped exception fails). */
    static void assertNoUntypedFailure(Throwable t, String what) {
        if (t != null && !(t instanceof EvaluationException)) {
            fail(what + ": expected an answer or an EvaluationException but got " + t, t);
        }
    }

    /** The variable of {@link Configs#KNOWN}: asserts the evaluator still serves {@code expected}. */
    static void assertStillServes(Evaluator e, Variable expected, String what) {
        Outcome o = bounded(Duration.ofSeconds(60), () -> e.variable(Configs.KNOWN.user(), Configs.KNOWN.key(),
                Configs.KNOWN.type()));
        if (o.threw()) {
            fail(what + ": the known lookup failed afterwards", o.error());
        }
        assertEquals(expected, o.value(), what + ": the known lookup changed afterwards");
    }

    /** The known lookup's answer in the config just set; it must be served (not null). */
    static Variable knownAnswer(Evaluator e) {
        Variable v = e.variable(Configs.KNOWN.user(), Configs.KNOWN.key(), Configs.KNOWN.type());
        assertNotNull(v, "the default user must be served " + Configs.KNOWN.key() + " in the small workload");
        return v;
    }
}

package flagparity.parity.reliability;

import static flagparity.parity.reliability.Outcomes.assertStillServes;
import static flagparity.parity.reliability.Outcomes.bounded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import flagparity.parity.reliability.Outcomes.Outcome;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.wasm.engine.CoreAbortException;
import flagparity.wasm.WasmEvaluator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A core abort in the middle of an evaluation, one the core really raises: a config it accepts whose
 * target distributes only half of its users ({@link Configs#withUncoveredDistribution}); looking up
 * that variable for a user hashed into the other half makes {@code decideTargetVariation} throw
 * "Failed to decide target variation" (targetV2.ts), which is an {@code abort}. The instance is
 * replaced, {@code instancesReplaced()} counts it, and the evaluator goes on serving, also to threads
 * evaluating at the same moment.
 */
class CoreAbortTest {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final String CONFIG = Configs.withUncoveredDistribution(Configs.SMALL);

    static List<Subject> subjects() {
        List<Subject> out = new ArrayList<>();
        for (Subject s : Subject.everyEngineAndConcurrency()) {
            if (!s.isReference()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Users for whom the uncovered variable is served, and for whom the core aborts. */
    private record Split(User served, User aborting) {}

    private static Split split(Evaluator e) {
        User served = null;
        User aborting = null;
        for (int i = 0; i < 64 && (served == null || aborting == null); i++) {
            User u = User.builder("abort-probe-" + i).build();
            Outcome o = bounded(LIMIT, () -> e.variable(u, Configs.UNCOVERED_KEY, VariableType.Boolean));
            if (o.threw()) {
                assertInstanceOf(EvaluationException.class, o.error(), "an uncovered user's lookup");
                aborting = aborting == null ? u : aborting;
            } else {
                assertNotNull(o.value(), "a covered user is served the uncovered variable");
                served = served == null ? u : served;
            }
        }
        assertNotNull(served, "no user among 64 was covered by a half distribution");
        assertNotNull(aborting, "no user among 64 fell outside a half distribution");
        return new Split(served, aborting);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void anAbortReplacesTheInstanceAndTheEvaluatorGoesOnServing(Subject subject) throws Exception {
        try (WasmEvaluator e = (WasmEvaluator) subject.open()) {
            e.setConfig(CONFIG);
            Variable known = Outcomes.knownAnswer(e);
            Split users = split(e);
            Variable servedAnswer = e.variable(users.served(), Configs.UNCOVERED_KEY, VariableType.Boolean);

            // threads keep evaluating while aborts happen (on a pool they run on the other slot)
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong good = new AtomicLong();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread th = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            Variable k = e.variable(Configs.KNOWN.user(), Configs.KNOWN.key(), Configs.KNOWN.type());
                            Variable s = e.variable(users.served(), Configs.UNCOVERED_KEY, VariableType.Boolean);
                            if (!known.equals(k) || !servedAnswer.equals(s)) {
                                wrong.add("wrong answer: " + k + ", " + s);
                            }
                            good.incrementAndGet();
                        } catch (RuntimeException | Error x) {
                            wrong.add("a healthy lookup failed: " + x);
                        }
                    }
                }, "abort-bystander-" + t);
                th.start();
                threads.add(th);
            }
            int aborts = subject.isInterpreter() ? 2 : 5;
            long before = e.instancesReplaced();
            try {
                for (int i = 1; i <= aborts; i++) {
                    Outcome o = bounded(LIMIT, () -> e.variable(users.aborting(), Configs.UNCOVERED_KEY,
                            VariableType.Boolean));
                    CoreAbortException abort = assertInstanceOf(CoreAbortException.class, o.error(),
                            "the uncovered user's lookup must abort");
                    assertTrue(String.valueOf(abort.coreMessage()).startsWith("Failed to decide target variation"),
                            abort.getMessage());
                    assertEquals(before + i, e.instancesReplaced(), "each abort replaces one instance");
                    assertEquals(known, e.variable(Configs.KNOWN.user(), Configs.KNOWN.key(), Configs.KNOWN.type()));
                }
                Outcome bucketed = bounded(LIMIT, () -> e.bucketedConfig(users.aborting()));
                assertInstanceOf(CoreAbortException.class, bucketed.error(),
                        "the bucketed config of an uncovered user aborts too");
                assertEquals(before + aborts + 1, e.instancesReplaced());
            } finally {
                stop.set(true);
                for (Thread th : threads) {
                    th.join(LIMIT.toMillis());
                }
            }
            assertTrue(wrong.isEmpty(), subject + ": " + wrong.size() + " bystander failures, first: " + wrong.peek());
            assertTrue(good.get() > 0, "the bystanders made no lookup");
            assertStillServes(e, known, "after " + aborts + " aborts");
        }
    }

    @Test
    void theReferenceFailsTheSameLookupWithATypedExceptionAndGoesOnServing() {
        try (Evaluator e = Subject.REFERENCE.open()) {
            e.setConfig(CONFIG);
            Variable known = Outcomes.knownAnswer(e);
            Split users = split(e);
            for (int i = 0; i < 3; i++) {
                Outcome o = bounded(LIMIT, () -> e.variable(users.aborting(), Configs.UNCOVERED_KEY, VariableType.Boolean));
                if (!(o.error() instanceof EvaluationException)) {
                    fail("expected an EvaluationException (the core aborts here) but got "
                            + (o.threw() ? o.error() : o.value()), o.error());
                }
                assertStillServes(e, known, "after a failed lookup");
            }
        }
    }
}

package flagparity.parity.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flagparity.parity.oracle.Outcome;
import flagparity.parity.oracle.ProtobufHeapFault;
import flagparity.parity.reliability.Configs.Lookup;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Threads evaluate while another swaps the config between two versions every millisecond (as fast as
 * the engine takes them, with a 1 ms pause): every answer must be one that the old or the new config
 * gives for that lookup (the two differ in every variable id and value, so a mix shows), bucketed
 * configs likewise, and no call may fail. Once a swap returns, every lookup sees the new config.
 * {@code -Dreliability.swapMillis} sets the time per subject (1 s in verify, 15 s deep).
 */
class ConfigSwapUnderLoadTest {
    private static final String A = Configs.SMALL;
    private static final String B = Configs.variant(Configs.SMALL);
    private static final int EVALUATING_THREADS = 2;

    static List<Subject> subjects() {
        return Subject.everyEngineAndConcurrency();
    }

    /** The answers of one config: per lookup, and per user the bucketed config. */
    private record Answers(Map<Lookup, Variable> variables, Map<User, String> bucketed) {}

    private static Answers answers(Evaluator e, String config, List<Lookup> lookups, List<User> users) {
        e.setConfig(config);
        Map<Lookup, Variable> v = new HashMap<>();
        for (Lookup l : lookups) {
            v.put(l, e.variable(l.user(), l.key(), l.type()));
        }
        Map<User, String> b = new HashMap<>();
        for (User u : users) {
            b.put(u, e.bucketedConfig(u));
        }
        return new Answers(v, b);
    }

    /** A lookup's answer, or {@code heapFault} when the lookup met the core's protobuf heap fault. */
    private record Answer(Variable variable, boolean heapFault) {}

    /**
     * Asks {@code l}. The core's own heap fault on its protobuf path (D7 in results/DIVERGENCES.md)
     * depends on where the core's GC steps fall, which the threads make unpredictable here, and says
     * nothing of config swaps (the adapter replaces the instance): it is returned, not thrown.
     */
    private static Answer ask(Evaluator e, Subject subject, Lookup l) {
        try {
            return new Answer(e.variable(l.user(), l.key(), l.type()), false);
        } catch (EvaluationException x) {
            boolean protobuf = subject.codec() != null && !subject.codec().json();
            if (protobuf && ProtobufHeapFault.is(Outcome.error(x.getMessage()))) {
                return new Answer(null, true);
            }
            throw x;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void everyAnswerIsTheOldOrTheNewConfigsNeverAMix(Subject subject) throws Exception {
        List<User> users = Configs.users();
        List<Lookup> lookups = new ArrayList<>();
        for (User u : users) {
            lookups.addAll(Configs.lookups(A, u));
        }
        try (Evaluator e = subject.open()) {
            Answers b = answers(e, B, lookups, users);
            Answers a = answers(e, A, lookups, users);
            long served = lookups.stream().filter(l -> a.variables().get(l) != null).count();
            assertTrue(served >= users.size(), "too few lookups are served to tell the configs apart: " + served);
            for (Lookup l : lookups) {
                if (a.variables().get(l) != null) {
                    assertNotEquals(a.variables().get(l), b.variables().get(l), l + " is the same in both configs");
                }
            }

            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong evaluations = new AtomicLong();
            AtomicLong sawB = new AtomicLong();
            AtomicLong heapFaults = new AtomicLong();
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < EVALUATING_THREADS; t++) {
                Thread th = new Thread(() -> {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    while (!stop.get()) {
                        try {
                            if (r.nextInt(16) == 0) {
                                User u = users.get(r.nextInt(users.size()));
                                String got = e.bucketedConfig(u);
                                if (!got.equals(a.bucketed().get(u)) && !got.equals(b.bucketed().get(u))) {
                                    problems.add("mixed bucketed config for " + u + ": " + got);
                                }
                            } else {
                                Lookup l = lookups.get(r.nextInt(lookups.size()));
                                Answer answer = ask(e, subject, l);
                                if (answer.heapFault()) {
                                    heapFaults.incrementAndGet();
                                    continue;
                                }
                                Variable got = answer.variable();
                                boolean isA = Objects.equals(got, a.variables().get(l));
                                boolean isB = Objects.equals(got, b.variables().get(l));
                                if (!isA && !isB) {
                                    problems.add("mixed answer for " + l + ": " + got + " (old " + a.variables().get(l)
                                            + ", new " + b.variables().get(l) + ")");
                                } else if (isB && !isA) {
                                    sawB.incrementAndGet();
                                }
                            }
                            evaluations.incrementAndGet();
                        } catch (RuntimeException | Error x) {
                            problems.add("a call failed during swaps: " + x);
                        }
                    }
                }, "swap-evaluator-" + t);
                threads.add(th);
            }
            threads.forEach(Thread::start);
            long swaps = 0;
            long end = System.nanoTime() + Budget.swapMillis() * 1_000_000;
            try {
                // at least two full swaps, however slow the engine
                while (System.nanoTime() < end || swaps < 2) {
                    String next = swaps % 2 == 0 ? B : A;
                    e.setConfig(next);
                    swaps++;
                    // once setConfig returns, this thread must see the config it set
                    Lookup probe = lookups.get((int) (swaps % lookups.size()));
                    Answer probed = ask(e, subject, probe);
                    if (probed.heapFault()) {
                        heapFaults.incrementAndGet();
                        Thread.sleep(1);
                        continue;
                    }
                    Variable seen = probed.variable();
                    Variable expected = (next == A ? a : b).variables().get(probe);
                    if (!Objects.equals(expected, seen)) {
                        problems.add("after setConfig returned, " + probe + " gave " + seen + " not " + expected);
                    }
                    Thread.sleep(1);
                }
            } finally {
                stop.set(true);
                for (Thread th : threads) {
                    th.join(60_000);
                }
            }
            assertTrue(problems.isEmpty(), subject + ": " + problems.size() + " problems in " + evaluations
                    + " evaluations and " + swaps + " swaps; first: " + problems.peek());
            assertTrue(evaluations.get() > 0, "no evaluation ran during the swaps");
            assertTrue(sawB.get() > 0 || swaps < 3, "the evaluating threads never saw the new config in "
                    + evaluations + " evaluations and " + swaps + " swaps");
            // settle on A: every lookup answers as A
            e.setConfig(A);
            for (Lookup l : lookups) {
                assertEquals(a.variables().get(l), e.variable(l.user(), l.key(), l.type()), l.toString());
            }
            System.out.printf("swaps under load, %s: %d swaps, %d evaluations, %d answers from the new config,"
                    + " %d lookups met the core's protobuf heap fault (D7)%n", subject, swaps, evaluations.get(),
                    sawB.get(), heapFaults.get());
        }
    }
}

package flagparity.parity.reliability;

import static flagparity.parity.reliability.Outcomes.assertNoUntypedFailure;
import static flagparity.parity.reliability.Outcomes.assertStillServes;
import static flagparity.parity.reliability.Outcomes.assertTypedRejection;
import static flagparity.parity.reliability.Outcomes.bounded;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import flagparity.parity.reliability.BadConfigs.Case;
import flagparity.parity.reliability.BadConfigs.Cost;
import flagparity.parity.reliability.BadConfigs.Expect;
import flagparity.parity.reliability.Outcomes.Outcome;
import flagparity.reference.api.ConfigException;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.Variable;
import flagparity.wasm.Concurrency;
import flagparity.wasm.engine.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engine rejects each bad config of {@link BadConfigs} with a {@link ConfigException} that says
 * what is wrong (never an Error, an untyped exception or a hang) and keeps serving the config it had;
 * configs it may take leave it serving typed answers. See {@link #affordable} for what the slow
 * engines skip outside the deep run.
 */
class BadConfigTest {
    private static final Duration LIMIT = Duration.ofSeconds(120);

    static List<Subject> subjects() {
        return Subject.everyEngine(Concurrency.MUTEX);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void rejectsBadConfigsAndKeepsServingTheOldOne(Subject subject) {
        try (Evaluator e = subject.open()) {
            e.setConfig(Configs.SMALL);
            Variable known = Outcomes.knownAnswer(e);
            List<Executable> checks = new ArrayList<>();
            for (Case c : BadConfigs.all()) {
                if (affordable(subject, c)) {
                    checks.add(() -> check(e, c, known));
                }
            }
            assertAll(subject + ": bad configs", checks);
        }
    }

    /**
     * Within {@code mvn verify}'s budget: Chicory takes 6-25 s per 10 MB config and the interpreter a
     * second or more per full parse, so those run only in the deep run; the reference and wasmtime
     * take every config.
     */
    private static boolean affordable(Subject s, Case c) {
        if (s.isInterpreter()) {
            return c.cost() == Cost.CHEAP || Budget.DEEP && c.cost() == Cost.PARSE && c.expect() == Expect.REJECT;
        }
        boolean chicory = !s.isReference() && s.engine() != Engine.WASMTIME;
        return c.cost() != Cost.BIG || !chicory || Budget.DEEP;
    }

    private static void check(Evaluator e, Case c, Variable known) {
        Outcome set = bounded(LIMIT, c.name(), () -> {
            e.setConfig(c.json());
            return null;
        });
        if (set.threw()) {
            if (c.expect() == Expect.ACCEPT_SAME_ANSWER) {
                fail(c + ": rejected a config the core takes: " + set.error(), set.error());
            }
            assertTypedRejection(set.error(), ConfigException.class, c.name());
        } else {
            try {
                if (c.expect() == Expect.REJECT) {
                    fail(c + ": accepted a config the core rejects");
                }
                Outcome lookup = bounded(LIMIT, () -> e.variable(Configs.KNOWN.user(), Configs.KNOWN.key(),
                        Configs.KNOWN.type()));
                assertNoUntypedFailure(lookup.error(), c + ": a lookup in the accepted config");
                if (c.expect() == Expect.ACCEPT_SAME_ANSWER) {
                    assertEquals(known, lookup.value(), c + ": the change should not touch the known lookup");
                }
            } finally {
                e.setConfig(Configs.SMALL);
            }
        }
        assertStillServes(e, known, c.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void aNullConfigIsRefusedAndTheOldOneKept(Subject subject) {
        try (Evaluator e = subject.open()) {
            e.setConfig(Configs.SMALL);
            Variable known = Outcomes.knownAnswer(e);
            Outcome set = bounded(LIMIT, () -> {
                e.setConfig(null);
                return null;
            });
            if (!(set.error() instanceof NullPointerException || set.error() instanceof ConfigException)) {
                fail("setConfig(null): expected NullPointerException or ConfigException but got "
                        + (set.threw() ? set.error() : "no exception"), set.error());
            }
            assertStillServes(e, known, "setConfig(null)");
        }
    }
}

package flagparity.parity.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import flagparity.reference.api.User;
import flagparity.reference.api.Variable;
import flagparity.wasm.WasmEvaluator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The user that DevCycle's Java SDK 2.6.0 stops serving after about a thousand calls (a wasm trap,
 * MEMORY_OUT_OF_BOUNDS, then defaults): one with both customData and privateCustomData, sharing a key.
 * Every adapter (engine x codec) answers it {@code -Dreliability.sameUserCalls} times (2,000 in
 * verify, a twentieth of that on the interpreter; 100,000 deep) with the same variable, and no
 * instance is ever replaced.
 *
 * <p>The SDK's trap comes from the core (results/DIVERGENCES.md, D7): on the protobuf entry points a
 * user with both maps can corrupt the core's heap when its incremental GC steps at particular points
 * of the call. Repeating one call repeats its allocation pattern, so the steps keep landing on the
 * same points; this test shows that pattern is served, it does not hunt for D7.
 */
class SameUserRepeatTest {
    static final User BOTH = User.builder("12345").email("some.user@gmail.com")
            .customData(Map.of("plan", "enterprise", "signup_days", 70L, "tier", 1L))
            .privateCustomData(Map.of("company_id", "cmp-2141", "is_admin", false, "tier", 4L))
            .build();

    /** Every adapter, or those of the engines and codecs in {@code -Dreliability.engines} and {@code -Dreliability.codecs}. */
    static List<Subject> subjects() {
        return Subject.everyAdapter().stream().filter(s -> Budget.selected(s.engine()) && Budget.selected(s.codec()))
                .collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void theUserThatTrappedTheSdkIsServedEveryTime(Subject subject) {
        long calls = Budget.sameUserCalls(subject.isInterpreter());
        try (WasmEvaluator e = (WasmEvaluator) subject.open()) {
            e.setConfig(Configs.SMALL);
            Variable first = e.variable(BOTH, Configs.KNOWN.key(), Configs.KNOWN.type());
            assertNotNull(first, "the user must be served " + Configs.KNOWN.key());
            for (long i = 1; i < calls; i++) {
                Variable v;
                try {
                    v = e.variable(BOTH, Configs.KNOWN.key(), Configs.KNOWN.type());
                } catch (RuntimeException x) {
                    throw new AssertionError(subject + ": call " + (i + 1) + " of " + calls + " failed", x);
                }
                if (!first.equals(v)) {
                    fail(subject + ": call " + (i + 1) + " answered " + v + ", the first " + first);
                }
            }
            assertEquals(0, e.instancesReplaced(), subject + ": an instance was replaced (a trap)");
        }
    }
}

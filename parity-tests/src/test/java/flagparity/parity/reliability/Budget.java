package flagparity.parity.reliability;

import flagparity.wasm.Codec;
import flagparity.wasm.WasmEngine;
import flagparity.wasm.engine.Engine;
import java.util.function.Function;

/**
 * How much work the reliability tests do. {@code ./mvnw verify} runs short versions; the deep run is
 * switched on with {@code -Dreliability.deep=true} and each figure can also be set on its own (surefire
 * hands {@code -D} options given to Maven to the test JVM as system properties):
 *
 * <pre>
 * ./mvnw -B -pl parity-tests verify -Dreliability.deep=true -Dtest='flagparity.parity.reliability.**' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
final class Budget {
    static final boolean DEEP = Boolean.getBoolean("reliability.deep");

    private Budget() {}

    /** Lookups per compiled Wasm engine in the long run ({@code reliability.evaluations}). */
    static long evaluations() {
        return number("reliability.evaluations", 20_000, 5_000_000);
    }

    /** Lookups on the interpreter in the long run ({@code reliability.interpreterEvaluations}). */
    static long interpreterEvaluations() {
        return number("reliability.interpreterEvaluations", 200, 100_000);
    }

    /** Calls of the same user per adapter ({@code reliability.sameUserCalls}); the interpreter gets 1/20 in verify. */
    static long sameUserCalls(boolean interpreter) {
        long n = number("reliability.sameUserCalls", 2_000, 100_000);
        return interpreter && !DEEP && System.getProperty("reliability.sameUserCalls") == null ? n / 20 : n;
    }

    /** How long configs are swapped under load, per subject ({@code reliability.swapMillis}). */
    static long swapMillis() {
        return number("reliability.swapMillis", 1_000, 15_000);
    }

    /** Instance replacements (aborts) and config swaps in the churn runs ({@code reliability.churn}). */
    static long churn() {
        return number("reliability.churn", 30, 3_000);
    }

    /**
     * Whether {@code engine} is among {@code reliability.engines} (engine ids, comma-separated; every
     * engine when unset), for {@link SameUserRepeatTest} and {@link LongRunMemoryTest}: lets a deep run
     * spend its time on the engines in question, e.g. the interpreter.
     */
    static boolean selected(Engine engine) {
        return listed("reliability.engines", WasmEngine::runtime, engine);
    }

    /** Whether {@code codec} is among {@code reliability.codecs} (as {@link #selected(Engine)}; SameUserRepeatTest). */
    static boolean selected(Codec codec) {
        return listed("reliability.codecs", Codec::parse, codec);
    }

    private static <T> boolean listed(String property, Function<String, T> parse, T value) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            return true;
        }
        for (String id : v.split(",")) {
            if (parse.apply(id.trim()) == value) {
                return true;
            }
        }
        return false;
    }

    private static long number(String property, long verify, long deep) {
        String v = System.getProperty(property);
        if (v != null && !v.isBlank()) {
            return Long.parseLong(v.trim().replace("_", ""));
        }
        return DEEP ? deep : verify;
    }
}

package flagparity.openfeature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import flagparity.openfeature.source.ConfigSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Two threads evaluate while two configs are swapped in and out as fast as the provider takes them.
 * In config A the variable {@code x} is a String served "A"; in B it is a Number served 2. An answer
 * that read one config's values and the other's types would show as a {@code DEFAULT} (not served)
 * answer, which neither config gives.
 */
class SwapConsistencyTest {
    private static final String A = config("String", "\"A\"");
    private static final String B = config("Number", "2");
    private static final EvaluationContext USER = new ImmutableContext("user-1");

    private static String config(String type, String value) {
        return Fixtures.config("config-a.json")
                .replace("{\"_id\": \"v-beta\", \"key\": \"beta-var\", \"type\": \"String\"}",
                        "{\"_id\": \"v-beta\", \"key\": \"x\", \"type\": \"" + type + "\"}")
                .replace("\"beta-a\"", value)
                .replace("{\"type\": \"user\", \"subType\": \"customData\", \"dataKey\": \"plan\", \"dataKeyType\": \"String\", \"comparator\": \"=\", \"values\": [\"pro\"]}",
                        "{\"type\": \"all\"}");
    }

    /** A source the test drives. */
    static final class ManualSource implements ConfigSource {
        volatile Sink sink;
        private final String first;

        ManualSource(String first) {
            this.first = first;
        }

        @Override
        public void start(Sink s) {
            sink = s;
            s.offer(first);
        }

        @Override
        public void close() {}

        @Override
        public String describe() {
            return "the test";
        }
    }

    @Test
    void noLookupMixesTwoConfigs() throws Exception {
        ManualSource source = new ManualSource(A);
        try (Fixtures.Domain domain = new Fixtures.Domain()) {
            domain.start(FlagparityProvider.builder().configSource(source).build());
            AtomicBoolean done = new AtomicBoolean();
            Set<String> outcomes = ConcurrentHashMap.newKeySet();
            List<String> mixed = new ArrayList<>();
            AtomicLong lookups = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                boolean asString = t == 0;
                Thread thread = new Thread(() -> {
                    while (!done.get()) {
                        String outcome = asString ? outcome(domain.client.getStringDetails("x", "d", USER))
                                : outcome(domain.client.getDoubleDetails("x", -1.0, USER));
                        lookups.incrementAndGet();
                        outcomes.add(outcome);
                        if (outcome.startsWith("MIXED")) {
                            synchronized (mixed) {
                                mixed.add(outcome);
                            }
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
            int swaps = 0;
            long end = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < end) {
                assertTrue(source.sink.offer(swaps % 2 == 0 ? B : A));
                swaps++;
            }
            done.set(true);
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(List.of(), mixed);
            // both configs were really seen by both threads
            assertEquals(Set.of("A", "TYPE_MISMATCH:d", "2.0", "TYPE_MISMATCH:-1.0"), outcomes,
                    swaps + " swaps, " + lookups + " lookups");
        }
    }

    private static <T> String outcome(FlagEvaluationDetails<T> d) {
        if (d.getErrorCode() == ErrorCode.TYPE_MISMATCH) {
            return "TYPE_MISMATCH:" + d.getValue();
        }
        if (d.getErrorCode() == null && !"DEFAULT".equals(d.getReason())) {
            return String.valueOf(d.getValue());
        }
        return "MIXED " + d;
    }
}

package flagparity.wasm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A loop that never ends inside the real core, on every engine: a pinned object whose list link
 * points at itself makes the collector's walk over the pinned objects ({@code visitRoots}) go round
 * for ever, as a heap damaged by D7 can. The call is stopped at its deadline and says which call and
 * which deadline; the instance is unusable afterwards.
 */
class CallDeadlineTest {
    private static final Duration DEADLINE = Duration.ofMillis(200);
    /** Generous for a machine shared by many builds: the design's own slack is an eighth plus 2 ms. */
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final String MARKER = "deadline-test-marker-\u2603";

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "GRAALWASM", mode = EnumSource.Mode.EXCLUDE) // graalwasm: its own module (GraalWasmDeadlineTest)
    void aCoreLoopingForEverIsStoppedAtTheCallsDeadline(Engine engine) {
        try (CoreInstance core = CoreInstance.open(engine, CoreBuild.newest(), null, Clock.systemUTC(),
                new CallDeadlines(DEADLINE, Duration.ofSeconds(30)))) {
            core.setPlatformData("{\"platform\":\"Java\",\"platformVersion\":\"17\",\"sdkType\":\"server\","
                    + "\"sdkVersion\":\"2.6.0\"}");
            core.setClientCustomData(MARKER, "{}"); // the SDK key string, pinned for the instance's life
            int object = pinnedStringObject(core);
            // the object's next link (its low two bits are the GC colour) now points at itself
            WasmInstance memory = core.runtime();
            memory.writeInt(object + 4, object | (memory.readInt(object + 4) & 3));

            long t0 = System.nanoTime();
            CallDeadlineException e = assertThrows(CallDeadlineException.class, core::collect);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertEquals("__collect", e.call());
            assertEquals(DEADLINE, e.deadline());
            assertTrue(e.getMessage().contains("__collect") && e.getMessage().contains("200 ms"), e.getMessage());
            assertTrue(took.compareTo(DEADLINE) >= 0, engine + " stopped after " + took.toMillis() + " ms");
            assertTrue(took.compareTo(DEADLINE.plus(SLACK)) < 0, engine + " stopped after " + took.toMillis() + " ms");
            assertFalse(core.usable());
            assertFalse(Thread.currentThread().isInterrupted(), "no interrupt is left on the caller");
        }
    }

    /** The header address of the one string object holding {@link #MARKER} (its payload is 20 bytes on). */
    private static int pinnedStringObject(CoreInstance core) {
        byte[] utf16 = MARKER.getBytes(StandardCharsets.UTF_16LE);
        WasmInstance runtime = core.runtime();
        byte[] memory = runtime.readBytes(0, runtime.memoryPages() * 65536);
        int found = -1;
        for (int p = 20; p + utf16.length <= memory.length; p++) {
            if (matches(memory, p, utf16) && runtime.readInt(p - 4) == utf16.length
                    && runtime.readInt(p - 8) == LinearMemory.STRING_ID) {
                assertEquals(-1, found, "the marker string is in the heap once");
                found = p;
            }
        }
        assertTrue(found > 0, "the marker string is in the heap");
        return found - 20;
    }

    private static boolean matches(byte[] memory, int at, byte[] what) {
        for (int i = 0; i < what.length; i++) {
            if (memory[at + i] != what[i]) {
                return false;
            }
        }
        return true;
    }
}

package flagparity.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreProfileTest {
    @TempDir
    Path dir;

    @Test
    void sourceIsTheFileOfTheFunctionName() {
        assertEquals("~lib/rt/itcms", fn("~lib/rt/itcms/__new").source());
        assertEquals("~lib/array", fn("~lib/array/Array<~lib/string/String>#push").source());
        assertEquals("~lib/util/hash", fn("~lib/util/hash/HASH<~lib/string/String>").source());
        assertEquals("~lib/rt/itcms", fn("byn-split-outlined-A$~lib/rt/itcms/__visit").source());
        assertEquals("assembly/index", fn("export:assembly/index/variableForUser").source());
        assertEquals("(no source path)", fn("func[12]").source());
    }

    private static CoreProfile.Function fn(String name) {
        return new CoreProfile.Function(0, name, 1, 0);
    }

    /**
     * A thread named like the profiler's runs a method shaped like Chicory's generated code
     * ({@code ...Machine...func_7}); its samples must all land on function 7, named from the exports.
     */
    @Test
    void samplesInGeneratedCodeGoToTheirFunction() throws Exception {
        Path jfr = dir.resolve("p.jfr");
        long[] sink = new long[1];
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1)).withStackTrace();
            r.start();
            Thread t = new Thread(() -> {
                long end = System.nanoTime() + 800_000_000L;
                while (System.nanoTime() < end) {
                    sink[0] += FakeMachineFuncGroup.func_7(sink[0]);
                }
            }, CoreProfile.THREAD);
            t.start();
            t.join();
            r.stop();
            r.dump(jfr);
        }
        CoreProfile p = CoreProfile.summarize(jfr, CoreNames.forBuiltInCore(flagparity.reference.api.CoreVersion.V1_32_0, null), "fake", "none", "1.32.0", "cmd");
        assertTrue(p.totalSamples() > 0, "no samples of the profiled thread");
        assertTrue(p.coreSamples() > 0, "no samples in the fake core function");
        List<CoreProfile.Function> fns = p.functions();
        assertEquals(1, fns.size(), fns.toString());
        assertEquals(7, fns.get(0).index());
        assertEquals(p.coreSamples() + p.outside().stream().mapToLong(CoreProfile.Outside::samples).sum(),
                p.totalSamples(), "every sample is attributed once");
        CoreProfile back = roundTrip(p);
        assertEquals(p, back);
    }

    private CoreProfile roundTrip(CoreProfile p) throws Exception {
        Path f = dir.resolve("p.json");
        p.write(f);
        return CoreProfile.read(f);
    }

    /** Shaped like a Chicory-generated function group: a static {@code func_N} in a class named {@code ...Machine...}. */
    static final class FakeMachineFuncGroup {
        private FakeMachineFuncGroup() {}

        static long func_7(long x) {
            long h = x;
            for (int i = 0; i < 10_000; i++) {
                h = h * 31 + i;
            }
            return h & 1;
        }
    }
}

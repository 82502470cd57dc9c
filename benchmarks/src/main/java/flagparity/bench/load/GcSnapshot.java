package flagparity.bench.load;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM's collector counters at one moment: per {@link GarbageCollectorMXBean}, collections and
 * accumulated time, plus heap use. Two snapshots give what a run cost in GC.
 *
 * <p>What a bean's time means depends on the collector: for G1 ("G1 Young Generation", "G1 Old
 * Generation") it is the time of its stop-the-world pauses; for ZGC on JDK 17 "ZGC Pauses" counts
 * the pauses and "ZGC Cycles" the concurrent cycles, whose time is mostly spent beside the
 * application, not stopping it.
 */
public final class GcSnapshot {
    private final Map<String, long[]> countAndMillis;
    private final MemoryUsage heap;

    private GcSnapshot(Map<String, long[]> countAndMillis, MemoryUsage heap) {
        this.countAndMillis = countAndMillis;
        this.heap = heap;
    }

    public static GcSnapshot take() {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            m.put(b.getName(), new long[] {b.getCollectionCount(), b.getCollectionTime()});
        }
        return new GcSnapshot(Collections.unmodifiableMap(m), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage());
    }

    /** The collector's bean names, e.g. {@code [G1 Young Generation, G1 Old Generation]}. */
    public List<String> beanNames() {
        return new ArrayList<>(countAndMillis.keySet());
    }

    /** A short name of the active collector, from its beans: G1, ZGC, Shenandoah, Parallel, Serial, or the bean names. */
    public String collector() {
        String names = String.join(", ", countAndMillis.keySet());
        if (names.startsWith("G1 ")) return "G1";
        if (names.startsWith("ZGC")) return "ZGC";
        if (names.startsWith("Shenandoah")) return "Shenandoah";
        if (names.startsWith("PS ")) return "Parallel";
        if (names.startsWith("Copy")) return "Serial";
        return names;
    }

    public long collections(String bean) {
        return countAndMillis.get(bean)[0];
    }

    public long collectionMillis(String bean) {
        return countAndMillis.get(bean)[1];
    }

    public MemoryUsage heap() {
        return heap;
    }
}

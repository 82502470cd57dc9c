package flagparity.parity.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The memory figures of a long run, split so that growth of the process can be told apart: the JVM
 * heap after GC, committed and resident, metaspace, the JIT's code cache, direct and mapped buffers,
 * loaded classes, process RSS and the cores' linear memory.
 *
 * <p>RSS is also given without the Java heap's resident pages ({@link #rssOutsideHeapBytes()}): G1
 * grows the heap under a high allocation rate (every Chicory instance allocates its 6.4 MB linear
 * memory on the heap) and gives it back to the kernel later, in a background thread, after a GC has
 * shrunk it; so RSS taken right after a GC swings by hundreds of MB with nothing retained. What the heap
 * really holds is the heap after GC; everything else (native memory, metaspace, code) is RSS outside
 * the heap. Where the JVM runs with
 * {@code -XX:NativeMemoryTracking=summary}, also the committed size of each native-memory category
 * (what {@code jcmd <pid> VM.native_memory summary} prints). With
 * {@code -Dreliability.trimNativeHeap=true} each snapshot then asks glibc to hand free heap back to
 * the kernel ({@code jcmd <pid> System.trim_native_heap}) and records RSS once more: what that gives
 * back was freed memory that malloc kept, not memory anything still holds.
 */
record ProcessMemory(long evaluations, long heapAfterGcBytes, long heapCommittedBytes, long metaspaceUsedBytes,
        long metaspaceCommittedBytes, long codeCacheUsedBytes, long codeCacheCommittedBytes, long directBufferBytes,
        long mappedBufferBytes, int loadedClasses, long unloadedClasses, long rssBytes, long heapResidentBytes,
        long rssAfterTrimBytes, int wasmPages, Map<String, Long> nativeCommittedBytes) {

    private static final boolean TRIM = Boolean.getBoolean("reliability.trimNativeHeap");
    /** One category of {@code VM.native_memory summary}: {@code -  Java Heap (reserved=…KB, committed=…KB)}. */
    private static final Pattern NMT_CATEGORY = Pattern.compile(
            "(?m)^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)");
    private static final Pattern NMT_TOTAL = Pattern.compile("(?m)^Total: reserved=\\d+KB, committed=(\\d+)KB");
    /** The heap's reserved address range in {@code GC.heap_info}: {@code … used 18275K [0x…687400000, 0x…800000000)}. */
    /** A mapping's first line in /proc/self/smaps: {@code start-end perms offset dev inode [path]}. */
    private static final Pattern SMAPS_MAPPING = Pattern.compile("([0-9a-f]+)-([0-9a-f]+) ");
    private static final Pattern HEAP_RANGE = Pattern.compile("\\[0x([0-9a-f]+), 0x([0-9a-f]+)\\)");

    /** Takes the figures after a full GC (several, so that what is left is what is really held). */
    static ProcessMemory take(long evaluations, int wasmPages) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long metaUsed = 0;
        long metaCommitted = 0;
        long codeUsed = 0;
        long codeCommitted = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.NON_HEAP) {
                continue;
            }
            MemoryUsage u = pool.getUsage();
            // "Metaspace" (not "Compressed Class Space", which lies inside it); code cache: "CodeHeap '…'" or "Code Cache"
            if (pool.getName().equals("Metaspace")) {
                metaUsed += u.getUsed();
                metaCommitted += u.getCommitted();
            } else if (pool.getName().startsWith("CodeHeap") || pool.getName().equals("Code Cache")) {
                codeUsed += u.getUsed();
                codeCommitted += u.getCommitted();
            }
        }
        long direct = 0;
        long mapped = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                direct = pool.getMemoryUsed();
            } else if (pool.getName().equals("mapped")) {
                mapped = pool.getMemoryUsed();
            }
        }
        var classes = ManagementFactory.getClassLoadingMXBean();
        Map<String, Long> nmt = nativeMemory();
        long rss = rss();
        long heapResident = heapResident();
        long rssAfterTrim = -1;
        if (TRIM) {
            diagnosticCommand("systemTrimNativeHeap");
            rssAfterTrim = rss();
        }
        return new ProcessMemory(evaluations, heap.getUsed(), heap.getCommitted(), metaUsed, metaCommitted, codeUsed,
                codeCommitted, direct, mapped, classes.getLoadedClassCount(), classes.getUnloadedClassCount(), rss,
                heapResident, rssAfterTrim, wasmPages, nmt);
    }

    /** VmRSS of this process, from /proc/self/status (Linux), or -1 where there is none. */
    static long rss() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return -1;
    }

    /** RSS without the Java heap's resident pages; -1 where either is unknown. */
    long rssOutsideHeapBytes() {
        return rssBytes < 0 || heapResidentBytes < 0 ? -1 : rssBytes - heapResidentBytes;
    }

    /**
     * The resident bytes of the Java heap's reservation: the Rss of the mappings of /proc/self/smaps
     * inside the address range {@code GC.heap_info} gives; -1 where either is unavailable.
     */
    private static long heapResident() {
        String info = diagnosticCommand("gcHeapInfo");
        Path smaps = Path.of("/proc/self/smaps");
        Matcher range = info == null ? null : HEAP_RANGE.matcher(info);
        if (range == null || !range.find() || !Files.isReadable(smaps)) {
            return -1;
        }
        long low = Long.parseUnsignedLong(range.group(1), 16);
        long high = Long.parseUnsignedLong(range.group(2), 16);
        long resident = 0;
        boolean inHeap = false;
        try {
            for (String line : Files.readAllLines(smaps)) {
                Matcher mapping = SMAPS_MAPPING.matcher(line);
                if (mapping.lookingAt()) {
                    inHeap = Long.parseUnsignedLong(mapping.group(1), 16) >= low
                            && Long.parseUnsignedLong(mapping.group(2), 16) <= high;
                } else if (inHeap && line.startsWith("Rss:")) {
                    resident += Long.parseLong(line.substring(4).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resident;
    }

    /** Committed bytes per native-memory category and in total; empty unless native memory tracking is on. */
    private static Map<String, Long> nativeMemory() {
        Map<String, Long> out = new LinkedHashMap<>();
        String summary = diagnosticCommand("vmNativeMemory", "summary");
        if (summary == null) {
            return out;
        }
        Matcher total = NMT_TOTAL.matcher(summary);
        if (total.find()) {
            out.put("Total", Long.parseLong(total.group(1)) * 1024);
        }
        Matcher m = NMT_CATEGORY.matcher(summary);
        while (m.find()) {
            out.put(m.group(1).trim(), Long.parseLong(m.group(2)) * 1024);
        }
        return out;
    }

    /** Runs a jcmd diagnostic command in this JVM; null where the JVM has no such command. */
    private static String diagnosticCommand(String operation, String... args) {
        try {
            Object r = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                    new Object[] {args}, new String[] {String[].class.getName()});
            return r == null ? null : r.toString();
        } catch (JMException e) {
            return null;
        }
    }

    String json() {
        StringBuilder nmt = new StringBuilder("{");
        nativeCommittedBytes.forEach((k, v) -> nmt.append(nmt.length() > 1 ? "," : "").append('"').append(k)
                .append("\":").append(v));
        return String.format("{\"evaluations\":%d,\"heapAfterGcBytes\":%d,\"heapCommittedBytes\":%d,"
                + "\"metaspaceUsedBytes\":%d,\"metaspaceCommittedBytes\":%d,\"codeCacheUsedBytes\":%d,"
                + "\"codeCacheCommittedBytes\":%d,\"directBufferBytes\":%d,\"mappedBufferBytes\":%d,"
                + "\"loadedClasses\":%d,\"unloadedClasses\":%d,\"rssBytes\":%d,\"heapResidentBytes\":%d,"
                + "\"rssOutsideHeapBytes\":%d,\"rssAfterTrimBytes\":%d,"
                + "\"wasmPages\":%d,\"nativeCommittedBytes\":%s}",
                evaluations, heapAfterGcBytes, heapCommittedBytes, metaspaceUsedBytes, metaspaceCommittedBytes,
                codeCacheUsedBytes, codeCacheCommittedBytes, directBufferBytes, mappedBufferBytes, loadedClasses,
                unloadedClasses, rssBytes, heapResidentBytes, rssOutsideHeapBytes(), rssAfterTrimBytes, wasmPages,
                nmt.append('}'));
    }

    @Override
    public String toString() {
        return String.format("%,d: heap after GC %.1f MB (committed %.1f), metaspace %.1f MB (committed %.1f),"
                + " code cache %.1f MB (committed %.1f), direct %.1f MB, mapped %.1f MB, classes %d (unloaded %d),"
                + " RSS %.1f MB (outside the heap %.1f)%s, linear memory %d pages%s", evaluations, heapAfterGcBytes / 1e6,
                heapCommittedBytes / 1e6, metaspaceUsedBytes / 1e6, metaspaceCommittedBytes / 1e6,
                codeCacheUsedBytes / 1e6, codeCacheCommittedBytes / 1e6, directBufferBytes / 1e6,
                mappedBufferBytes / 1e6, loadedClasses, unloadedClasses, rssBytes / 1e6, rssOutsideHeapBytes() / 1e6,
                rssAfterTrimBytes < 0 ? "" : String.format(" (after trimming the native heap %.1f)", rssAfterTrimBytes / 1e6),
                wasmPages, nativeCommittedBytes.isEmpty() ? "" : ", native committed " + megabytes(nativeCommittedBytes));
    }

    private static String megabytes(Map<String, Long> bytes) {
        StringBuilder sb = new StringBuilder("{");
        bytes.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append('=')
                .append(String.format("%.1f", v / 1e6)));
        return sb.append('}').toString();
    }
}

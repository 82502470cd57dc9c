package flagparity.parity.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The memory figures of a long run: JVM heap after GC, process RSS, and the cores' linear memory. */
record ProcessMemory(long evaluations, long heapAfterGcBytes, long rssBytes, int wasmPages) {

    /** Takes the figures after a full GC (several, so that what is left is what is really held). */
    static ProcessMemory take(long evaluations, int wasmPages) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new ProcessMemory(evaluations, heap, rss(), wasmPages);
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

    String json() {
        return String.format("{\"evaluations\":%d,\"heapAfterGcBytes\":%d,\"rssBytes\":%d,\"wasmPages\":%d}",
                evaluations, heapAfterGcBytes, rssBytes, wasmPages);
    }

    @Override
    public String toString() {
        return String.format("%,d evaluations: heap after GC %.1f MB, RSS %.1f MB, linear memory %d pages", evaluations,
                heapAfterGcBytes / 1e6, rssBytes / 1e6, wasmPages);
    }
}

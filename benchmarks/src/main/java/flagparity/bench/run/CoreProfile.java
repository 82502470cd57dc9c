package flagparity.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a compiled-Chicory lookup spends its time, from JFR execution samples of one thread: each
 * sample goes to the innermost core function on its stack (Chicory's compilers emit core function N as
 * a static method {@code func_N}; JFR keeps inlined frames), split into time in the function's own
 * code and time in what it called outside the core (Chicory's runtime helpers such as memory access,
 * the host imports, JDK intrinsics). Samples with no core function on the stack are outside the core
 * and go to the innermost flagparity method (the adapter, the codec, the benchmark loop).
 *
 * @param totalSamples samples of the profiled thread
 * @param functions core functions, most samples first
 * @param outside samples outside the core by innermost flagparity method, most first
 */
public record CoreProfile(String engine, String codec, String core, String namesSource, long totalSamples, List<Function> functions,
        List<Outside> outside, String command) {

    static final String THREAD = "flagparity-profile";
    private static final Pattern CORE_METHOD = Pattern.compile("func_(\\d+)");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Samples whose innermost core function is {@code index}: in its own code, and below it outside the core. */
    public record Function(int index, String name, long self, long below) {
        public long total() {
            return self + below;
        }

        /**
         * The AssemblyScript source file the function comes from, e.g. {@code ~lib/rt/itcms} (the
         * core's collector) for {@code ~lib/rt/itcms/__new}: the name without binaryen's
         * {@code ...$} and the {@code export:} prefixes, cut before generic arguments, up to its last {@code /}.
         */
        public String source() {
            String s = name.substring(name.lastIndexOf('$') + 1);
            if (s.startsWith("export:")) {
                s = s.substring("export:".length());
            }
            int generic = s.indexOf('<');
            if (generic >= 0) {
                s = s.substring(0, generic);
            }
            int slash = s.lastIndexOf('/');
            return slash > 0 ? s.substring(0, slash) : "(no source path)";
        }
    }

    public record Outside(String method, long samples) {}

    public long coreSamples() {
        return functions.stream().mapToLong(Function::total).sum();
    }

    /** Samples by source path ({@link Function#source()}), most first. */
    public Map<String, Long> bySource() {
        return functions.stream().collect(Collectors.groupingBy(Function::source, Collectors.summingLong(Function::total)))
                .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, LinkedHashMap::new));
    }

    /** Sums the execution samples of thread {@value #THREAD} in {@code jfr}. */
    static CoreProfile summarize(Path jfr, CoreNames names, String engine, String codec, String coreVersion, String command)
            throws IOException {
        Map<Integer, long[]> core = new HashMap<>();
        Map<String, Long> outside = new HashMap<>();
        long total = 0;
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!"jdk.ExecutionSample".equals(e.getEventType().getName()) || !onProfiledThread(e)) {
                    continue;
                }
                RecordedStackTrace stack = e.getStackTrace();
                if (stack == null) {
                    continue;
                }
                total++;
                attribute(stack.getFrames(), core, outside);
            }
        }
        List<Function> functions = new ArrayList<>();
        core.forEach((i, c) -> functions.add(new Function(i, names.name(i), c[0], c[1])));
        functions.sort(Comparator.comparingLong(Function::total).reversed().thenComparingInt(Function::index));
        List<Outside> out = new ArrayList<>();
        outside.forEach((m, n) -> out.add(new Outside(m, n)));
        out.sort(Comparator.comparingLong(Outside::samples).reversed().thenComparing(Outside::method));
        return new CoreProfile(engine, codec, coreVersion, names.source(), total, List.copyOf(functions), List.copyOf(out), command);
    }

    private static boolean onProfiledThread(RecordedEvent e) {
        RecordedThread t = e.getThread("sampledThread");
        return t != null && THREAD.equals(t.getJavaName());
    }

    /** Frames are innermost first. */
    static void attribute(List<RecordedFrame> frames, Map<Integer, long[]> core, Map<String, Long> outside) {
        for (int depth = 0; depth < frames.size(); depth++) {
            int index = coreFunction(frames.get(depth));
            if (index >= 0) {
                core.computeIfAbsent(index, k -> new long[2])[depth == 0 ? 0 : 1]++;
                return;
            }
        }
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("flagparity.")) {
                outside.merge(simpleName(type) + "." + f.getMethod().getName(), 1L, Long::sum);
                return;
            }
        }
        outside.merge("(no flagparity frame)", 1L, Long::sum);
    }

    /** The function index of a frame in Chicory-compiled core code, or -1. */
    static int coreFunction(RecordedFrame f) {
        if (!f.isJavaFrame() || !f.getMethod().getType().getName().contains("Machine")) {
            return -1;
        }
        Matcher m = CORE_METHOD.matcher(f.getMethod().getName());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    void write(Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), this);
    }

    public static CoreProfile read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), CoreProfile.class);
    }
}

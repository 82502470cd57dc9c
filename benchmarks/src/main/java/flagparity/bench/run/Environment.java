package flagparity.bench.run;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * {@code env.txt}: what the numbers of a run were taken on: the JVM and its flags, the CPU, cores and
 * memory, the OS, the version of every engine and library measured, the cores' SHA-256, the project's
 * commit, and the load average. No machine paths: the page quotes it.
 */
final class Environment {
    private Environment() {}

    static String describe(String command, String timing) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("date", Instant.now().toString());
        m.put("command", command);
        m.put("settings", timing);
        String head = exec("git", "rev-parse", "HEAD");
        String status = exec("git", "status", "--porcelain", "--untracked-files=no");
        m.put("project commit", head == null ? "unknown (not run from a git checkout)"
                : head + (status == null || status.isEmpty() ? "" : " (with uncommitted changes)"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vm.vendor") + ")");
        m.put("jvm flags (report process)", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        m.put("jvm flags (JMH forks)", "each row's jvmArgs in jmh/*.json: the report process's flags, plus -Xms1g -Xmx1g");
        m.put("jvm flags (latency, profile)", "in each command of steps.json");
        m.put("cpu", field("/proc/cpuinfo", "model name", ":"));
        m.put("cores (available processors)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("memory", field("/proc/meminfo", "MemTotal", ":"));
        m.put("os", field("/etc/os-release", "PRETTY_NAME", "=").replace("\"", "") + "; " + System.getProperty("os.name")
                + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("load average (1, 5, 15 min)", String.join(", ", lines("/proc/loadavg").stream().findFirst()
                .map(l -> List.of(l.split(" ")).subList(0, 3)).orElse(List.of("unknown"))));
        m.put("chicory", property("/META-INF/maven/com.dylibso.chicory/runtime/pom.properties", "version"));
        m.put("wasmtime-java", property("/wasmtime-java-meta.properties", "jnilib.version"));
        m.put("devcycle java-server-sdk", com.devcycle.sdk.server.common.model.PlatformData.builder().build().getSdkVersion());
        m.put("protobuf-java", property("/META-INF/maven/com.google.protobuf/protobuf-java/pom.properties", "version"));
        m.put("jmh", property("/META-INF/maven/org.openjdk.jmh/jmh-core/pom.properties", "version"));
        m.put("HdrHistogram", property("/META-INF/maven/org.hdrhistogram/HdrHistogram/pom.properties", "version"));
        m.put("cores", java.util.Arrays.stream(flagparity.reference.api.CoreVersion.values())
                .map(v -> v.id() + " (wasm sha256 " + v.wasmSha256() + ")").collect(java.util.stream.Collectors.joining(", ")));
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
        return b.toString();
    }

    private static String property(String resource, String key) {
        try (InputStream in = Environment.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown (no " + resource + " on the classpath)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key, "unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The value after {@code separator} on the first line of {@code file} starting with {@code key}. */
    private static String field(String file, String key, String separator) {
        return lines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                .map(l -> l.substring(l.indexOf(separator) + 1).strip()).orElse("unknown");
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String exec(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

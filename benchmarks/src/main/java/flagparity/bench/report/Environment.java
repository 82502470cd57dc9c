package flagparity.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * {@code env.txt}: what the numbers of a run were taken on: the JVM and its flags, the CPU, cores and
 * memory, the OS, the version of every engine and library measured, the core's SHA-256, the project's
 * commit, and the load average.
 */
final class Environment {
    private Environment() {}

    static String describe(String command, String timing) {
        StringBuilder b = new StringBuilder();
        line(b, "date", Instant.now().toString());
        line(b, "command", command);
        line(b, "settings", timing);
        line(b, "project commit", git());
        line(b, "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + "), " + System.getProperty("java.home"));
        line(b, "classpath (report process)", System.getProperty("java.class.path"));
        line(b, "jvm flags (report process)", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        line(b, "jvm flags (JMH forks)", "each row's jvmArgs in jmh/*.json: JMH passes the report process's flags on,"
                + " and the benchmarks add -Xms1g -Xmx1g");
        line(b, "jvm flags (latency, profile)", "in each command of steps.json");
        line(b, "cpu", cpuModel());
        line(b, "cores (available processors)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        line(b, "memory", memTotal());
        line(b, "os", osRelease() + "; " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"));
        line(b, "load average (1, 5, 15 min)", loadAverages());
        line(b, "chicory", pomVersion("com.dylibso.chicory", "runtime"));
        line(b, "wasmtime-java", resourceProperty("/wasmtime-java-meta.properties", "jnilib.version"));
        line(b, "devcycle java-server-sdk", devCycleSdkVersion());
        line(b, "protobuf-java", protobufVersion());
        line(b, "jmh", pomVersion("org.openjdk.jmh", "jmh-core"));
        line(b, "HdrHistogram", pomVersion("org.hdrhistogram", "HdrHistogram"));
        line(b, "jackson-databind", pomVersion("com.fasterxml.jackson.core", "jackson-databind"));
        line(b, "core", coreDigest());
        return b.toString();
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(key).append(": ").append(value).append('\n');
    }

    static String coreDigest() {
        byte[] wasm = CoreNames.builtInCore();
        try {
            return CoreNames.BUILT_IN_CORE.substring(1) + ", " + wasm.length + " bytes, sha256 "
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wasm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pomVersion(String group, String artifact) {
        return resourceProperty("/META-INF/maven/" + group + "/" + artifact + "/pom.properties", "version");
    }

    private static String resourceProperty(String resource, String key) {
        try (InputStream in = Environment.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown (no " + resource + " on the classpath)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key, "unknown (no " + key + " in " + resource + ")");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The version the SDK reports to DevCycle: its own platform data's {@code sdkVersion}. */
    private static String devCycleSdkVersion() {
        return com.devcycle.sdk.server.common.model.PlatformData.builder().build().getSdkVersion();
    }

    /** Read reflectively: the constants would otherwise be those compiled against, not those running. */
    private static String protobufVersion() {
        try {
            Class<?> v = Class.forName("com.google.protobuf.RuntimeVersion");
            return v.getField("MAJOR").getInt(null) + "." + v.getField("MINOR").getInt(null) + "."
                    + v.getField("PATCH").getInt(null);
        } catch (ReflectiveOperationException e) {
            return "unknown (" + e + ")";
        }
    }

    private static String cpuModel() {
        for (String l : lines("/proc/cpuinfo")) {
            if (l.startsWith("model name")) {
                return l.substring(l.indexOf(':') + 1).strip();
            }
        }
        return "unknown";
    }

    private static String memTotal() {
        for (String l : lines("/proc/meminfo")) {
            if (l.startsWith("MemTotal:")) {
                return l.substring(l.indexOf(':') + 1).strip();
            }
        }
        return "unknown";
    }

    private static String osRelease() {
        for (String l : lines("/etc/os-release")) {
            if (l.startsWith("PRETTY_NAME=")) {
                return l.substring("PRETTY_NAME=".length()).replace("\"", "");
            }
        }
        return "unknown";
    }

    static String loadAverages() {
        List<String> l = lines("/proc/loadavg");
        if (l.isEmpty()) {
            return "unknown";
        }
        String[] f = l.get(0).split(" ");
        return f.length >= 3 ? f[0] + ", " + f[1] + ", " + f[2] : l.get(0);
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** {@code git describe}-like: the commit, and whether the work tree had changes; "unknown" outside a checkout. */
    private static String git() {
        String head = exec("git", "rev-parse", "HEAD");
        if (head == null) {
            return "unknown (not run from a git checkout)";
        }
        String status = exec("git", "status", "--porcelain", "--untracked-files=no");
        return head + (status == null || status.isEmpty() ? "" : " (with uncommitted changes)");
    }

    private static String exec(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

package flagparity.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flagparity.reference.api.Availability;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EngineDescriptor;
import flagparity.reference.api.EngineKind;
import flagparity.reference.api.EngineSettings;
import flagparity.reference.api.Engines;
import flagparity.reference.api.Evaluator;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EnginesCommandTest {

    @Test
    void printsEveryRegisteredEngineOneALineNameFirst() {
        CommandLine cmd = Main.commandLine(new ByteArrayInputStream(new byte[0]));
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        assertEquals(0, cmd.execute("engines"));
        List<String> lines = out.toString().lines().collect(Collectors.toList());
        assertEquals(List.of("reference", "chicory-aot", "chicory-compiler", "chicory-interpreter", "graalwasm",
                "wasmtime", "devcycle-sdk"), lines.stream().map(l -> l.split(" ")[0]).collect(Collectors.toList()));
        assertEquals(Engines.ids(), lines.stream().map(l -> l.split(" ")[0]).collect(Collectors.toList()));
        assertTrue(lines.contains("chicory-aot kind=core codecs=safe,json,json-preallocated,protobuf,protobuf-preallocated"
                + " concurrency=mutex,pool cores=1.32.0,1.42.8 fixed=1.32.0-d7fix,1.42.8-d7fix compiled=yes colour=#1F77B4"),
                lines.toString());
        assertTrue(lines.contains("reference kind=reference codecs=- concurrency=- cores=1.32.0,1.42.8"
                + " fixed=1.32.0-d7fix,1.42.8-d7fix compiled=no colour=#2CA02C"), lines.toString());
        // DevCycle's SDK embeds its own build only
        assertTrue(lines.contains("devcycle-sdk kind=peer codecs=- concurrency=- cores=1.32.0 fixed=- compiled=yes"
                + " colour=#D62728"), lines.toString());
        // only graalwasm may be unavailable (JDK 17: its module is not built), and then it says why
        boolean jdk21 = Runtime.version().feature() >= 21;
        assertTrue(lines.stream().filter(l -> l.contains("unavailable")).allMatch(l -> l.startsWith("graalwasm ")
                && (jdk21 || l.endsWith("unavailable: needs JDK 21 or newer (running " + Runtime.version() + ")"))),
                lines.toString());
    }

    @Test
    void anEngineThisJvmCannotRunSaysWhy() {
        EngineDescriptor later = new EngineDescriptor() {
            @Override public String id() { return "later"; }
            @Override public EngineKind kind() { return EngineKind.CORE; }
            @Override public List<String> codecs() { return List.of("json"); }
            @Override public List<String> concurrencies() { return List.of("mutex"); }
            @Override public List<CoreVersion> coreVersions() { return List.of(CoreVersion.V1_32_0); }
            @Override public boolean compiled() { return true; }
            @Override public String colour() { return "#000000"; }
            @Override public Availability availability() { return Availability.unavailable("needs JDK 99"); }
            @Override public Evaluator create(EngineSettings s) { throw new AssertionError("not available"); }
        };
        assertEquals("later kind=core codecs=json concurrency=mutex cores=1.32.0 fixed=- compiled=yes colour=#000000"
                + " unavailable: needs JDK 99", EnginesCommand.line(later));
    }
}

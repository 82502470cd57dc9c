package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Java classes of the protobuf ABI are generated from 1.42.8's proto only: that is right for 1.32.0
 * too because 1.42.8's proto holds every line of 1.32.0's (the one in DevCycle's Java SDK 2.6.0 jar,
 * which the build extracts), in the same order; it only adds fields.
 */
class ProtoSchemaTest {

    @Test
    void newestProtoExtendsTheOldOne() throws Exception {
        List<String> old = significantLines(Path.of("target/core/variableForUserParams.proto"));
        List<String> newest = significantLines(Path.of("src/main/cores/1.42.8/variableForUserParams.proto"));
        int at = 0;
        for (String line : old) {
            int found = newest.subList(at, newest.size()).indexOf(line);
            assertTrue(found >= 0, "1.42.8's proto lacks, at or after its line " + at + ": " + line);
            at += found + 1;
        }
        assertTrue(newest.contains("NullableString _feature = 8;") && newest.contains("EvalReason_PB eval = 9;"),
                newest.toString());
    }

    /** Trimmed, non-empty lines, without the Java options only the SDK's copy has. */
    private static List<String> significantLines(Path proto) throws Exception {
        return Files.readAllLines(proto).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("option java_"))
                .collect(Collectors.toList());
    }
}

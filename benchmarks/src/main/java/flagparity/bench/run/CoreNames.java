package flagparity.bench.run;

import flagparity.reference.api.CoreVersion;
import flagparity.wasm.engine.CoreBuild;
import flagparity.wasm.engine.FunctionNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the core's functions by function index (imports first, as Wasm counts them), which is
 * how Chicory's compilers name the generated methods ({@code func_N}).
 *
 * <p>The cores DevCycle ships have no "name" custom section, so by default only exported functions
 * have names. A text form of the same module ({@code .wat}, e.g. {@code build/bucketing-lib.release.wat}
 * in npm's {@code @devcycle/bucketing-assembly-script}) names every function; it is checked against
 * the module's exports before it is used, so a {@code .wat} of another build is refused.
 *
 * @param source where the names came from, for the report
 */
record CoreNames(Map<Integer, String> names, String source) {

    private static final Pattern WAT_IMPORT = Pattern.compile("^\\s*\\(import \"[^\"]*\" \"[^\"]*\" \\(func \\$(\\S+?)[\\s)]");
    private static final Pattern WAT_FUNC = Pattern.compile("^\\s*\\(func \\$(\\S+?)(?:[\\s)]|$)");
    private static final Pattern WAT_EXPORT = Pattern.compile("^\\s*\\(export \"([^\"]*)\" \\(func \\$(\\S+?)\\)\\)");

    CoreNames {
        names = Map.copyOf(names);
    }

    /**
     * Names for the built-in core of {@code version}: from {@code wat} when given, else its exports only.
     *
     * @throws IllegalArgumentException when {@code wat} does not describe this module
     */
    static CoreNames forBuiltInCore(CoreVersion version, Path wat) {
        Map<String, Integer> exports = FunctionNames.exports(CoreBuild.of(version).wasm());
        if (wat != null) {
            try {
                return new CoreNames(fromWat(Files.readAllLines(wat, StandardCharsets.UTF_8), exports),
                        wat.getFileName().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + wat, e);
            }
        }
        Map<Integer, String> byIndex = new HashMap<>();
        exports.forEach((name, index) -> byIndex.putIfAbsent(index, "export:" + name));
        return new CoreNames(byIndex, "the module's exports only (no name section; pass a .wat to name the rest)");
    }

    /**
     * Function names from a {@code .wat}: imported functions in order, then defined ones. Every
     * export of the text must name the function the binary exports under that name.
     */
    static Map<Integer, String> fromWat(List<String> lines, Map<String, Integer> binaryExports) {
        List<String> imported = new ArrayList<>();
        List<String> defined = new ArrayList<>();
        Map<String, String> textExports = new HashMap<>();
        for (String line : lines) {
            Matcher m = WAT_IMPORT.matcher(line);
            if (m.find()) {
                imported.add(m.group(1));
                continue;
            }
            m = WAT_FUNC.matcher(line);
            if (m.find()) {
                defined.add(m.group(1));
                continue;
            }
            m = WAT_EXPORT.matcher(line);
            if (m.find()) {
                textExports.put(m.group(1), m.group(2));
            }
        }
        Map<Integer, String> names = new HashMap<>();
        imported.addAll(defined);
        for (int i = 0; i < imported.size(); i++) {
            names.put(i, imported.get(i));
        }
        if (textExports.isEmpty() || !textExports.keySet().equals(binaryExports.keySet())) {
            throw new IllegalArgumentException("the .wat does not export the functions the core exports");
        }
        for (Map.Entry<String, Integer> e : binaryExports.entrySet()) {
            if (!textExports.get(e.getKey()).equals(names.get(e.getValue()))) {
                throw new IllegalArgumentException("the .wat is not this core: export \"" + e.getKey()
                        + "\" is function " + e.getValue() + " in the binary, named " + names.get(e.getValue())
                        + " in the text, which exports " + textExports.get(e.getKey()));
            }
        }
        return names;
    }

    /** The function's name, or {@code func[N]} when none is known. */
    String name(int index) {
        String n = names.get(index);
        return n != null ? n : "func[" + index + "]";
    }
}

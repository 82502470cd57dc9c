package flagparity.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flagparity.wasm.engine.FunctionNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreNamesTest {
    private static final List<String> WAT = List.of(
            "(module",
            " (type $i32_=>_i32 (func (param i32) (result i32)))",
            " (import \"env\" \"abort\" (func $~lib/builtins/abort (param i32 i32 i32 i32)))",
            " (import \"env\" \"Date.now\" (func $~lib/bindings/dom/Date.now (result f64)))",
            " (export \"__new\" (func $~lib/rt/itcms/__new))",
            " (export \"variableForUser\" (func $export:assembly/index/variableForUser))",
            " (func $~lib/rt/itcms/visitRoots",
            "  (local $0 i32)",
            " )",
            " (func $~lib/rt/itcms/__new (param $0 i32) (result i32)",
            " )",
            " (func $export:assembly/index/variableForUser (param $0 i32) (result i32)",
            " )",
            ")");

    @Test
    void watNamesImportsFirstThenDefinedFunctions() {
        Map<Integer, String> names = CoreNames.fromWat(WAT, Map.of("__new", 3, "variableForUser", 4));
        assertEquals("~lib/builtins/abort", names.get(0));
        assertEquals("~lib/bindings/dom/Date.now", names.get(1));
        assertEquals("~lib/rt/itcms/visitRoots", names.get(2));
        assertEquals("~lib/rt/itcms/__new", names.get(3));
        assertEquals("export:assembly/index/variableForUser", names.get(4));
        assertEquals(5, names.size());
    }

    @Test
    void watOfAnotherModuleIsRefused() {
        // the binary exports __new as function 2: this text is not that module
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoreNames.fromWat(WAT, Map.of("__new", 2, "variableForUser", 4)));
        assertTrue(e.getMessage().contains("__new"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CoreNames.fromWat(WAT, Map.of("__new", 3)));
    }

    @Test
    void builtInCoreWithoutNamesFileNamesItsExports() {
        Map<String, Integer> exports = FunctionNames.exports(flagparity.wasm.engine.CoreBuild.of(flagparity.reference.api.CoreVersion.V1_32_0).wasm());
        CoreNames names = CoreNames.forBuiltInCore(flagparity.reference.api.CoreVersion.V1_32_0, null);
        int pb = exports.get("variableForUser_PB");
        assertEquals("export:variableForUser_PB", names.name(pb));
        assertEquals("func[0]", names.name(0), "the first import is not exported, so it has no name");
        assertTrue(names.source().contains("exports only"), names.source());
    }
}

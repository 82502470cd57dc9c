package flagparity.wasm.engine;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.NameCustomSection;
import java.util.HashMap;
import java.util.Map;

/**
 * What a Wasm binary says about its functions, by function index (imports first, as Wasm counts
 * them): the exported ones and those its "name" custom section names. Here so that code outside
 * the adapters' runtime layer reads a module without a Wasm runtime's API.
 */
public final class FunctionNames {
    private FunctionNames() {}

    /** The binary's exported functions: export name to function index. */
    public static Map<String, Integer> exports(byte[] wasm) {
        WasmModule module = Parser.parse(wasm);
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export e = module.exportSection().getExport(i);
            if (e.exportType() == ExternalType.FUNCTION) {
                out.put(e.name(), e.index());
            }
        }
        return out;
    }

    /** The names its "name" section gives functions, by index; empty when it has none. */
    public static Map<Integer, String> fromNameSection(byte[] wasm) {
        NameCustomSection s = Parser.parse(wasm).nameSection();
        Map<Integer, String> names = new HashMap<>();
        if (s == null) {
            return names;
        }
        // the section lists names sparsely by index; probe up to a bound well past any real count
        for (int i = 0, found = 0; found < s.functionNameCount() && i < 1_000_000; i++) {
            String n = s.nameOfFunction(i);
            if (n != null) {
                names.put(i, n);
                found++;
            }
        }
        return names;
    }
}

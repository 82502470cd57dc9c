package flagparity.wasm.engine;

import flagparity.reference.api.User;
import flagparity.reference.api.VariableType;
import flagparity.wasm.Codec;
import flagparity.wasm.Engine;
import flagparity.wasm.WasmEvaluator;
import java.nio.file.Files;
import java.nio.file.Path;

public class GraalWasmProbe {
    public static void main(String[] a) throws Exception {
        String cfg = Files.readString(Path.of(a[0]));
        User u = User.builder("12345").email("some.user@gmail.com").build();
        for (Codec c : Codec.values()) {
            long t0 = System.nanoTime();
            try (WasmEvaluator e = WasmEvaluator.builder().engine(Engine.GRAALWASM).codec(c).build();
                 WasmEvaluator ref = WasmEvaluator.builder().engine(Engine.CHICORY_AOT).codec(c).build()) {
                e.setConfig(cfg);
                ref.setConfig(cfg);
                System.out.println(c + " setConfig " + (System.nanoTime() - t0) / 1e6 + " ms");
                System.out.println(e.variable(u, a[1], VariableType.Boolean) + " vs " + ref.variable(u, a[1], VariableType.Boolean));
                for (int r = 0; r < Integer.parseInt(a[2]); r++) {
                    t0 = System.nanoTime();
                    int n = 0;
                    while (System.nanoTime() - t0 < 2_000_000_000L) { e.variable(u, a[1], VariableType.Boolean); n++; }
                    System.out.printf("%s round %d: %.1f us%n", c, r, (System.nanoTime() - t0) / 1e3 / n);
                }
            }
        }
    }
}

package flagparity.bench.jmh;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * How a Wasm engine is driven for one caller: codec, and one instance behind a mutex (what DevCycle's
 * Java SDK does). The reference and the SDK peer run only with these defaults ({@link Combinations}).
 */
@State(Scope.Benchmark)
public class WasmSetting {
    @Param({Combinations.CODEC})
    public String codec;

    @Param({Combinations.CONCURRENCY})
    public String concurrency;
}

package flagparity.wasm.engine;

import org.junit.jupiter.api.Test;

/** wasm-adapters' never-ending core loop, on GraalWasm: stopped at its deadline by a cancelled context. */
class GraalWasmDeadlineTest {
    @Test
    void aCoreLoopingForEverIsStoppedAtTheCallsDeadline() {
        new CallDeadlineTest().aCoreLoopingForEverIsStoppedAtTheCallsDeadline(Engine.GRAALWASM);
    }
}

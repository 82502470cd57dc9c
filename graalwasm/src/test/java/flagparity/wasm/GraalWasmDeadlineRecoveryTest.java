package flagparity.wasm;

import flagparity.wasm.engine.Engine;
import org.junit.jupiter.api.Test;

/** wasm-adapters' calls past their deadline through the evaluator, on GraalWasm. */
class GraalWasmDeadlineRecoveryTest {
    private final DeadlineRecoveryTest recovery = new DeadlineRecoveryTest();

    @Test
    void aLookupPastItsDeadlineCostsItsInstanceOnly() {
        recovery.aLookupPastItsDeadlineCostsItsInstanceOnly(Engine.GRAALWASM);
    }

    @Test
    void aConfigLoadPastItsDeadlineLeavesTheConfigInService() {
        recovery.aConfigLoadPastItsDeadlineLeavesTheConfigInService(Engine.GRAALWASM);
    }
}

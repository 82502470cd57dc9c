package flagparity.reference.api;

/** An evaluator running a Wasm core whose own garbage collector can be driven from outside. */
public interface CoreGarbageCollection {

    /** Runs a full collection on every instance not busy with a lookup; returns how many ran one. */
    int collectCoreGarbage();

    /** Full collections run so far, those run by {@link EngineSettings#collectEvery()} included. */
    long coreCollections();
}

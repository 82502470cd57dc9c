package flagparity.reference.api;

/** What an engine is, as the report groups engines. */
public enum EngineKind {
    /** flagparity's pure-Java evaluator with the core's semantics. */
    REFERENCE("reference"),
    /** DevCycle's Wasm core running on a Wasm runtime. */
    CORE("core"),
    /** Another product answering the same questions, measured beside the others (DevCycle's own SDK). */
    PEER("peer");

    private final String id;

    EngineKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}

package flagparity.reference.internal;

/**
 * How deep the core can recurse before its shadow stack overflows. AssemblyScript keeps managed
 * locals on a 32 KiB shadow stack and checks it in every function prologue; when it runs out the
 * core calls {@code abort} at 1:1 (its "stack overflow" text never made it into the module), which
 * the engines report as an abort. The same input then fails in every SDK that embeds the core, so
 * the reference rejects it at the same depth.
 *
 * <p>Measured on core 1.32.0 (V8 via the package's wasm, and wasmtime through the adapters, which
 * agree): binary searches over the nesting depth of each shape, each try on a fresh instance. The
 * shadow stack also holds the garbage collector's frames when an allocation triggers a step, and
 * some steps (a map growing, a string with escapes) take more than others, so one level short of a
 * limit the core sometimes gives out first; the limits here are the ones plain shapes reach. Chicory
 * can run out of JVM stack before the core's check fires (a trap, not an abort), so on Chicory the
 * core may give up sooner still.
 */
public final class CoreStack {
    private CoreStack() {}

    /**
     * The deepest level at which the core's JSON parser starts a value when entered from
     * {@code setConfigDataUTF8} or {@code variableForUser} (the root value is level 1; a member of
     * an object may start one level less deep). Each level costs the parser 20 bytes, whatever
     * the container: {@code [[…]]} 1,631 deep parses and 1,632 deep aborts, as does 1,631 deep
     * under the root object of a config or user; {@code {"a":{"a":…1}}} parses with 1,629 objects
     * and aborts with 1,630. Of 600 random shapes (arrays and objects mixed, with siblings) nested
     * 1,622 to 1,633 deep in configs, users and client custom data, this rule and the core agreed
     * on 589; on the other 11 a value sat exactly at the limit and the core had given out already.
     * {@code generateBucketedConfigForUser} enters one level deeper (its user may nest 1,630), which
     * the reference does not model: it parses a user once for every use.
     */
    public static final int PARSE_DEPTH = 1631;

    /** As {@link #PARSE_DEPTH}, for {@code setClientCustomDataUTF8}, which enters the parser one level shallower. */
    public static final int CLIENT_CUSTOM_DATA_PARSE_DEPTH = PARSE_DEPTH + 1;
}

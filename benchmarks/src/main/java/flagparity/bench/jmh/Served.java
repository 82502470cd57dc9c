package flagparity.bench.jmh;

import flagparity.reference.api.Evaluator;
import flagparity.reference.api.User;
import flagparity.reference.api.VariableType;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One engine loaded with a workload that really serves the key ({@link Lookup}), opened by the
 * benchmark's own setup from its params; after every iteration the run is refused if the SDK peer
 * served defaults or a core instance was rebuilt, and the engine is closed after the trial.
 * Scope.Benchmark: the calling threads of a multi-threaded benchmark share one evaluator.
 */
@State(Scope.Benchmark)
public class Served {
    /**
     * The core the engine answers as ({@link CoreChoice}): a build id ({@code 1.32.0},
     * {@code 1.32.0-d7fix}), or each engine's newest. Here, in the state every lookup benchmark opens
     * its engine through, so each of them takes it ({@code -p core=1.32.0,1.32.0-d7fix}); an engine
     * that cannot run the core asked for is skipped.
     */
    @Param({CoreChoice.NEWEST})
    public String core;

    private Lookup lookup;

    // Inputs of the timed call: non-final, so the JIT cannot treat them as constants.
    Evaluator evaluator;
    User user;
    String key;
    VariableType type;

    /** The lookup a {@link Workload} names, on {@code engine} with a {@link WasmSetting}, one instance or the pool default. */
    void open(String engine, WasmSetting setting, Workload workload) {
        open(engine, setting.codec, setting.concurrency, 0, workload.config, Lookup.parseUser(workload.user), workload.key);
    }

    void open(String engine, String codec, String concurrency, int poolSize, String config, User user, String key) {
        Combinations.requireDistinct(engine, codec, concurrency, poolSize);
        use(Lookup.open(engine, codec, concurrency, poolSize, config, user, key, 0, coreRunBy(engine)));
    }

    /** {@link Lookup#open(String, String, String, int, LookupCase, CoreChoice)}, one instance behind {@code concurrency}. */
    void open(String engine, String codec, String concurrency, LookupCase c) {
        Combinations.requireDistinct(engine, codec, concurrency, 0);
        use(Lookup.open(engine, codec, concurrency, 0, c, coreRunBy(engine)));
    }

    /** The {@code core} param, refused as skipped when {@code engine} cannot run it. */
    private CoreChoice coreRunBy(String engine) {
        CoreChoice choice = CoreChoice.parse(core);
        choice.requireRunBy(EngineParam.descriptor(engine));
        return choice;
    }

    private void use(Lookup opened) {
        lookup = opened;
        evaluator = lookup.evaluator();
        this.user = lookup.user();
        this.key = lookup.key();
        this.type = lookup.type();
    }

    Lookup lookup() {
        return lookup;
    }

    @TearDown(Level.Iteration)
    public void checkHealthy() {
        lookup.checkHealthy();
    }

    @TearDown(Level.Trial)
    public void close() {
        lookup.close();
    }
}

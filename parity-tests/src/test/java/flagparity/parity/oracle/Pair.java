package flagparity.parity.oracle;

import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.Codec;
import flagparity.wasm.Concurrency;
import flagparity.wasm.WasmEngine;
import flagparity.wasm.engine.Engine;
import flagparity.wasm.WasmEvaluator;
import flagparity.wasm.engine.CoreBuild;
import java.time.Clock;

/**
 * One Wasm evaluator under test (engine x codec, with a concurrency strategy), built once and reused
 * for every try: building one costs up to a second. It counts its evaluations and their time for
 * the suite's summary (a rough figure from a busy test JVM, not a benchmark).
 */
public final class Pair implements AutoCloseable {
    private final Engine engine;
    private final Codec codec;
    private final Concurrency concurrency;
    private final CoreBuild build;
    private final WasmEvaluator evaluator;
    private long evaluations;
    private long nanos;
    private long configs;
    private long configNanos;
    /** The client custom data last given to the evaluator ({@code "{}"} stands for none). */
    private String clientCustomData = "{}";

    /** {@code build}: the core it runs; it answers the cases of that build's version. */
    public Pair(Engine engine, Codec codec, Concurrency concurrency, CoreBuild build, PlatformData platformData, Clock clock) {
        this.engine = engine;
        this.codec = codec;
        this.concurrency = concurrency;
        this.build = build;
        this.evaluator = WasmEvaluator.builder().core(build).engine(engine).codec(codec).concurrency(concurrency)
                .poolSize(2).platformData(platformData).clock(clock).deadlines(CoreOracle.DEADLINES).build();
    }

    public Engine engine() { return engine; }
    public Codec codec() { return codec; }
    public Concurrency concurrency() { return concurrency; }
    public CoreBuild build() { return build; }
    public WasmEvaluator evaluator() { return evaluator; }

    /** Whether this pair sends {@code user} as JSON (and so its raw answer is the core's JSON text) on its core build. */
    public boolean jsonFor(User user) {
        return codec.route(user, build).json();
    }

    public String name() {
        return WasmEngine.of(engine).id() + " x " + codec.id() + (concurrency == Concurrency.MUTEX ? "" : " (" + concurrency.id() + ")");
    }

    /** Runs one evaluation, counting it. */
    public Outcome timed(java.util.function.Supplier<Outcome> call) {
        long t0 = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos += System.nanoTime() - t0;
            evaluations++;
        }
    }

    /** Runs one setConfig, counting it apart from the evaluations. */
    public Outcome timedConfig(java.util.function.Supplier<Outcome> call) {
        long t0 = System.nanoTime();
        try {
            return call.get();
        } finally {
            configNanos += System.nanoTime() - t0;
            configs++;
        }
    }

    /** This pair's lookup: the core's own text on the JSON codecs (read as the API would), the decoded variable on the protobuf ones. */
    public Outcome lookup(User user, String key, VariableType type) {
        return jsonFor(user)
                ? Outcome.of(() -> evaluator.variableJson(user, key, type)).asApiVariable()
                : Outcome.ofVariable(() -> evaluator.variable(user, key, type));
    }

    /** This pair's answer to a case; it takes the case's config first. */
    public Outcome answer(Case c, MutableClock clock) {
        if (c.version() != build.version()) {
            throw new IllegalArgumentException("a case of core " + c.version() + " asked of " + name() + " on " + build);
        }
        clock.set(c.now());
        String customData = c.clientCustomData() == null ? "{}" : c.clientCustomData();
        if (!customData.equals(clientCustomData)) {
            evaluator.setClientCustomData(customData);
            clientCustomData = customData;
        }
        Outcome accepted = Outcome.of(() -> {
            evaluator.setConfig(c.config());
            return "{}";
        });
        if (c.check() == Case.Check.SET_CONFIG || accepted.kind() == Outcome.Kind.ERROR) {
            return accepted;
        }
        User user = JsonCodec.parseUser(c.user());
        if (c.check() == Case.Check.BUCKETED_CONFIG) {
            return Outcome.of(() -> evaluator.bucketedConfig(user));
        }
        return lookup(user, c.key(), c.type());
    }

    /** This pair's {@code variable()} (the API form) for a case. */
    public Outcome apiAnswer(Case c, MutableClock clock) {
        Outcome accepted = answer(Case.setConfig(c.config(), c.now(), c.platformData()).withClientCustomData(c.clientCustomData())
                .on(c.version()), clock);
        if (accepted.kind() == Outcome.Kind.ERROR) {
            return accepted;
        }
        return Outcome.ofVariable(() -> evaluator.variable(JsonCodec.parseUser(c.user()), c.key(), c.type()));
    }

    public String summary() {
        return String.format("%-40s %7d evaluations in %6.1f s (%6.0f us each); %4d setConfig in %5.1f s", name(), evaluations,
                nanos / 1e9, evaluations == 0 ? 0.0 : nanos / 1e3 / evaluations, configs, configNanos / 1e9);
    }

    @Override
    public void close() {
        evaluator.close();
    }
}

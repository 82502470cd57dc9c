package flagparity.reference;

import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.EvalReason;
import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.Evaluator;
import flagparity.reference.api.Explaining;
import flagparity.reference.api.PlatformData;
import flagparity.reference.api.User;
import flagparity.reference.api.UserEvaluator;
import flagparity.reference.api.Variable;
import flagparity.reference.api.VariableType;
import flagparity.reference.config.CompiledConfig;
import flagparity.reference.config.CompiledFeature;
import flagparity.reference.config.CompiledTarget;
import flagparity.reference.config.CompiledVariation;
import flagparity.reference.config.ConfigParser;
import flagparity.reference.config.CoreRules;
import flagparity.reference.config.VariableBinding;
import flagparity.reference.eval.BucketingKey;
import flagparity.reference.eval.Environment;
import flagparity.reference.eval.Match;
import flagparity.reference.eval.Murmur3;
import flagparity.reference.eval.Rollout;
import flagparity.reference.explain.Explanation;
import flagparity.reference.explain.ExplanationBuilder;
import flagparity.reference.explain.Reason;
import flagparity.reference.api.JsonCodec;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * DevCycle's bucketing semantics in pure Java: answers as the core version it is given answers
 * through its JSON entry points ({@code variableForUser}, {@code generateBucketedConfigForUser}),
 * quirks included. What differs between versions is a named rule of {@link CoreRules}, applied
 * when a config is compiled; the evaluation code is the same for every version. Every served
 * variable carries its evaluation reason by core 1.42.8's rule (under 1.32.0 too, where the core's
 * answer does not carry it: {@link Variable#writesEval()}).
 *
 * <p>Hot-path rules for {@link #variable} (check changes against them, and with JMH {@code -prof gc}):
 * <ol>
 *   <li>No parsing, normalizing or string building: the config is compiled once
 *       ({@link ConfigParser}); a lookup only reads the compiled form. Most lookups end on the quick
 *       path ({@link VariableBinding#quickTarget}, {@link VariableBinding#quickServe}): the leading
 *       targets without a rollout whose audience has one path, each distribution entry's answer made
 *       at compile time, distributions compiled to raw
 *       hash thresholds (no hash at all where every hash picks the same entry). The full evaluation,
 *       which explain shares, goes on from the first target the quick path does not cover.</li>
 *   <li>Nothing allocated on a served lookup: the {@link Variable} returned, with its reason, is
 *       made once per variation and audience path (on the first lookup through it; audiences with
 *       a single path have it made at compile time) and shared after; hashing runs over the user's strings (the rollout suffix is hashed as a
 *       continuation, numbers are formatted into a per-thread buffer); target seeds are precomputed.</li>
 *   <li>Indexed loops over arrays; no iterators, streams or capturing lambdas; per-call state lives in
 *       locals and parameters, not in objects.</li>
 *   <li>No locks on lookups: one volatile read of an immutable snapshot (config + environment).
 *       Writers, one at a time, build a new snapshot and swap it in; a rejected config leaves the old
 *       snapshot in place.</li>
 *   <li>Explain shares this code; its collector is passed as null on the normal path, so the only
 *       cost is a null check per step.</li>
 * </ol>
 */
public final class ReferenceEvaluator implements Evaluator, Explaining {

    /** One consistent view: the config (null until set) and what else an evaluation reads. */
    private static final class Snapshot {
        final CompiledConfig config;
        final Environment env;

        Snapshot(CompiledConfig config, Environment env) {
            this.config = config;
            this.env = env;
        }
    }

    private final CoreRules rules;
    /** Read once per lookup; replaced whole, by writers holding this evaluator's lock. */
    private volatile Snapshot snapshot;

    /** Answers as core {@code version} does, for a process with {@code platformData}, at {@code clock}'s time. */
    public ReferenceEvaluator(CoreVersion version, PlatformData platformData, Clock clock) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(platformData, "platformData");
        Objects.requireNonNull(clock, "clock");
        this.rules = CoreRules.of(version);
        this.snapshot = new Snapshot(null, new Environment(platformData, Map.of(), clock));
    }

    /** The newest core, DevCycle's Java SDK platform data and the system UTC clock. */
    public ReferenceEvaluator() {
        this(CoreVersion.newest(), PlatformData.javaSdkDefault(), Clock.systemUTC());
    }

    /** The core version it answers as. */
    public CoreVersion coreVersion() {
        return rules.version();
    }

    @Override
    public Variable variable(User user, String key, VariableType type) {
        Objects.requireNonNull(user, "user");
        return lookup(user, null, key, type);
    }

    /**
     * The user bound with its per-user work done once: its user_id read and mixed for hashing
     * ({@link BucketingKey.PreparedUserId}), which every lookup of a target bucketing by user_id
     * (rollout and distribution) otherwise repeats. Each lookup is {@link #variable}'s, on the config
     * in force then, and allocates nothing.
     */
    @Override
    public UserEvaluator forUser(User user) {
        Objects.requireNonNull(user, "user");
        BucketingKey.PreparedUserId prepared = new BucketingKey.PreparedUserId(user);
        return (key, type) -> lookup(user, prepared, key, type);
    }

    /** {@link #variable}, hashing user_id from {@code prepared} when it is not null. */
    private Variable lookup(User user, BucketingKey.PreparedUserId prepared, String key, VariableType type) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Snapshot s = snapshot;
        CompiledConfig config = s.config;
        if (config == null) return null;
        VariableBinding binding = config.binding(key);
        if (binding == null) return null;
        CompiledFeature feature = binding.feature();
        if (feature == null) return null;
        int quick = binding.quickTarget(user, s.env);
        CompiledTarget.Taken taken;
        if (quick >= 0) {
            Variable served = binding.quickServe(quick, user, prepared);
            if (served != VariableBinding.FULL) return served.type() != type ? null : served;
            taken = feature.target(quick).fixedTaken();
        } else {
            taken = qualify(config, feature, user, prepared, s.env, null, -1 - quick);
            if (taken == null) return null;
        }
        CompiledVariation variation = bucket(taken.target(), user, prepared, null);
        Variable served = binding.served(variation.index(), taken);
        if (served == null) throw new EvaluationException("Internal error processing configuration");
        if (served.type() != type) return null;
        if (binding.tooDeepToWrite(variation.index())) throw tooDeepToWrite(key);
        return served;
    }

    private static EvaluationException tooDeepToWrite(String key) {
        return new EvaluationException("the value of " + key + " is nested too deeply for the core's stack: it aborts writing it");
    }

    @Override
    public String explainJson(User user, String key, VariableType type) {
        return explain(user, key, type).toJson();
    }

    /** The steps {@link #variable} takes for the same arguments, and its answer. Never throws for a core abort: that is {@link Reason#ERROR}. */
    public Explanation explain(User user, String key, VariableType type) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        ExplanationBuilder x = new ExplanationBuilder(rules.version(), key, type);
        Snapshot s = snapshot;
        CompiledConfig config = s.config;
        if (config == null) return x.build(Reason.NO_CONFIG, null, null);
        VariableBinding binding = config.binding(key);
        if (binding == null) return x.build(Reason.UNKNOWN_KEY, null, null);
        x.variable(binding.id(), binding.type());
        CompiledFeature feature = binding.feature();
        if (feature == null) return x.build(Reason.NO_FEATURE, null, null);
        x.feature(feature.id(), feature.key(), config.passthroughRollouts());
        try {
            CompiledTarget.Taken taken = qualify(config, feature, user, null, s.env, x, 0);
            if (taken == null) return x.build(x.rolledOut() ? Reason.ROLLED_OUT : Reason.NOT_TARGETED, null, null);
            CompiledVariation variation = bucket(taken.target(), user, null, x);
            Variable served = binding.served(variation.index(), taken);
            if (served == null) {
                return x.build(Reason.ERROR, null, "Internal error processing configuration (variation "
                        + variation.id() + " lacks variable " + binding.id() + ")");
            }
            if (served.type() != type) return x.build(Reason.TYPE_MISMATCH, null, null);
            if (binding.tooDeepToWrite(variation.index())) return x.build(Reason.ERROR, null, tooDeepToWrite(key).getMessage());
            return x.build(Reason.SERVED, served, null);
        } catch (EvaluationException e) {
            return x.build(Reason.ERROR, null, e.getMessage());
        }
    }

    /**
     * The first target that takes the user, as the core's {@code doesUserQualifyForFeature}: with
     * passthrough rollouts a target whose rollout excludes the user is skipped before its audience is
     * evaluated; without, the rollout of the target the audience picked decides (null if it excludes).
     * It starts at target {@code from} (the quick path has seen the ones before it not take the user).
     * The target comes with the reason for the audience path that took the user.
     */
    private static CompiledTarget.Taken qualify(CompiledConfig config, CompiledFeature feature, User user,
            BucketingKey.PreparedUserId prepared, Environment env, ExplanationBuilder x, int from) {
        boolean passthrough = config.passthroughRollouts();
        for (int i = from, n = feature.targetCount(); i < n; i++) {
            CompiledTarget t = feature.target(i);
            if (x != null) x.startTarget(i, t.id(), t.bucketingKey(), BucketingKey.value(user, t.bucketingKey()));
            Rollout rollout = t.rollout();
            if (rollout != null && passthrough && !passesRollout(t, rollout, user, prepared, env, x)) {
                if (x != null) x.endTarget(false);
                continue;
            }
            Match match = t.audienceMatch(user, env, x);
            if (match != null) {
                boolean taken = rollout == null || passthrough || passesRollout(t, rollout, user, prepared, env, x);
                if (x != null) x.endTarget(taken);
                return taken ? t.taken(match) : null;
            }
            if (x != null) x.endTarget(false);
        }
        return null;
    }

    private static boolean passesRollout(CompiledTarget t, Rollout rollout, User user, BucketingKey.PreparedUserId prepared,
            Environment env, ExplanationBuilder x) {
        long now = env.clock().millis();
        double percentage = rollout.percentage(now);
        double hash = Murmur3.bounded(BucketingKey.hash(user, prepared, t.bucketingKey(), t.seed(), true));
        boolean passed = Rollout.passes(hash, percentage);
        if (x != null) x.rollout(rollout.type(), now, percentage, hash, passed);
        return passed;
    }

    /** The variation the target's distribution gives the user (hashed only when that decides); the core aborts when none. */
    private static CompiledVariation bucket(CompiledTarget target, User user, BucketingKey.PreparedUserId prepared,
            ExplanationBuilder x) {
        int index = target.everyHashIndex();
        int hash = 0;
        if (index < 0 || x != null) {
            hash = BucketingKey.hash(user, prepared, target.bucketingKey(), target.seed(), false);
            index = target.pickIndex(hash);
        }
        CompiledTarget.Distribution d = index < 0 ? null : target.distribution(index);
        if (d == null) throw new EvaluationException("Failed to decide target variation: " + target.id());
        CompiledVariation v = d.variation();
        if (x != null) x.bucketed(Murmur3.bounded(hash), d.variationId(), v == null ? null : v.key());
        if (v == null) throw new EvaluationException("Config missing variation: " + d.variationId());
        return v;
    }

    /**
     * The bucketed config as the core's {@code generateBucketedConfigForUser} writes it. Every
     * feature whose target takes the user adds its variation; when several features set the same
     * variable key, the last one's value stays at the first one's place.
     *
     * @throws EvaluationException when no config is set or the core would abort
     */
    @Override
    public String bucketedConfig(User user) {
        Objects.requireNonNull(user, "user");
        Snapshot s = snapshot;
        CompiledConfig config = s.config;
        if (config == null) throw new EvaluationException("Config data is not set.");
        Map<String, String> features = new LinkedHashMap<>();
        Map<String, String> featureVariations = new LinkedHashMap<>();
        Map<String, String> variableVariations = new LinkedHashMap<>();
        Map<String, String> variables = new LinkedHashMap<>();
        // keys whose value (the last feature's) the core cannot write; null while there are none
        Set<String> tooDeep = null;
        for (int i = 0, n = config.featureCount(); i < n; i++) {
            CompiledFeature feature = config.feature(i);
            CompiledTarget.Taken taken = qualify(config, feature, user, null, s.env, null, 0);
            if (taken == null) continue;
            CompiledVariation variation = bucket(taken.target(), user, null, null);
            EvalReason eval = config.rules().writesEvalReason() ? taken.reason() : null;
            features.put(feature.key(), variation.featureJson(eval));
            featureVariations.put(feature.id(), variation.featureVariationJson());
            if (variation.missingVariableId() != null) {
                throw new EvaluationException("Config missing variable: " + variation.missingVariableId());
            }
            for (CompiledVariation.BucketedVariable v : variation.bucketedVariables()) {
                variableVariations.put(v.key(), v.variableVariationJson());
                variables.put(v.key(), v.variableJson(eval));
                if (v.tooDeepToWrite()) {
                    if (tooDeep == null) tooDeep = new HashSet<>();
                    tooDeep.add(v.key());
                } else if (tooDeep != null) {
                    tooDeep.remove(v.key());
                }
            }
        }
        if (tooDeep != null && !tooDeep.isEmpty()) throw tooDeepToWrite(tooDeep.iterator().next());
        int size = 160 + config.projectJson().length() + config.environmentJson().length()
                + length(features) + length(featureVariations) + length(variableVariations) + length(variables);
        StringBuilder sb = new StringBuilder(size);
        sb.append("{\"project\":").append(config.projectJson());
        sb.append(",\"environment\":").append(config.environmentJson());
        appendObject(sb, "features", features);
        appendObject(sb, "featureVariationMap", featureVariations);
        appendObject(sb, "variableVariationMap", variableVariations);
        appendObject(sb, "variables", variables);
        return sb.append('}').toString();
    }

    private static int length(Map<String, String> entries) {
        int n = 0;
        for (Map.Entry<String, String> e : entries.entrySet()) n += e.getKey().length() + e.getValue().length() + 4;
        return n;
    }

    /** Appends {@code ,"name":{...}} with keys unescaped, as the core writes map keys. */
    private static void appendObject(StringBuilder sb, String name, Map<String, String> entries) {
        sb.append(",\"").append(name).append("\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            sb.append('"').append(e.getKey()).append("\":").append(e.getValue());
        }
        sb.append('}');
    }

    @Override
    public void setConfig(String configJson) {
        Objects.requireNonNull(configJson, "configJson");
        CompiledConfig config = ConfigParser.parse(configJson, rules);
        synchronized (this) {
            snapshot = new Snapshot(config, snapshot.env);
        }
    }

    /**
     * Sets the client custom data: any JSON object, as the core takes it (nested values are kept;
     * no filter matches them). It is the fallback of custom-data filters only; bucketing keys and
     * the user's own data do not see it.
     */
    @Override
    public void setClientCustomData(String customDataJson) {
        Objects.requireNonNull(customDataJson, "customDataJson");
        Map<String, Object> data = JsonCodec.parseClientCustomData(customDataJson);
        synchronized (this) {
            snapshot = new Snapshot(snapshot.config, snapshot.env.withClientCustomData(data));
        }
    }
}

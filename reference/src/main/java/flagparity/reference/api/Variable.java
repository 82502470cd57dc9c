package flagparity.reference.api;

import java.util.Objects;

/**
 * A variable as the core serves it: {@code {"_id","type","key","value"}}, and from core 1.42.8 on
 * also {@code "eval"} (its {@link EvalReason}) and {@code "_feature"} (the serving feature's id).
 * Immutable.
 *
 * <p>The value is a {@link Boolean}, a {@link Double} (every Number), a {@link String}, or for
 * {@link VariableType#JSON} the JSON text of the object exactly as the core writes it.
 *
 * <p>The reason and feature may be known although the core version's answer does not carry them
 * (the reference under core 1.32.0 computes them by 1.42.8's rule): {@link #writesEval()} says
 * whether the answer carries them. Equality compares what the answer carries, so a reference
 * answer equals the core's answer of the same version.
 */
public final class Variable {
    private final String id;
    private final String key;
    private final VariableType type;
    private final Object value;
    private final EvalReason eval;
    private final String feature;
    private final boolean writesEval;

    /** A variable as core 1.32.0 answers it: no reason, no feature. */
    public Variable(String id, String key, VariableType type, Object value) {
        this(id, key, type, value, null, null, false);
    }

    /** A variable as core 1.42.8 answers it, with {@code eval} and {@code _feature} (null: none written). */
    public Variable(String id, String key, VariableType type, Object value, EvalReason eval, String feature) {
        this(id, key, type, value, Objects.requireNonNull(eval, "eval"), feature, true);
    }

    /**
     * @param eval the reason, or null when not known
     * @param feature the serving feature's id, or null when not known (an empty id is kept: the core
     *     writes {@code "_feature":""} for it)
     * @param writesEval whether the answer carries them ({@link #writesEval()})
     */
    public Variable(String id, String key, VariableType type, Object value, EvalReason eval, String feature,
            boolean writesEval) {
        this.id = Objects.requireNonNull(id, "id");
        this.key = Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
        this.value = Objects.requireNonNull(value, "value");
        this.eval = eval;
        this.feature = feature;
        this.writesEval = writesEval;
        if (writesEval && eval == null) throw new IllegalArgumentException("an answer that carries eval needs a reason");
        Class<?> expected = expectedValueClass(type);
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException("a " + type + " variable needs a " + expected.getSimpleName()
                    + " value, not " + value.getClass().getSimpleName());
        }
    }

    private static Class<?> expectedValueClass(VariableType type) {
        switch (type) {
            case Boolean: return Boolean.class;
            case Number: return Double.class;
            default: return String.class;
        }
    }

    public String id() { return id; }
    public String key() { return key; }
    public VariableType type() { return type; }
    /** Boolean, Double, String, or the JSON text of a JSON variable. */
    public Object value() { return value; }
    /** Why it was served (1.42.8's {@code eval}), or null when not known. */
    public EvalReason eval() { return eval; }
    /** The id of the feature serving it (1.42.8's {@code _feature}), or null when not known. */
    public String feature() { return feature; }
    /** Whether the core's answer carries {@code eval} and {@code _feature} (core 1.42.8 on): JSON writes them only then. */
    public boolean writesEval() { return writesEval; }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Variable)) return false;
        Variable v = (Variable) o;
        return id.equals(v.id) && key.equals(v.key) && type == v.type && value.equals(v.value)
                && writesEval == v.writesEval
                && (!writesEval || Objects.equals(eval, v.eval) && Objects.equals(feature, v.feature));
    }

    @Override
    public int hashCode() {
        return writesEval ? Objects.hash(id, key, type, value, eval, feature) : Objects.hash(id, key, type, value);
    }

    @Override
    public String toString() {
        return "Variable{" + key + "=" + value + " (" + type + ", " + id + ")"
                + (eval == null ? "" : (writesEval ? " eval " : " unwritten eval ") + eval + ", feature " + feature) + "}";
    }
}

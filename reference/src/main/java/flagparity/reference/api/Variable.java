package flagparity.reference.api;

import java.util.Objects;

/**
 * A variable as the core serves it: {@code {"_id","type","key","value"}}. Immutable.
 *
 * <p>The value is a {@link Boolean}, a {@link Double} (every Number), a {@link String}, or for
 * {@link VariableType#JSON} the JSON text of the object exactly as the core writes it.
 */
public final class Variable {
    private final String id;
    private final String key;
    private final VariableType type;
    private final Object value;

    public Variable(String id, String key, VariableType type, Object value) {
        this.id = Objects.requireNonNull(id, "id");
        this.key = Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
        this.value = Objects.requireNonNull(value, "value");
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

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Variable)) return false;
        Variable v = (Variable) o;
        return id.equals(v.id) && key.equals(v.key) && type == v.type && value.equals(v.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, key, type, value);
    }

    @Override
    public String toString() {
        return "Variable{" + key + "=" + value + " (" + type + ", " + id + ")}";
    }
}

package flagparity.reference.api;

/** A variable's type, in the order of the core's type index (Boolean 0, Number 1, String 2, JSON 3). */
public enum VariableType {
    Boolean,
    Number,
    String,
    JSON;

    private static final VariableType[] BY_INDEX = values();

    /** The core's type index. */
    public int index() {
        return ordinal();
    }

    public static VariableType fromIndex(int index) {
        if (index < 0 || index >= BY_INDEX.length) {
            throw new IllegalArgumentException("no variable type with index " + index);
        }
        return BY_INDEX[index];
    }

    /** Parses the name the core writes ({@code "Boolean"}, {@code "Number"}, {@code "String"}, {@code "JSON"}). */
    public static VariableType parse(java.lang.String name) {
        for (VariableType t : BY_INDEX) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "unknown variable type \"" + name + "\" (expected Boolean, Number, String or JSON)");
    }
}

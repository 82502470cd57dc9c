package flagparity.reference.eval;

import flagparity.reference.api.User;

/**
 * A {@code customData} filter. The value is the user's (privateCustomData wins over customData),
 * or the client custom data's when the user lacks the key. {@code exist} means a non-empty string,
 * a non-NaN number or a boolean; otherwise the value must have the filter's {@code dataKeyType}
 * (a JSON null counts as a String), and a missing value passes only {@code !=}.
 */
public final class CustomDataFilter extends Condition {
    /** The filter's dataKeyType. */
    public enum DataType { String, Boolean, Number }

    private final String dataKey;
    private final DataType dataType;
    private final Comparator comparator;
    private final String[] strings;
    private final double[] numbers;
    private final boolean[] booleans;
    private final String valuesText;

    public CustomDataFilter(String dataKey, DataType dataType, Comparator comparator, String[] strings,
            double[] numbers, boolean[] booleans, String valuesText) {
        super(false, new Match("Custom Data -> " + dataKey));
        this.dataKey = dataKey;
        this.dataType = dataType;
        this.comparator = comparator;
        this.strings = strings.clone();
        this.numbers = numbers.clone();
        this.booleans = booleans.clone();
        this.valuesText = valuesText;
    }

    @Override
    public Match match(User user, Environment env, int stack, Tracer tracer) {
        Object v = CustomData.withClientFallback(user, env, dataKey);
        boolean r = check(v);
        if (tracer != null) tracer.leaf("customData", describe(), CustomData.describe(v), r, null);
        return r ? fixedMatch() : null;
    }

    private boolean check(Object v) {
        if (comparator == Comparator.EXIST) return exists(v);
        if (comparator == Comparator.NOT_EXIST) return !exists(v);
        switch (dataType) {
            case String:
                if (v instanceof String) return comparator.checkString((String) v, strings);
                if (v == null) return comparator.checkString(null, strings);
                break;
            case Number:
                if (v instanceof Long) return comparator.checkNumber((double) (Long) v, numbers);
                if (v instanceof Double) return comparator.checkNumber((Double) v, numbers);
                break;
            default:
                if (v instanceof Boolean) return comparator.checkBoolean((Boolean) v, booleans);
                break;
        }
        return v == CustomData.ABSENT && comparator == Comparator.NEQ;
    }

    private static boolean exists(Object v) {
        if (v instanceof String) return !((String) v).isEmpty();
        if (v instanceof Double) return !Double.isNaN((Double) v);
        return v instanceof Long || v instanceof Boolean;
    }

    @Override
    public String describe() {
        return "customData." + dataKey + " (" + dataType + ") " + comparator.text() + " " + valuesText;
    }
}

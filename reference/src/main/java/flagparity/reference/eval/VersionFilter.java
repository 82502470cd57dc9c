package flagparity.reference.eval;

import flagparity.reference.api.User;

/**
 * A {@code user} filter on appVersion or platformVersion: {@code =} compares strings exactly, any
 * other comparator goes through the core's version comparison ({@link Versions}).
 */
public final class VersionFilter extends Condition {
    private final UserField field;
    private final Comparator comparator;
    private final String[] values;
    private final boolean valuesUntouched;

    public VersionFilter(UserField field, Comparator comparator, String[] values) {
        super(false, new Match(field.reasonDetails()));
        this.field = field;
        this.comparator = comparator;
        this.values = values.clone();
        boolean untouched = true;
        for (String v : values) untouched &= Versions.untouched(v);
        this.valuesUntouched = untouched;
    }

    @Override
    public Match match(User user, Environment env, int stack, Tracer tracer) {
        String v = field.get(user, env);
        boolean r = comparator == Comparator.EQ
                ? comparator.checkString(v, values)
                : Versions.check(v, values, valuesUntouched, comparator);
        if (tracer != null) tracer.leaf("user", describe(), CustomData.describe(v == null ? CustomData.ABSENT : v), r, null);
        return r ? fixedMatch() : null;
    }

    @Override
    public String describe() {
        return field.subType() + " " + comparator.text() + " " + Values.describe(values);
    }
}

package flagparity.reference.eval;

import flagparity.reference.api.User;

/** A {@code user} filter on a string property (user_id, email, country, deviceModel, platform). */
public final class StringFilter extends Condition {
    private final UserField field;
    private final Comparator comparator;
    private final String[] values;

    public StringFilter(UserField field, Comparator comparator, String[] values) {
        super(false);
        this.field = field;
        this.comparator = comparator;
        this.values = values.clone();
    }

    @Override
    public boolean matches(User user, Environment env, int depth, Tracer tracer) {
        String v = field.get(user, env);
        boolean r = comparator.checkString(v, values);
        if (tracer != null) tracer.leaf("user", describe(), CustomData.describe(v == null ? CustomData.ABSENT : v), r, null);
        return r;
    }

    @Override
    public String describe() {
        return field.subType() + " " + comparator.text() + " " + Values.describe(values);
    }
}

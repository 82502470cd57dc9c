package flagparity.reference.eval;

import flagparity.reference.api.User;
import java.util.HashSet;
import java.util.Set;

/** A {@code user} filter on a string property (user_id, email, country, deviceModel, platform). */
public final class StringFilter extends Condition {
    /** From this many values, {@code =} and {@code !=} look the value up in a set. */
    private static final int SET_THRESHOLD = 8;

    private final UserField field;
    private final Comparator comparator;
    private final String[] values;
    private final Set<String> valueSet;

    public StringFilter(UserField field, Comparator comparator, String[] values) {
        super(false, new Match(field.reasonDetails()));
        this.field = field;
        this.comparator = comparator;
        this.values = values.clone();
        boolean lookup = (comparator == Comparator.EQ || comparator == Comparator.NEQ) && values.length >= SET_THRESHOLD;
        this.valueSet = lookup ? Set.copyOf(new HashSet<>(java.util.Arrays.asList(values))) : null;
    }

    @Override
    public Match match(User user, Environment env, int stack, Tracer tracer) {
        String v = field.get(user, env);
        boolean r = valueSet != null
                ? v != null && valueSet.contains(v) == (comparator == Comparator.EQ)
                : comparator.checkString(v, values);
        if (tracer != null) tracer.leaf("user", describe(), CustomData.describe(v == null ? CustomData.ABSENT : v), r, null);
        return r ? fixedMatch() : null;
    }

    @Override
    public String describe() {
        return field.subType() + " " + comparator.text() + " " + Values.describe(values);
    }
}

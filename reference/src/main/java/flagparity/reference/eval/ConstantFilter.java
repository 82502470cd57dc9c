package flagparity.reference.eval;

import flagparity.reference.api.User;

/** A filter whose answer does not depend on the user: {@code all}, {@code optIn}, or one the core cannot use. */
public final class ConstantFilter extends Condition {
    private final Match result;
    private final String description;

    /** The {@code all} filter. */
    public static ConstantFilter all() {
        return new ConstantFilter(Match.ALL_USERS, "all");
    }

    /** A filter that never passes ({@code optIn}, or one the core cannot use). */
    public static ConstantFilter never(String description) {
        return new ConstantFilter(null, description);
    }

    private ConstantFilter(Match result, String description) {
        super(false, result);
        this.result = result;
        this.description = description;
    }

    @Override
    public Match match(User user, Environment env, int stack, Tracer tracer) {
        if (tracer != null) tracer.leaf("constant", description, null, result != null, null);
        return result;
    }

    @Override
    public String describe() {
        return description;
    }
}

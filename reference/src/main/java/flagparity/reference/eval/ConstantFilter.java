package flagparity.reference.eval;

import flagparity.reference.api.User;

/** A filter whose answer does not depend on the user: {@code all}, {@code optIn}, or one the core cannot use. */
public final class ConstantFilter extends Condition {
    private final boolean result;
    private final String description;

    public ConstantFilter(boolean result, String description) {
        super(false);
        this.result = result;
        this.description = description;
    }

    @Override
    public boolean matches(User user, Environment env, int stack, Tracer tracer) {
        if (tracer != null) tracer.leaf("constant", description, null, result, null);
        return result;
    }

    @Override
    public String describe() {
        return description;
    }
}

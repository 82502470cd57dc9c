package flagparity.reference.eval;

import flagparity.reference.api.User;
import java.util.List;

/**
 * An {@code and}/{@code or} operator over filters and nested operators, as the core evaluates it:
 * no filters is false; a nested operator returns its own result for the parent at once, whatever
 * follows it; an operator other than and/or is false.
 */
public final class Operator extends Condition {
    private final String operator;
    private final boolean and;
    private final boolean or;
    private final Condition[] children;

    public Operator(String operator, List<Condition> children) {
        super(true);
        this.operator = operator;
        this.and = "and".equals(operator);
        this.or = "or".equals(operator);
        this.children = children.toArray(new Condition[0]);
    }

    @Override
    public boolean matches(User user, Environment env, int depth, Tracer tracer) {
        if (tracer != null) tracer.enter("operator", describe());
        boolean result;
        String note = null;
        if (children.length == 0) {
            result = false;
            note = "no filters";
        } else if (or) {
            result = false;
            for (Condition c : children) {
                if (c.isOperator()) {
                    result = c.matches(user, env, depth, tracer);
                    note = "a nested operator decides its parent";
                    break;
                }
                if (c.matches(user, env, depth, tracer)) {
                    result = true;
                    break;
                }
            }
        } else if (and) {
            result = true;
            for (Condition c : children) {
                if (c.isOperator()) {
                    result = c.matches(user, env, depth, tracer);
                    note = "a nested operator decides its parent";
                    break;
                }
                if (!c.matches(user, env, depth, tracer)) {
                    result = false;
                    break;
                }
            }
        } else {
            result = false;
            note = "unknown operator";
        }
        if (tracer != null) tracer.exit(result, note);
        return result;
    }

    @Override
    public String describe() {
        return operator + " (" + children.length + (children.length == 1 ? " filter)" : " filters)");
    }
}

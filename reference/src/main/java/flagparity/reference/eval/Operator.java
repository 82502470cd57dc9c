package flagparity.reference.eval;

import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.User;
import flagparity.reference.internal.CoreStack;
import java.util.List;

/**
 * An {@code and}/{@code or} operator over filters and nested operators, as the core evaluates it:
 * no filters is false; a nested operator returns its own result for the parent at once, whatever
 * follows it; an operator other than and/or is false. Evaluating one deeper than the core's stack
 * allows (through audienceMatch filters) is the core's abort: an {@link EvaluationException}.
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
    public boolean matches(User user, Environment env, int stack, Tracer tracer) {
        int used = stack + CoreStack.EVAL_OPERATOR;
        checkStack(used);
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
                    result = c.matches(user, env, used, tracer);
                    note = "a nested operator decides its parent";
                    break;
                }
                if (filterMatches(c, user, env, used, tracer)) {
                    result = true;
                    break;
                }
            }
        } else if (and) {
            result = true;
            for (Condition c : children) {
                if (c.isOperator()) {
                    result = c.matches(user, env, used, tracer);
                    note = "a nested operator decides its parent";
                    break;
                }
                if (!filterMatches(c, user, env, used, tracer)) {
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

    private static boolean filterMatches(Condition filter, User user, Environment env, int stack, Tracer tracer) {
        checkStack(stack + CoreStack.EVAL_FILTER);
        return filter.matches(user, env, stack, tracer);
    }

    private static void checkStack(int used) {
        if (used > CoreStack.EVAL_LIMIT) {
            throw new EvaluationException("audiences nested too deeply for the core's stack (an audience that contains"
                    + " itself?): the core aborts");
        }
    }

    @Override
    public String describe() {
        return operator + " (" + children.length + (children.length == 1 ? " filter)" : " filters)");
    }
}

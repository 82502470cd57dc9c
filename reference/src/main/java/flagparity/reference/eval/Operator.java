package flagparity.reference.eval;

import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.User;
import flagparity.reference.internal.CoreStack;
import java.util.List;

/**
 * An {@code and}/{@code or} operator over filters and nested operators, as the core evaluates it:
 * no filters is false; an operator other than and/or is false. A nested operator in an {@code and}
 * returns its own result for the parent at once, whatever follows it. In an {@code or} it does the
 * same when {@code orStopsAtNestedOperator} (core 1.32.0); otherwise only a passing one does and a
 * failing one is skipped (1.42.8). Evaluating one deeper than the core's stack allows (through
 * audienceMatch filters) is the core's abort: an {@link EvaluationException}.
 *
 * <p>The match: an {@code and}'s joins its filters' in order, or is the deciding nested operator's;
 * an {@code or}'s is its first passing child's.
 */
public final class Operator extends Condition {
    private final String operator;
    private final boolean and;
    private final boolean or;
    private final boolean orStopsAtNestedOperator;
    private final CoreStack.Eval stackCost;
    private final Condition[] children;

    /** @param stackCost what evaluating takes of the core's stack (per core version) */
    public Operator(String operator, List<Condition> children, boolean orStopsAtNestedOperator, CoreStack.Eval stackCost) {
        super(true, fixedAndMatch(operator, children));
        this.operator = operator;
        this.and = "and".equals(operator);
        this.or = "or".equals(operator);
        this.orStopsAtNestedOperator = orStopsAtNestedOperator;
        this.stackCost = stackCost;
        this.children = children.toArray(new Condition[0]);
    }

    /** An {@code and} of filters that each always give the same match always gives their join. */
    private static Match fixedAndMatch(String operator, List<Condition> children) {
        if (!"and".equals(operator)) return null;
        Match m = null;
        for (Condition c : children) {
            if (c.isOperator() || c.fixedMatch() == null) return null;
            m = m == null ? c.fixedMatch() : m.and(c.fixedMatch());
        }
        return m;
    }

    /**
     * The one filter whose match is this operator's at the top of a target's audience (stack 0), so
     * a lookup may ask it directly at stack {@link #singleFilterStack()}: an {@code and} or {@code or}
     * of exactly one filter, when the core's stack holds both levels. Null otherwise.
     */
    public Condition singleFilter() {
        boolean fits = stackCost.operator() + stackCost.filter() <= stackCost.limit();
        return (and || or) && children.length == 1 && !children[0].isOperator() && fits ? children[0] : null;
    }

    /** The stack {@link #singleFilter()} is evaluated at: this operator's. */
    public int singleFilterStack() {
        return stackCost.operator();
    }

    @Override
    public Match match(User user, Environment env, int stack, Tracer tracer) {
        int used = stack + stackCost.operator();
        checkStack(used);
        if (tracer != null) tracer.enter("operator", describe());
        Match result = null;
        String note = null;
        if (children.length == 0) {
            note = "no filters";
        } else if (or) {
            for (Condition c : children) {
                if (c.isOperator()) {
                    result = c.match(user, env, used, tracer);
                    if (result != null) break;
                    if (orStopsAtNestedOperator) {
                        note = "a failing nested operator decides its parent (core 1.32.0)";
                        break;
                    }
                } else {
                    result = filterMatch(c, user, env, used, tracer);
                    if (result != null) break;
                }
            }
        } else if (and) {
            Match fixed = fixedMatch();
            for (Condition c : children) {
                if (c.isOperator()) {
                    result = c.match(user, env, used, tracer);
                    note = "a nested operator decides its parent";
                    break;
                }
                Match m = filterMatch(c, user, env, used, tracer);
                if (m == null) {
                    result = null;
                    break;
                }
                result = fixed != null ? fixed : result == null ? m : result.and(m);
            }
        } else {
            note = "unknown operator";
        }
        if (tracer != null) tracer.exit(result != null, note);
        return result;
    }

    private Match filterMatch(Condition filter, User user, Environment env, int stack, Tracer tracer) {
        checkStack(stack + stackCost.filter());
        return filter.match(user, env, stack, tracer);
    }

    private void checkStack(int used) {
        if (used > stackCost.limit()) {
            throw new EvaluationException("audiences nested too deeply for the core's stack (an audience that contains"
                    + " itself?): the core aborts");
        }
    }

    @Override
    public String describe() {
        return operator + " (" + children.length + (children.length == 1 ? " filter)" : " filters)");
    }
}

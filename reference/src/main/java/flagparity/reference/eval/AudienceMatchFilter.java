package flagparity.reference.eval;

import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.User;
import flagparity.reference.internal.CoreStack;
import java.util.List;

/**
 * An {@code audienceMatch} filter: the audiences are tried in order; an id the config lacks makes
 * the filter false at once; the first audience the user is in decides ({@code =} true, {@code !=}
 * false); in none, {@code !=} is true. The core recurses into each audience, so a long enough chain
 * of audiences, or one that (indirectly) contains itself, overflows its stack and it aborts; here
 * that is an {@link EvaluationException} at the same depth ({@link CoreStack#EVAL_LIMIT}).
 */
public final class AudienceMatchFilter extends Condition {
    private final boolean equals;
    private final String[] ids;
    private final Audience[] audiences;

    /** @param audiences in filter order; null where the config has no audience with that id */
    public AudienceMatchFilter(boolean equals, List<String> ids, List<Audience> audiences) {
        super(false);
        this.equals = equals;
        this.ids = ids.toArray(new String[0]);
        this.audiences = audiences.toArray(new Audience[0]);
    }

    @Override
    public boolean matches(User user, Environment env, int stack, Tracer tracer) {
        if (tracer != null) tracer.enter("audienceMatch", describe());
        boolean result = !equals;
        String note = null;
        for (int i = 0; i < audiences.length; i++) {
            Audience a = audiences[i];
            if (a == null) {
                result = false;
                note = "the config has no audience " + ids[i];
                break;
            }
            if (tracer != null) tracer.enter("audience", a.id());
            boolean in = a.filters().matches(user, env, stack + CoreStack.EVAL_AUDIENCE_MATCH, tracer);
            if (tracer != null) tracer.exit(in, null);
            if (in) {
                result = equals;
                break;
            }
        }
        if (tracer != null) tracer.exit(result, note);
        return result;
    }

    @Override
    public String describe() {
        return "audienceMatch " + (equals ? "=" : "!=") + " " + Values.describe(ids);
    }
}

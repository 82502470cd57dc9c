package flagparity.reference.eval;

import flagparity.reference.api.EvaluationException;
import flagparity.reference.api.User;
import flagparity.reference.internal.CoreStack;
import flagparity.reference.internal.Interned;
import java.util.List;

/**
 * An {@code audienceMatch} filter: the audiences are tried in order; an id the config lacks makes
 * the filter false at once; the first audience the user is in decides ({@code =} true, {@code !=}
 * false); in none, {@code !=} is true. The core recurses into each audience, so a long enough chain
 * of audiences, or one that (indirectly) contains itself, overflows its stack and it aborts; here
 * that is an {@link EvaluationException} at the same depth ({@link CoreStack.Eval#limit()}).
 */
public final class AudienceMatchFilter extends Condition {
    private final boolean equals;
    private final String[] ids;
    private final Audience[] audiences;
    private final CoreStack.Eval stackCost;
    /** The match per match of an audience the user is in. */
    private final Interned<Match, Match> inAudience = new Interned<>();

    /** @param audiences in filter order; null where the config has no audience with that id */
    /** @param stackCost what evaluating takes of the core's stack (per core version) */
    public AudienceMatchFilter(boolean equals, List<String> ids, List<Audience> audiences, CoreStack.Eval stackCost) {
        super(false, null);
        this.stackCost = stackCost;
        this.equals = equals;
        this.ids = ids.toArray(new String[0]);
        this.audiences = audiences.toArray(new Audience[0]);
    }

    @Override
    public Match match(User user, Environment env, int stack, Tracer tracer) {
        if (tracer != null) tracer.enter("audienceMatch", describe());
        Match result = equals ? null : Match.NOT_IN_AUDIENCE;
        String note = null;
        for (int i = 0; i < audiences.length; i++) {
            Audience a = audiences[i];
            if (a == null) {
                result = null;
                note = "the config has no audience " + ids[i];
                break;
            }
            if (tracer != null) tracer.enter("audience", a.id());
            Match in = a.filters().match(user, env, stack + stackCost.audienceMatch(), tracer);
            if (tracer != null) tracer.exit(in != null, null);
            if (in != null) {
                result = equals ? inAudience(in) : null;
                break;
            }
        }
        if (tracer != null) tracer.exit(result != null, note);
        return result;
    }

    /** {@code Audience Match -> } and the audience's details (nothing after an empty one, as the core). */
    private Match inAudience(Match audience) {
        Match m = inAudience.get(audience);
        if (m != null) return m;
        String details = audience.details().isEmpty() ? "Audience Match" : "Audience Match -> " + audience.details();
        return inAudience.putIfAbsent(audience, new Match(details));
    }

    @Override
    public String describe() {
        return "audienceMatch " + (equals ? "=" : "!=") + " " + Values.describe(ids);
    }
}

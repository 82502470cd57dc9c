package flagparity.reference.eval;

import flagparity.reference.internal.Interned;

/**
 * A passed audience condition and what it contributes to the evaluation reason's {@code details}
 * (core 1.42.8's {@code SegmentationResult.reasonDetails}): a filter names what it checked
 * ({@code Email}, {@code Custom Data -> plan}, {@code All Users}), an {@code and} joins its filters'
 * with {@code " AND "}, an {@code or} passes on the first passing child's, an audienceMatch prefixes
 * the audience's with {@code Audience Match -> }. Evaluation returns ready instances: a filter its
 * own, operators and audienceMatch filters the ones they derived on first use of a path.
 */
public final class Match {
    /** The {@code all} filter's. */
    public static final Match ALL_USERS = new Match("All Users");
    /** An audienceMatch {@code !=} filter's, when the user is in none of its audiences. */
    public static final Match NOT_IN_AUDIENCE = new Match("Not in Audience");

    private final String details;
    /** This followed by another filter's match in an {@code and}. */
    private final Interned<Match, Match> joined = new Interned<>();

    public Match(String details) {
        this.details = details;
    }

    public String details() {
        return details;
    }

    /** {@code this AND next}, as an {@code and} operator joins its filters' details. */
    Match and(Match next) {
        Match m = joined.get(next);
        return m != null ? m : joined.putIfAbsent(next, new Match(details + " AND " + next.details));
    }

    @Override
    public String toString() {
        return details;
    }
}

package flagparity.reference.eval;

import flagparity.reference.api.EvaluationException;

/**
 * A target's rollout, evaluated as the core does ({@code getCurrentRolloutPercentage}):
 * {@code schedule} is 1 from its start date on and 0 before. Otherwise (gradual and stepped alike)
 * the current stage is the last one in array order dated at or before now, the next is the first
 * dated after now; without a current stage but with a start date before now, a discrete stage at
 * the start percentage stands in. A next stage that is {@code linear} interpolates with a quirk:
 * {@code (cur + (next - cur)) * fraction}, i.e. the next percentage times the elapsed fraction, and
 * exactly at the current stage's date the fraction is 0 and so is the percentage. A user passes iff
 * the percentage is not 0 and the rollout hash is at most the percentage.
 */
public final class Rollout {
    /** A rollout stage. */
    public static final class Stage {
        final boolean linear;
        final long date;
        final double percentage;

        public Stage(boolean linear, long date, double percentage) {
            this.linear = linear;
            this.date = date;
            this.percentage = percentage;
        }
    }

    private final String type;
    private final boolean schedule;
    private final long startDate;
    private final double startPercentage;
    private final Stage[] stages;
    private final long syntheticStageDate;

    /**
     * @param syntheticStageDate the start date as the core reads it back after writing it as ISO
     *     text (the stand-in stage is built from that text; the two differ only for years before 0)
     */
    public Rollout(String type, long startDate, double startPercentage, Stage[] stages, long syntheticStageDate) {
        this.type = type;
        this.schedule = "schedule".equals(type);
        this.startDate = startDate;
        this.startPercentage = startPercentage;
        this.stages = stages.clone();
        this.syntheticStageDate = syntheticStageDate;
    }

    public String type() {
        return type;
    }

    /** The rollout percentage at {@code now} (epoch ms). */
    public double percentage(long now) {
        if (schedule) return now >= startDate ? 1 : 0;
        Stage current = null;
        Stage next = null;
        for (Stage s : stages) {
            if (s.date <= now) {
                current = s;
            } else if (next == null) {
                next = s;
            }
        }
        double currentPercentage;
        long currentDate;
        if (current != null) {
            currentPercentage = current.percentage;
            currentDate = current.date;
        } else if (startDate < now) {
            if (Double.isNaN(startPercentage)) {
                // The core builds the stand-in stage through its JSON form, which rejects NaN.
                throw new EvaluationException("Invalid number value: NaN, for key: \"percentage\"");
            }
            currentPercentage = startPercentage;
            currentDate = syntheticStageDate;
        } else {
            return 0;
        }
        if (next == null || !next.linear) return currentPercentage;
        double fraction = (double) (now - currentDate) / (double) (next.date - currentDate);
        if (fraction == 0) return 0;
        return (currentPercentage + (next.percentage - currentPercentage)) * fraction;
    }

    /** Whether a user with {@code rolloutHash} passes at {@code percentage}. */
    public static boolean passes(double rolloutHash, double percentage) {
        return percentage != 0 && rolloutHash <= percentage;
    }
}

package flagparity.bench.report;

/**
 * A measured value with its error: for JMH, the score and the half-width of JMH's 99.9% confidence
 * interval ({@code NaN} when JMH could not give one, e.g. from a single iteration).
 */
record Metric(double score, double error, String unit) {

    boolean hasError() {
        return Double.isFinite(error);
    }

    /** The error, or 0 when there is none; for sums of errors where a missing one must not poison the rest. */
    double errorOrZero() {
        return hasError() ? error : 0;
    }

    /** The same metric in nanoseconds per operation, for a time-per-operation unit; otherwise {@code this}. */
    Metric inNanos() {
        double f = Units.nanosPer(unit);
        return Double.isNaN(f) ? this : new Metric(score * f, error * f, "ns/op");
    }
}

package flagparity.bench.report;

import java.util.Locale;

/** JMH's units, and the scale the report shows a number in. */
final class Units {
    private Units() {}

    /** Nanoseconds in one unit of a time-per-operation unit ({@code ns/op}, {@code us/op}, ...), else NaN. */
    static double nanosPer(String unit) {
        switch (unit) {
            case "ns/op": return 1;
            case "us/op": return 1e3;
            case "ms/op": return 1e6;
            case "s/op": return 1e9;
            default: return Double.NaN;
        }
    }

    /** True for units where a larger score is better (JMH's throughput units, {@code ops/s} etc.). */
    static boolean higherIsBetter(String unit) {
        return unit.startsWith("ops/");
    }

    /**
     * {@code value ± error unit}, with the error to two significant digits and the value to the same
     * decimal place; times are shown in ns, µs, ms or s, whichever keeps the number readable.
     */
    static String format(Metric m) {
        Metric shown = m;
        String unit = m.unit();
        double nanos = nanosPer(unit);
        if (!Double.isNaN(nanos)) {
            double ns = Math.abs(m.score() * nanos);
            double scale = ns >= 1e9 ? 1e9 : ns >= 1e6 ? 1e6 : ns >= 1e3 ? 1e3 : 1;
            unit = scale == 1e9 ? "s" : scale == 1e6 ? "ms" : scale == 1e3 ? "µs" : "ns";
            shown = new Metric(m.score() * nanos / scale, m.error() * nanos / scale, unit);
        }
        return number(shown.score(), shown.error()) + " " + unit;
    }

    /** {@code value ± error} without a unit (see {@link #format(Metric)}); just the value when the error is unknown. */
    static String number(double value, double error) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        int decimals;
        if (Double.isFinite(error) && error > 0) {
            decimals = 1 - (int) Math.floor(Math.log10(error));
        } else {
            decimals = value == 0 ? 0 : 2 - (int) Math.floor(Math.log10(Math.abs(value)));
        }
        decimals = Math.max(0, Math.min(decimals, 4));
        String v = String.format(Locale.ROOT, "%,." + decimals + "f", value);
        return Double.isFinite(error) ? v + " ± " + String.format(Locale.ROOT, "%,." + decimals + "f", error) : v;
    }
}

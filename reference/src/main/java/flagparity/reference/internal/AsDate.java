package flagparity.reference.internal;

/**
 * The core's {@code Date.fromString} and {@code toISOString} (AssemblyScript's runtime): only
 * {@code YYYY-MM-DD[THH:MM[:SS[.mmm]]]} is read, each part with the core's {@code parseInt} (so
 * {@code .1} is 1 ms and a zone offset is dropped), fields are not range-checked and 32-bit
 * arithmetic wraps as in the core; a result beyond ±8.64e15 ms is invalid.
 */
public final class AsDate {
    private static final long MILLIS_LIMIT = 8640000000000000L;
    private static final int DAYS_PER_EPOCH = 146097;
    private static final int EPOCH_OFFSET = 719468;

    /** The date string is one the core rejects (its {@code RangeError: Invalid Date}). */
    public static final class InvalidDateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidDateException() {
            super("Invalid Date");
        }
    }

    private AsDate() {}

    /** Epoch milliseconds of {@code s} as the core's {@code Date.fromString(s).getTime()}. */
    public static long parse(String s) {
        if (s.isEmpty()) throw new InvalidDateException();
        int hour = 0;
        int min = 0;
        int sec = 0;
        int ms = 0;
        String dateString = s;
        int posT = s.indexOf('T');
        if (posT >= 0) {
            dateString = s.substring(0, posT);
            String[] timeParts = s.substring(posT + 1).split(":", -1);
            if (timeParts.length <= 1) throw new InvalidDateException();
            hour = AsNumbers.parseI32(timeParts[0]);
            min = AsNumbers.parseI32(timeParts[1]);
            if (timeParts.length >= 3) {
                String secAndMs = timeParts[2];
                int posDot = secAndMs.indexOf('.');
                if (posDot >= 0) {
                    sec = AsNumbers.parseI32(secAndMs.substring(0, posDot));
                    ms = AsNumbers.parseI32(secAndMs.substring(posDot + 1));
                } else {
                    sec = AsNumbers.parseI32(secAndMs);
                }
            }
        }
        String[] parts = dateString.split("-", -1);
        int year = AsNumbers.parseI32(parts[0]);
        int month = 1;
        int day = 1;
        if (parts.length >= 2) {
            month = AsNumbers.parseI32(parts[1]);
            if (parts.length >= 3) {
                day = AsNumbers.parseI32(parts[2]);
            }
        }
        long millis = daysSinceEpoch(year, month, day) * 86400000L
                + hour * 3600000 + min * 60000 + sec * 1000 + ms;
        if (millis < -MILLIS_LIMIT || millis > MILLIS_LIMIT) throw new InvalidDateException();
        return millis;
    }

    private static long daysSinceEpoch(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        int era = floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = Integer.divideUnsigned(153 * (m + (m > 2 ? -3 : 9)) + 2, 5) + d - 1;
        int doe = yoe * 365 + Integer.divideUnsigned(yoe, 4) - Integer.divideUnsigned(yoe, 100) + doy;
        return era * DAYS_PER_EPOCH + doe - EPOCH_OFFSET;
    }

    private static int floorDiv(int a, int b) {
        return (a - (a < 0 ? b - 1 : 0)) / b;
    }

    /** {@code new Date(ms).toISOString()} as the core writes it. */
    public static String toIsoString(long ms) {
        long days = Math.floorDiv(ms, 86400000L);
        int da = ((int) days * 4 + EPOCH_OFFSET * 4) | 3;
        int q0 = floorDiv(da, DAYS_PER_EPOCH);
        int r1 = da - q0 * DAYS_PER_EPOCH;
        long u1 = ((r1 | 3) & 0xFFFFFFFFL) * 2939745L;
        int dm1 = (int) ((u1 & 0xFFFFFFFFL) / 11758980L);
        int n1 = 2141 * dm1 + 197913;
        int year = 100 * q0 + (int) (u1 >>> 32);
        int month = n1 >>> 16;
        int day = (n1 & 0xFFFF) / 2141 + 1;
        if (Integer.compareUnsigned(dm1, 306) >= 0) {
            month -= 12;
            ++year;
        }
        int inDay = (int) Math.floorMod(ms, 86400000L);
        String y = year < 0 || year >= 10000
                ? (year < 0 ? "-" : "+") + pad(Math.abs(year), 6)
                : pad(year, 4);
        return y + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(inDay / 3600000, 2) + ":"
                + pad(inDay % 3600000 / 60000, 2) + ":" + pad(inDay % 60000 / 1000, 2) + "." + pad(inDay % 1000, 3) + "Z";
    }

    private static String pad(int v, int width) {
        StringBuilder sb = new StringBuilder(Integer.toString(v));
        while (sb.length() < width) sb.insert(0, '0');
        return sb.toString();
    }
}

package flagparity.reference.internal;

import java.math.BigInteger;

/**
 * {@code f64.toString()} exactly as the core's AssemblyScript runtime writes it: Grisu2, which does
 * not always give the closest short form (0.1 + 0.2 prints as 0.30000000000000007, which reads back
 * as the same double), integral values written as {@code 1.0}. Written from the AssemblyScript
 * standard library's algorithm so results match bit for bit; its parsing twin is {@link AsNumbers}.
 */
public final class AsFloatFormat {
    private static final long U32 = 0xFFFFFFFFL;

    /**
     * 10^0 .. 10^9 as the formatter's u32 table, followed by the words that follow that table in
     * the core's linear memory: Grisu2's fraction loop indexes past the ten entries for some values.
     */
    private static final long[] POW10_U32 = {
        1L, 10L, 100L, 1000L, 10000L, 100000L, 1000000L, 10000000L, 100000000L, 1000000000L,
        0L, 92L, 0L, 0L, 2L, 68L, 7536737L, 6619251L, 6422637L, 7929964L, 6422575L, 6488181L
    };

    /** Grisu's cached powers: 10^(-348 + 8i) as a normalized 64-bit significand and binary exponent. */
    private static final long[] CACHED_FRC = new long[87];
    private static final int[] CACHED_EXP = new int[87];

    static {
        for (int i = 0; i < CACHED_FRC.length; i++) {
            int k = -348 + 8 * i;
            // 10^k = num / den; find e with 2^63 <= 10^k / 2^e < 2^64, rounded to nearest.
            BigInteger num = k >= 0 ? BigInteger.TEN.pow(k) : BigInteger.ONE;
            BigInteger den = k >= 0 ? BigInteger.ONE : BigInteger.TEN.pow(-k);
            int e = num.bitLength() - den.bitLength() - 64;
            BigInteger scaledNum = e >= 0 ? num : num.shiftLeft(-e);
            BigInteger scaledDen = e >= 0 ? den.shiftLeft(e) : den;
            BigInteger[] qr = scaledNum.divideAndRemainder(scaledDen);
            BigInteger q = qr[0];
            while (q.bitLength() > 64) {
                e++;
                scaledDen = scaledDen.shiftLeft(1);
                qr = scaledNum.divideAndRemainder(scaledDen);
                q = qr[0];
            }
            while (q.bitLength() < 64) {
                e--;
                scaledNum = scaledNum.shiftLeft(1);
                qr = scaledNum.divideAndRemainder(scaledDen);
                q = qr[0];
            }
            if (qr[1].shiftLeft(1).compareTo(scaledDen) >= 0) {
                q = q.add(BigInteger.ONE);
            }
            CACHED_FRC[i] = q.longValue();
            CACHED_EXP[i] = e;
        }
    }

    private AsFloatFormat() {}

    /** The longest text {@link #formatFloat(double, char[], int)} writes. */
    public static final int MAX_FLOAT_CHARS = 28;

    /** {@code f64.toString()} as the core writes it: {@code 0.0}, {@code 1.0}, {@code 0.1}, {@code 1e+21}, {@code NaN}. */
    public static String formatFloat(double value) {
        char[] buf = new char[MAX_FLOAT_CHARS];
        int n = formatFloat(value, buf, 0);
        return new String(buf, 0, n);
    }

    /** Writes {@code f64.toString()} into {@code buf} at {@code off}; returns the number of chars written. */
    public static int formatFloat(double value, char[] buf, int off) {
        if (value == 0) return put(buf, off, "0.0");
        if (Double.isNaN(value)) return put(buf, off, "NaN");
        if (Double.isInfinite(value)) return put(buf, off, value < 0 ? "-Infinity" : "Infinity");
        int sign = value < 0 ? 1 : 0;
        if (sign != 0) {
            value = -value;
            buf[off] = '-';
        }
        long packed = grisu2(value, buf, off, sign);
        int len = (int) packed;
        int k = (int) (packed >> 32);
        return prettify(buf, off + sign, len - sign, k) + sign;
    }

    private static int put(char[] buf, int off, String s) {
        s.getChars(0, s.length(), buf, off);
        return s.length();
    }

    /** Grisu2 digit generation; returns the digit count (incl. sign) in the low and the decimal exponent in the high 32 bits. */
    private static long grisu2(double value, char[] buf, int off, int sign) {
        long uv = Double.doubleToRawLongBits(value);
        int exp = (int) ((uv & 0x7FF0000000000000L) >>> 52);
        long sid = uv & 0x000FFFFFFFFFFFFFL;
        long frc = ((exp != 0 ? 1L : 0L) << 52) + sid;
        exp = (exp != 0 ? exp : 1) - (0x3FF + 52);

        // normalized boundaries
        long bFrc = (frc << 1) + 1;
        int bExp = exp - 1;
        int bOff = Long.numberOfLeadingZeros(bFrc);
        bFrc <<= bOff;
        bExp -= bOff;
        int m = 1 + (frc == 0x0010000000000000L ? 1 : 0);
        long frcPlus = bFrc;
        long frcMinus = ((frc << m) - 1) << (exp - m - bExp);

        // cached power
        double c = Double.longBitsToDouble(0x3FD34413509F79FEL);
        double dk = (-61 - bExp) * c + 347;
        int k = (int) dk;
        k += (k != dk) ? 1 : 0;
        int index = (k >> 3) + 1;
        int kDecimal = 348 - (index << 3);
        long frcPow = CACHED_FRC[index];
        int expPow = CACHED_EXP[index];

        int nOff = Long.numberOfLeadingZeros(frc);
        frc <<= nOff;
        exp -= nOff;

        long wFrc = umul64f(frc, frcPow);
        long wpFrc = umul64f(frcPlus, frcPow) - 1;
        int wpExp = bExp + expPow + 64;
        long wmFrc = umul64f(frcMinus, frcPow) + 1;
        long delta = wpFrc - wmFrc;
        return genDigits(buf, off, wFrc, wpFrc, wpExp, delta, sign, kDecimal);
    }

    private static long umul64f(long u, long v) {
        long u0 = u & U32;
        long v0 = v & U32;
        long u1 = u >>> 32;
        long v1 = v >>> 32;
        long l = u0 * v0;
        long t = u1 * v0 + (l >>> 32);
        long w = u0 * v1 + (t & U32);
        w += 0x7FFFFFFF;
        t >>>= 32;
        w >>>= 32;
        return u1 * v1 + t + w;
    }

    private static long genDigits(char[] buf, int off, long wFrc, long mpFrc, int mpExp, long delta, int sign, int k) {
        int oneExp = -mpExp;
        long oneFrc = 1L << oneExp;
        long mask = oneFrc - 1;
        long wpWFrc = mpFrc - wFrc;
        long p1 = (mpFrc >>> oneExp) & U32;
        long p2 = mpFrc & mask;
        int kappa = decimalCount32(p1);
        int len = sign;
        while (kappa > 0) {
            long pow = POW10_U32[kappa - 1];
            long d = p1 / pow;
            p1 %= pow;
            if ((d | len) != 0) buf[off + len++] = (char) ('0' + d);
            --kappa;
            long tmp = (p1 << oneExp) + p2;
            if (Long.compareUnsigned(tmp, delta) <= 0) {
                k += kappa;
                grisuRound(buf, off, len, delta, tmp, POW10_U32[kappa] << oneExp, wpWFrc);
                return ((long) k << 32) | len;
            }
        }
        while (true) {
            p2 *= 10;
            delta *= 10;
            long d = p2 >>> oneExp;
            if ((d | len) != 0) buf[off + len++] = (char) ('0' + d);
            p2 &= mask;
            --kappa;
            if (Long.compareUnsigned(p2, delta) < 0) {
                k += kappa;
                wpWFrc *= POW10_U32[-kappa];
                grisuRound(buf, off, len, delta, p2, oneFrc, wpWFrc);
                return ((long) k << 32) | len;
            }
        }
    }

    private static void grisuRound(char[] buf, int off, int len, long delta, long rest, long tenKappa, long wpW) {
        int last = off + len - 1;
        char digit = buf[last];
        while (Long.compareUnsigned(rest, wpW) < 0
                && Long.compareUnsigned(delta - rest, tenKappa) >= 0
                && (Long.compareUnsigned(rest + tenKappa, wpW) < 0
                    || Long.compareUnsigned(wpW - rest, rest + tenKappa - wpW) > 0)) {
            --digit;
            rest += tenKappa;
        }
        buf[last] = digit;
    }

    private static int decimalCount32(long v) {
        if (v < 100000) {
            if (v < 100) return 1 + (v >= 10 ? 1 : 0);
            return 3 + (v >= 10000 ? 1 : 0) + (v >= 1000 ? 1 : 0);
        }
        if (v < 10000000) return 6 + (v >= 1000000 ? 1 : 0);
        return 8 + (v >= 1000000000 ? 1 : 0) + (v >= 100000000 ? 1 : 0);
    }

    private static int prettify(char[] buf, int off, int length, int k) {
        if (k == 0) {
            buf[off + length] = '.';
            buf[off + length + 1] = '0';
            return length + 2;
        }
        int kk = length + k;
        if (length <= kk && kk <= 21) {
            for (int i = length; i < kk; ++i) buf[off + i] = '0';
            buf[off + kk] = '.';
            buf[off + kk + 1] = '0';
            return kk + 2;
        } else if (kk > 0 && kk <= 21) {
            System.arraycopy(buf, off + kk, buf, off + kk + 1, -k);
            buf[off + kk] = '.';
            return length + 1;
        } else if (-6 < kk && kk <= 0) {
            int offset = 2 - kk;
            System.arraycopy(buf, off, buf, off + offset, length);
            buf[off] = '0';
            buf[off + 1] = '.';
            for (int i = 2; i < offset; ++i) buf[off + i] = '0';
            return length + offset;
        } else if (length == 1) {
            buf[off + 1] = 'e';
            int n = exponent(buf, off + 2, kk - 1);
            return n + 2;
        } else {
            System.arraycopy(buf, off + 1, buf, off + 2, length - 1);
            buf[off + 1] = '.';
            buf[off + length + 1] = 'e';
            length += exponent(buf, off + length + 2, kk - 1);
            return length + 2;
        }
    }

    private static int exponent(char[] buf, int off, int k) {
        boolean negative = k < 0;
        if (negative) k = -k;
        int digits = decimalCount32(k);
        buf[off] = negative ? '-' : '+';
        for (int i = digits; i > 0; i--) {
            buf[off + i] = (char) ('0' + k % 10);
            k /= 10;
        }
        return digits + 1;
    }
}

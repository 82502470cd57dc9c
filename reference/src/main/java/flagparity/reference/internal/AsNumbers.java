package flagparity.reference.internal;

import java.math.BigInteger;

/**
 * Number parsing and formatting exactly as the core's AssemblyScript runtime does them, because the
 * core's results differ from Java's: its {@code parseFloat} loses powers of ten for literals with
 * more than 2^53 in the significand and a decimal exponent of 23..37 (so
 * {@code 12345678901234567890e30} reads as 1.2345678901234569e40), its float formatter is Grisu2,
 * which does not always give the closest short form (0.1 + 0.2 prints as 0.30000000000000007, which
 * reads back as the same double) and writes integral values as {@code 1.0}, and its {@code parseInt}
 * wraps in 32 bits. Written from the algorithms the AssemblyScript standard library uses (metallic's
 * scientific parser, Grisu2, musl's scalbn) so results match bit for bit.
 */
public final class AsNumbers {
    private static final long U32 = 0xFFFFFFFFL;

    /** 1e0 .. 1e22, exact. */
    private static final double[] POW10_F64 = new double[23];

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
        double p = 1;
        for (int i = 0; i < POW10_F64.length; i++) {
            POW10_F64[i] = p;
            p *= 10;
        }
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

    private AsNumbers() {}

    // ---------------------------------------------------------------- parseFloat

    /** {@code parseFloat(s)} as the core computes it. */
    public static double parseFloat(CharSequence s) {
        return parseFloat(s, 0, s.length());
    }

    /** {@code parseFloat} of {@code s[start, end)} as the core computes it. */
    public static double parseFloat(CharSequence s, int start, int end) {
        int len = end - start;
        if (len == 0) return Double.NaN;
        int ptr = start;
        int code = s.charAt(ptr);
        double sign = 1.0;
        while (len != 0 && isSpace(code)) {
            code = at(s, ++ptr, end);
            --len;
        }
        if (len == 0) return Double.NaN;
        if (code == '-') {
            if (--len == 0) return Double.NaN;
            code = at(s, ++ptr, end);
            sign = -1;
        } else if (code == '+') {
            if (--len == 0) return Double.NaN;
            code = at(s, ++ptr, end);
        }
        if (len >= 8 && code == 'I') {
            return regionIs(s, ptr, end, "Infinity") ? Double.POSITIVE_INFINITY * sign : Double.NaN;
        }
        if (code != '.' && Integer.compareUnsigned(code - '0', 10) >= 0) return Double.NaN;
        int savedPtr = ptr;
        while (code == '0') {
            code = at(s, ++ptr, end);
            --len;
        }
        if (len <= 0) return 0.0 * sign;
        final int capacity = 19;
        boolean pointed = false;
        int consumed = 0;
        int position = 0;
        long x = 0;
        if (code == '.') {
            boolean noDigits = savedPtr == ptr;
            ++ptr;
            --len;
            if (len == 0 && noDigits) return Double.NaN;
            for (pointed = true; (code = at(s, ptr, end)) == '0'; --position, ++ptr) --len;
            if (len <= 0) return 0.0 * sign;
            if (position == 0 && noDigits && Integer.compareUnsigned(code - '0', 10) >= 0) return Double.NaN;
        }
        for (int digit = code - '0'; Integer.compareUnsigned(digit, 10) < 0 || (code == '.' && !pointed);
                digit = code - '0') {
            if (Integer.compareUnsigned(digit, 10) < 0) {
                x = consumed < capacity ? 10 * x + digit : x | (digit != 0 ? 1 : 0);
                ++consumed;
            } else {
                position = consumed;
                pointed = true;
            }
            if (--len == 0) break;
            code = at(s, ++ptr, end);
        }
        if (!pointed) position = consumed;
        return Math.copySign(scientific(x, position - Math.min(capacity, consumed) + parseExp(s, ptr, end, len)), sign);
    }

    /** A char of the input, or 0 past its end (the core reads whatever follows; never a digit in practice). */
    private static int at(CharSequence s, int i, int end) {
        return i < end ? s.charAt(i) : 0;
    }

    private static boolean regionIs(CharSequence s, int from, int end, String word) {
        if (end - from < word.length()) return false;
        for (int i = 0; i < word.length(); i++) {
            if (s.charAt(from + i) != word.charAt(i)) return false;
        }
        return true;
    }

    private static int parseExp(CharSequence s, int ptr, int end, int len) {
        int sign = 1;
        int magnitude = 0;
        int code = at(s, ptr, end);
        if ((code | 32) != 'e') return 0;
        if (--len == 0) return 0;
        code = at(s, ++ptr, end);
        if (code == '-') {
            if (--len == 0) return 0;
            code = at(s, ++ptr, end);
            sign = -1;
        } else if (code == '+') {
            if (--len == 0) return 0;
            code = at(s, ++ptr, end);
        }
        while (code == '0') {
            if (--len == 0) return 0;
            code = at(s, ++ptr, end);
        }
        for (int digit = code - '0'; len != 0 && Integer.compareUnsigned(digit, 10) < 0; digit = code - '0') {
            if (magnitude >= 3200) return sign * 3200;
            magnitude = 10 * magnitude + digit;
            code = at(s, ++ptr, end);
            --len;
        }
        return sign * magnitude;
    }

    private static double scientific(long significand, int exp) {
        if (significand == 0 || exp < -342) return 0;
        if (exp > 308) return Double.POSITIVE_INFINITY;
        double significandf = unsignedToDouble(significand);
        if (exp == 0) return significandf;
        if (exp > 22 && exp <= 22 + 15) {
            // The scaled value is only used on the fast path below; the slow paths get the
            // original significand with exponent 22 (a quirk of the core's runtime, kept).
            significandf *= POW10_F64[exp - 22];
            exp = 22;
        }
        if (Long.compareUnsigned(significand, 9007199254740991L) <= 0 && Math.abs(exp) <= 22) {
            if (exp > 0) return significandf * POW10_F64[exp];
            return significandf / POW10_F64[-exp];
        } else if (exp < 0) {
            return scaleDown(significand, exp);
        } else {
            return scaleUp(significand, exp);
        }
    }

    private static double scaleDown(long significand, int exp) {
        final long denom = 6103515625L; // 1e14 * 2^-14
        final double scale = Double.longBitsToDouble(0x3F06849B86A12B9BL); // 1e-14 * 2^32
        long shift = Long.numberOfLeadingZeros(significand);
        significand <<= shift;
        shift = exp - shift;
        for (; exp <= -14; exp += 14) {
            long q = Long.divideUnsigned(significand, denom);
            long r = Long.remainderUnsigned(significand, denom);
            long s = Long.numberOfLeadingZeros(q);
            significand = (q << s) + doubleToUnsigned(Math.rint(scale * unsignedToDouble(r << (s - 18))));
            shift -= s;
        }
        long b = pow5(-exp);
        long q = Long.divideUnsigned(significand, b);
        long r = Long.remainderUnsigned(significand, b);
        long s = Long.numberOfLeadingZeros(q);
        double scaledR = Double.longBitsToDouble(Double.doubleToRawLongBits(unsignedToDouble(r)) + (s << 52));
        significand = (q << s) + doubleToUnsigned(scaledR / unsignedToDouble(b));
        shift -= s;
        return scalbn(unsignedToDouble(significand), (int) shift);
    }

    private static double scaleUp(long significand, int exp) {
        final long coeff = 1220703125L; // 1e13 * 2^-13
        long shift = Long.numberOfTrailingZeros(significand);
        significand >>>= shift;
        shift += exp;
        long[] fixmulShift = {shift};
        for (; exp >= 13; exp -= 13) {
            significand = fixmul(significand, coeff, fixmulShift);
        }
        significand = fixmul(significand, pow5(exp), fixmulShift);
        return scalbn(unsignedToDouble(significand), (int) fixmulShift[0]);
    }

    private static long fixmul(long a, long b, long[] shift) {
        long low = (a & U32) * b;
        long high = (a >>> 32) * b + (low >>> 32);
        int overflow = (int) (high >>> 32);
        int space = Integer.numberOfLeadingZeros(overflow);
        long revspace = 32 - space;
        shift[0] += revspace;
        return ((high << space) | ((low & U32) >>> revspace)) + ((low << space) >>> 31 & 1);
    }

    private static long pow5(int n) {
        long r = 1;
        for (int i = 0; i < n; i++) r *= 5;
        return r & U32;
    }

    /** musl's scalbn, as the core's runtime has it (exact power-of-two steps). */
    private static double scalbn(double x, int n) {
        final double p53 = Double.longBitsToDouble(0x4340000000000000L);
        final double p1023 = Double.longBitsToDouble(0x7FE0000000000000L);
        final double pMinus1022 = Double.longBitsToDouble(0x0010000000000000L);
        double y = x;
        if (n > 1023) {
            y *= p1023;
            n -= 1023;
            if (n > 1023) {
                y *= p1023;
                n = Math.min(n - 1023, 1023);
            }
        } else if (n < -1022) {
            y *= pMinus1022 * p53;
            n += 1022 - 53;
            if (n < -1022) {
                y *= pMinus1022 * p53;
                n = Math.max(n + 1022 - 53, -1022);
            }
        }
        return y * Double.longBitsToDouble((long) (0x3FF + n) << 52);
    }

    /** An unsigned 64-bit integer to the nearest double (Wasm's {@code f64.convert_i64_u}). */
    static double unsignedToDouble(long x) {
        if (x >= 0) return (double) x;
        return ((double) ((x >>> 1) | (x & 1))) * 2.0;
    }

    /** A non-negative double to an unsigned 64-bit integer, truncating and saturating. */
    private static long doubleToUnsigned(double d) {
        if (!(d > 0)) return 0;
        if (d >= 18446744073709551616.0) return -1L;
        if (d < 9223372036854775808.0) return (long) d;
        return ((long) (d / 2)) << 1;
    }

    private static boolean isSpace(int c) {
        if (c < 0x1680) return ((c | 0x80) == 0xA0) || Integer.compareUnsigned(c - 0x09, 0x0D - 0x09) <= 0;
        if (Integer.compareUnsigned(c - 0x2000, 0x200A - 0x2000) <= 0) return true;
        switch (c) {
            case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
                return true;
            default:
                return false;
        }
    }

    // ---------------------------------------------------------------- parseInt (i32)

    /** {@code I32.parseInt(s)} as the core computes it: radix from a 0b/0o/0x prefix, 32-bit wrap, 0 when nothing parses. */
    public static int parseI32(String str) {
        int len = str.length();
        if (len == 0) return 0;
        int ptr = 0;
        int code = str.charAt(0);
        while (isSpace(code)) {
            code = at(str, ++ptr, str.length());
            --len;
        }
        int sign = 1;
        if (code == '-' || code == '+') {
            if (--len == 0) return 0;
            if (code == '-') sign = -1;
            code = at(str, ++ptr, str.length());
        }
        int radix = 0;
        if (code == '0' && len > 2) {
            switch (at(str, ptr + 1, str.length()) | 32) {
                case 'b': ptr += 2; len -= 2; radix = 2; break;
                case 'o': ptr += 2; len -= 2; radix = 8; break;
                case 'x': ptr += 2; len -= 2; radix = 16; break;
                default: break;
            }
        }
        if (radix == 0) radix = 10;
        int num = 0;
        int initial = len - 1;
        while (len-- > 0) {
            code = at(str, ptr, str.length());
            if (Integer.compareUnsigned(code - '0', 10) < 0) {
                code -= '0';
            } else if (Integer.compareUnsigned(code - 'A', 'Z' - 'A') <= 0) {
                code -= 'A' - 10;
            } else if (Integer.compareUnsigned(code - 'a', 'z' - 'a') <= 0) {
                code -= 'a' - 10;
            }
            if (Integer.compareUnsigned(code, radix) >= 0) {
                if (initial == len) return 0;
                break;
            }
            num = num * radix + code;
            ptr++;
        }
        return sign * num;
    }

    // ---------------------------------------------------------------- f64 toString

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

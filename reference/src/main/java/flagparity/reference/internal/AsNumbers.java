package flagparity.reference.internal;

/**
 * Number parsing exactly as the core's AssemblyScript runtime does it, because the core's results
 * differ from Java's: its {@code parseFloat} loses powers of ten for literals with more than 2^53 in
 * the significand and a decimal exponent of 23..37 (so {@code 12345678901234567890e30} reads as
 * 1.2345678901234569e40), and its {@code parseInt} wraps in 32 bits. Written from the algorithms the
 * AssemblyScript standard library uses (metallic's scientific parser, musl's scalbn) so results
 * match bit for bit; the formatting twin is {@link AsFloatFormat}.
 */
public final class AsNumbers {
    private static final long U32 = 0xFFFFFFFFL;

    /** 1e0 .. 1e22, exact. */
    private static final double[] POW10_F64 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10_F64.length; i++) {
            POW10_F64[i] = p;
            p *= 10;
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
}

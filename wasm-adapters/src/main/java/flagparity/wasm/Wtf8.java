package flagparity.wasm;

import java.nio.charset.StandardCharsets;

/**
 * Decodes WTF-8: UTF-8 that may also hold unpaired surrogates as 3-byte sequences ({@code ED A0 80}
 * to {@code ED BF BF}). The core's {@code String.UTF8.encode} writes a string's UTF-16 code units
 * this way, so a string with an unpaired surrogate comes back exactly; protobuf-java's strict UTF-8
 * check would reject it. (Two such sequences forming a pair, which the core never writes, are read
 * as that pair.)
 */
final class Wtf8 {
    private Wtf8() {}

    /**
     * The string {@code len} bytes at {@code off} encode.
     *
     * @throws IllegalArgumentException when they are not WTF-8 (truncated, overlong, beyond U+10FFFF)
     */
    static String decode(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end && b[i] >= 0) {
            i++;
        }
        if (i == end) {
            // All ASCII (the common case): no intermediate char array.
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        char[] out = new char[len];
        int n = 0;
        for (i = off; i < end; ) {
            int b0 = b[i] & 0xFF;
            if (b0 < 0x80) {
                out[n++] = (char) b0;
                i++;
            } else if (b0 >= 0xC2 && b0 <= 0xDF) {
                out[n++] = (char) ((b0 & 0x1F) << 6 | continuation(b, i + 1, end, 0x80, 0xBF));
                i += 2;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                // E0 needs A0.. (no overlong form); ED A0..BF are the surrogates WTF-8 allows.
                int c1 = continuation(b, i + 1, end, b0 == 0xE0 ? 0xA0 : 0x80, 0xBF);
                int c2 = continuation(b, i + 2, end, 0x80, 0xBF);
                out[n++] = (char) ((b0 & 0x0F) << 12 | c1 << 6 | c2);
                i += 3;
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                int c1 = continuation(b, i + 1, end, b0 == 0xF0 ? 0x90 : 0x80, b0 == 0xF4 ? 0x8F : 0xBF);
                int c2 = continuation(b, i + 2, end, 0x80, 0xBF);
                int c3 = continuation(b, i + 3, end, 0x80, 0xBF);
                int cp = (b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3;
                out[n++] = Character.highSurrogate(cp);
                out[n++] = Character.lowSurrogate(cp);
                i += 4;
            } else {
                throw new IllegalArgumentException("not WTF-8: byte 0x" + Integer.toHexString(b0) + " at " + (i - off));
            }
        }
        return new String(out, 0, n);
    }

    /** The low 6 bits of the continuation byte at {@code i}, which must lie in {@code [min, max]}. */
    private static int continuation(byte[] b, int i, int end, int min, int max) {
        if (i >= end) {
            throw new IllegalArgumentException("not WTF-8: truncated sequence");
        }
        int c = b[i] & 0xFF;
        if (c < min || c > max) {
            throw new IllegalArgumentException("not WTF-8: byte 0x" + Integer.toHexString(c) + " where a continuation byte belongs");
        }
        return c & 0x3F;
    }
}

package flagparity.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Wtf8Test {
    private static String decode(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Wtf8.decode(b, 0, b.length);
    }

    /** Without unpaired surrogates WTF-8 is UTF-8: the JDK's encoder gives the bytes. */
    @Test
    void readsWhatTheJdkEncodesAsUtf8() {
        String[] fixed = {"", "plain ascii", "caf\u00e9", "\u2713 \u20ac", "\ud83d\ude00 emoji", "a\u0001b\u007f", "\u0080\u07ff\u0800\uffff"};
        for (String s : fixed) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertEquals(s, Wtf8.decode(b, 0, b.length));
        }
        Random random = new Random(42);
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                int cp = random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(0x110000);
                if (cp < 0xD800 || cp > 0xDFFF) {
                    sb.appendCodePoint(cp);
                }
            }
            String s = sb.toString();
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertEquals(s, Wtf8.decode(b, 0, b.length), () -> "code points " + s.codePoints().boxed().toList());
        }
    }

    @Test
    void readsUnpairedSurrogatesAsTheCoreEncodesThem() {
        assertEquals("x\udc00y", decode('x', 0xED, 0xB0, 0x80, 'y'));
        assertEquals("\ud800", decode(0xED, 0xA0, 0x80));
        assertEquals("\udbff\u00e9", decode(0xED, 0xAF, 0xBF, 0xC3, 0xA9));
        assertEquals("\udfff\ud83d\ude00", decode(0xED, 0xBF, 0xBF, 0xF0, 0x9F, 0x98, 0x80));
    }

    @Test
    void readsOnlyTheGivenRange() {
        byte[] b = "[caf\u00e9]".getBytes(StandardCharsets.UTF_8);
        assertEquals("caf\u00e9", Wtf8.decode(b, 1, b.length - 2));
        assertEquals("af", Wtf8.decode(b, 2, 2));
    }

    @Test
    void rejectsWhatIsNotWtf8() {
        int[][] bad = {
            {0x80},                   // continuation byte first
            {0xC0, 0x80},             // overlong NUL
            {0xC3},                   // truncated
            {0xE2, 0x82},             // truncated
            {0xE2, 0x28, 0xA1},       // not a continuation byte
            {0xE0, 0x9F, 0xBF},       // overlong 3-byte form
            {0xF0, 0x8F, 0xBF, 0xBF}, // overlong 4-byte form
            {0xF4, 0x90, 0x80, 0x80}, // beyond U+10FFFF
            {0xF5, 0x80, 0x80, 0x80},
            {0xFF},
        };
        for (int[] b : bad) {
            assertThrows(IllegalArgumentException.class, () -> decode(b), () -> java.util.Arrays.toString(b));
        }
    }
}

package flagparity.reference.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values: core 1.32.0 via node, exports murmurhashV3(key, seed) and generateBoundedHashesFromJSON(user_id, target_id). */
class Murmur3Test {

    @ParameterizedTest(name = "murmur(\"{0}\", {1}) = {2}")
    @CsvSource(delimiter = '|', value = {
        "''|0|0",
        "''|1|1364076727",
        "a|1|1485495528",
        "ab|1|3087506246",
        "abc|1|2859854335",
        "abcd|1|2616542610",
        "12345|1|1377935000",
        "12345_rollout|2147483648|1832278414",
        "é|1|3225426535",
        "\\|1|3225426535",
        "日本|7|3444874367",
        "😀|1|558068272",
        "user_id_with_a_longer_value-0123456789|4294967295|2591159711",
        "ta-everyone|1|600181758",
    })
    void hashesAsTheCore(String key, long seed, long expected) {
        assertEquals(expected, Murmur3.hash(key, (int) seed) & 0xFFFFFFFFL);
        char[] buf = ("xx" + key).toCharArray();
        assertEquals(expected, Murmur3.hash(buf, 2, key.length(), (int) seed, false) & 0xFFFFFFFFL);
        assertEquals(expected, Murmur3.prepare(key, false).hash((int) seed) & 0xFFFFFFFFL);
    }

    @ParameterizedTest(name = "bounded hashes of {0} for target {1}")
    @CsvSource(delimiter = '|', value = {
        "12345|ta-everyone|0.7164011231428946|0.007809475066095934",
        "canada-user|ta-canada|0.7762065664344017|0.6843773442516982",
        "é|t1|0.6466322852407191|0.4613126850364061",
        "''|t1|0.9901133414800543|0.01529269805534107",
    })
    void rolloutHashContinuesOverTheSuffix(String userId, String targetId, double rolloutHash, double bucketingHash) {
        int seed = Murmur3.hash(targetId, 1);
        assertEquals(rolloutHash, Murmur3.bounded(Murmur3.hash(userId, seed, true)));
        assertEquals(bucketingHash, Murmur3.bounded(Murmur3.hash(userId, seed, false)));
        char[] buf = userId.toCharArray();
        assertEquals(rolloutHash, Murmur3.bounded(Murmur3.hash(buf, 0, buf.length, seed, true)));
        assertEquals(rolloutHash, Murmur3.bounded(Murmur3.prepare(userId, true).hash(seed)));
        assertEquals(bucketingHash, Murmur3.bounded(Murmur3.prepare(userId, false).hash(seed)));
    }

    /** A prepared string hashes as the string, with and without the rollout suffix: strings of 0 to 40 units, ASCII or not, random seeds. */
    @Test
    void aPreparedStringHashesAsTheString() {
        Random random = new Random(16);
        for (int n = 0; n < 2_000; n++) {
            char[] units = new char[random.nextInt(41)];
            for (int i = 0; i < units.length; i++) units[i] = (char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x10000));
            String s = new String(units);
            int seed = random.nextInt();
            for (boolean rollout : new boolean[] {false, true}) {
                assertEquals(Murmur3.hash(s, seed, rollout), Murmur3.prepare(s, rollout).hash(seed), s + " " + seed + " " + rollout);
            }
        }
    }
}

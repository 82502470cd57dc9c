package flagparity.workloads;

import flagparity.workloads.gen.Choices;
import flagparity.workloads.gen.ConfigGenerator;
import flagparity.workloads.gen.Profile;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The named workloads' sizes: each is the one generator ({@link ConfigGenerator}) in its realistic
 * profile, so every benchmark and test runs on the same bytes: the benchmarks' named workloads are its
 * sizes at {@link #SEED}, and the parity tests prove the reference against the core on those, on other
 * seeds, and on the generator's odd profile.
 *
 * <p>Dates fall between 2023 and 2031, so with the system clock some rollouts have started and some
 * have not; pin the clock to compare runs made on different days.
 */
public final class SeededWorkload {
    /** The seed of the named workloads ({@link Workloads#config}): they are this generator at this seed. */
    public static final long SEED = 42;
    static final String DEFAULT_KEY = ConfigGenerator.DEFAULT_KEY;

    private SeededWorkload() {}

    /**
     * The built-in sizes; large is about as big as a real large DevCycle config (~220 KB). With seed 42:
     * small 21.3 KB (6 features, 6 variables, 12 targets), medium 60.9 KB (24, 26, 38), large 193 KB
     * (80, 85, 143), xlarge 5.0 MB (2,000, 2,125, 3,788).
     */
    public enum Size {
        SMALL("small", 6, 4),
        MEDIUM("medium", 24, 6),
        LARGE("large", 80, 20),
        XLARGE("xlarge", 2000, 40);

        private final String id;
        final int features;
        final int audiences;

        Size(String id, int features, int audiences) {
            this.id = id;
            this.features = features;
            this.audiences = audiences;
        }

        public String id() {
            return id;
        }

        /** The generator's profile for this size. */
        public Profile profile() {
            return Profile.realistic(features, audiences);
        }

        /** Every size's id, smallest first. */
        public static List<String> ids() {
            return Stream.of(values()).map(Size::id).collect(Collectors.toList());
        }

        public static Size byId(String id) {
            for (Size s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            return null;
        }
    }

    public static String generate(Size size, long seed) {
        return ConfigGenerator.generate(size.profile(), Choices.seeded(seed)).toString();
    }
}

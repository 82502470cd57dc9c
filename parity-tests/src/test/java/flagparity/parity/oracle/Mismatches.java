package flagparity.parity.oracle;

import flagparity.workloads.gen.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The mismatches of one try. A property checks its whole batch, then fails with the first mismatch
 * minimized (the smallest config and user that still fail the same way), what differs, and how to
 * replay it; the minimized case is also saved by {@link FailureLog} as a regression file candidate.
 */
public final class Mismatches {
    private record Found(String what, String subject, Case c, Function<Case, Case.Answers> compare, String diff) {}

    private final String foundBy;
    private final List<Found> found = new ArrayList<>();

    public Mismatches(String foundBy) {
        this.foundBy = foundBy;
    }

    /** Records a mismatch of the reference with the core when the answers differ; {@code compare} reproduces them for a smaller case. */
    public void check(String what, Case c, Case.Answers answers, Function<Case, Case.Answers> compare) {
        check(what, "reference", c, answers, compare);
    }

    /** Records a mismatch of {@code subject} (the reference, or an engine x codec pair's name) when the answers differ. */
    public void check(String what, String subject, Case c, Case.Answers answers, Function<Case, Case.Answers> compare) {
        Optional<String> d = answers.diff();
        d.ifPresent(diff -> found.add(new Found(what, subject, c, compare, diff)));
    }

    /**
     * With {@code -Dparity.survey=true} a property does not fail: it records one example of each kind
     * of mismatch and prints them when the JVM ends, to see every kind in one run.
     */
    static final boolean SURVEY = Boolean.getBoolean("parity.survey");
    private static final java.util.Map<String, String> SURVEYED = new java.util.TreeMap<>();
    private static final java.util.Map<String, Integer> COUNTS = new java.util.TreeMap<>();

    /** Prints (and forgets) the surveyed mismatches; each property class calls it when it ends. */
    public static void printSurvey() {
        synchronized (SURVEYED) {
            SURVEYED.forEach((k, v) -> System.out.println("[survey] " + COUNTS.get(k) + "x " + Texts.printable(k + "\n" + v) + "\n"));
            SURVEYED.clear();
            COUNTS.clear();
        }
    }

    private void survey() {
        synchronized (SURVEYED) {
            for (Found f : found) {
                String kind = f.what().replaceAll(": variable .*", ": variable") + " | " + f.diff().split("\n")[0].replaceAll("\"[^\"]*\"", "\"..\"");
                COUNTS.merge(kind, 1, Integer::sum);
                SURVEYED.computeIfAbsent(kind, k -> f.diff() + "\n" + f.c().replay());
            }
        }
    }

    /** Fails with the first mismatch, minimized, when there is one. */
    public void assertNone() {
        if (found.isEmpty()) {
            return;
        }
        if (SURVEY) {
            survey();
            return;
        }
        Found first = found.get(0);
        Case small = first.c().minimize(first.compare());
        Case.Answers a = first.compare().apply(small);
        String diff = a.diff().orElse(first.diff());
        FailureLog.add(foundBy, first.what(), first.subject(), small, a);
        throw new AssertionError(Texts.printable(first.what() + ": " + diff
                + "\nminimal replay (oracle answer: " + a.expected() + "):\n" + small.replay()
                + (found.size() > 1 ? "\n(" + (found.size() - 1) + " more mismatches in this try)" : "")));
    }
}

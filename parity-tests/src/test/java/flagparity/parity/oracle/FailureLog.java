package flagparity.parity.oracle;

import flagparity.workloads.gen.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimized failures of the property running now, written as regression file candidates to
 * {@code target/parity-failures/} once the property ends and its seed is known (see
 * {@link SaveFailures}). Copy one into {@code src/test/resources/regressions/} to keep it.
 */
public final class FailureLog {
    private FailureLog() {}

    record Entry(String foundBy, String what, String subject, Case c, Case.Answers answers) {}

    private static final List<Entry> PENDING = new ArrayList<>();

    static synchronized void add(String foundBy, String what, String subject, Case c, Case.Answers answers) {
        PENDING.add(new Entry(foundBy, what, subject, c, answers));
    }

    /** Writes the pending failures with {@code seed}; returns the files written. */
    static synchronized List<Path> flush(String seed) {
        List<Path> written = new ArrayList<>();
        try {
            Path dir = Path.of("target", "parity-failures");
            Files.createDirectories(dir);
            for (Entry e : PENDING) {
                String name = e.foundBy() + "-" + Integer.toHexString((e.c().config() + e.c().user() + e.c().key()).hashCode());
                Path file = dir.resolve(name + ".json");
                Files.writeString(file, Texts.printable(e.c().toRegressionJson(name, seed, e.foundBy() + ": " + e.what(), e.subject(),
                        e.answers().expected(), e.answers().actual(), "TODO: the cause, from the core's source")), StandardCharsets.UTF_8);
                written.add(file);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            PENDING.clear();
        }
        return written;
    }
}

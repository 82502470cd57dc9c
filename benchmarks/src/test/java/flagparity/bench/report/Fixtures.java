package flagparity.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The test fixtures: {@code run/}, a run folder written by {@code report --smoke} on this project's
 * machine (shortest settings, a loaded machine: the numbers mean nothing, the formats are real), and
 * {@code compare/}, JMH results of a tiny real run with three measured iterations, so they carry JMH errors.
 */
final class Fixtures {
    static final String RUN_ID = "20261126-060412-smoke";

    private Fixtures() {}

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy of the fixture run at {@code dir/runs/RUN_ID}. */
    static Path copyRun(Path dir) {
        Path target = dir.resolve("runs").resolve(RUN_ID);
        copy(resource("run"), target);
        return target;
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

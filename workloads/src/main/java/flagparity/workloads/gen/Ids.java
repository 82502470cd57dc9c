package flagparity.workloads.gen;

import java.util.HashSet;
import java.util.Set;

/** Fresh 24-hex-digit ids, the shape of DevCycle's (MongoDB) ids, none given twice in a config. */
final class Ids {
    private final Choices c;
    private final Set<String> given = new HashSet<>();

    Ids(Choices c) {
        this.c = c;
    }

    String next() {
        while (true) {
            String id = c.hex(24);
            if (given.add(id)) {
                return id;
            }
        }
    }
}

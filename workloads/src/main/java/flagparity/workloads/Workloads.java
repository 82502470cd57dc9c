package flagparity.workloads;

import flagparity.reference.api.User;
import flagparity.reference.api.JsonCodec;
import flagparity.workloads.gen.Users;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in workloads: DevCycle server configs generated deterministically by
 * {@link SeededWorkload} in several sizes, DevCycle's own large test config ({@link #DEVCYCLE_LARGE},
 * vendored), and the users that look flags up in them.
 */
public final class Workloads {
    /** The user of every headline benchmark (DESIGN.md). */
    public static final String DEFAULT_USER_JSON = "{\"user_id\":\"12345\",\"email\":\"some.user@gmail.com\"}";
    /**
     * A Boolean variable that {@link #DEFAULT_USER_JSON} is served on every built-in workload, after
     * the lookup has gone through a couple of targets that do not match that user.
     */
    public static final String DEFAULT_KEY = SeededWorkload.DEFAULT_KEY;

    /**
     * DevCycle's own large test config, the one their Java SDK's benchmark tool times with key
     * {@code v-key-25} and {@link #DEFAULT_USER_JSON} (origin, sha256 and licence: the README beside it).
     */
    public static final String DEVCYCLE_LARGE = "devcycle-large";
    private static final String DEVCYCLE_LARGE_RESOURCE = "/flagparity/workloads/devcycle/fixture_large_config.json";

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Workloads() {}

    /** The built-in workload names: the generated ones smallest first, then DevCycle's. */
    public static List<String> builtInNames() {
        List<String> names = new ArrayList<>(SeededWorkload.Size.ids());
        names.add(DEVCYCLE_LARGE);
        return Collections.unmodifiableList(names);
    }

    /**
     * The config JSON of a built-in workload, or else of the file at {@code nameOrPath} (UTF-8).
     *
     * @throws IllegalArgumentException when it is neither a built-in name nor a readable file
     */
    public static String config(String nameOrPath) {
        SeededWorkload.Size size = SeededWorkload.Size.byId(nameOrPath);
        if (size != null) {
            return CACHE.computeIfAbsent(size.id(), id -> SeededWorkload.generate(size, SeededWorkload.SEED));
        }
        if (DEVCYCLE_LARGE.equals(nameOrPath)) {
            return CACHE.computeIfAbsent(DEVCYCLE_LARGE, id -> resource(DEVCYCLE_LARGE_RESOURCE));
        }
        Path file = Path.of(nameOrPath);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("\"" + nameOrPath + "\" is neither a built-in workload ("
                    + String.join(", ", builtInNames()) + ") nor a file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the config " + file + ": " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Workloads.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the build lost the resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + name, e);
        }
    }

    /**
     * A deterministic user: the default user ({@link #DEFAULT_USER_JSON}) for 0, and for n > 0 that
     * user with name, country, language, app version and build, and n custom-data keys of mixed
     * types (String, integer, float, Boolean, and a null), some of which the workloads' filters read.
     */
    public static User user(int customDataKeys) {
        if (customDataKeys < 0) {
            throw new IllegalArgumentException("customDataKeys must be >= 0, not " + customDataKeys);
        }
        User.Builder b = User.builder("12345").email("some.user@gmail.com");
        if (customDataKeys == 0) {
            return b.build();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < customDataKeys; i++) {
            data.put(Users.realisticCustomDataKey(i), Users.realisticCustomDataValue(i));
        }
        return b.name("Some User").country("US").language("en").appVersion("4.2.1").appBuild(421)
                .customData(data).build();
    }

    /** {@link #user(int)} in the core's JSON form. */
    public static String userJson(int customDataKeys) {
        return customDataKeys == 0 ? DEFAULT_USER_JSON : JsonCodec.writeUser(user(customDataKeys));
    }
}

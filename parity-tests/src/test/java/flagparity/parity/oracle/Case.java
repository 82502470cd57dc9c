package flagparity.parity.oracle;

import flagparity.workloads.gen.Texts;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import flagparity.reference.ReferenceEvaluator;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.VariableType;
import flagparity.reference.api.JsonCodec;
import flagparity.wasm.engine.CoreBuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One check that can be replayed on its own: a core version, a config, a clock time, platform data
 * and what is asked (a variable, a bucketed config, or only whether the config is accepted). It is
 * what a failing property reports, minimizes and saves as a regression file.
 *
 * <p>JSON texts are kept as texts: a config or user may spell a number as {@code -0} or
 * {@code 1e2}, which a round trip through a JSON tree would change.
 */
public final class Case {
    public enum Check { VARIABLE, BUCKETED_CONFIG, SET_CONFIG }

    /** The two answers a comparison puts side by side: the oracle's and the subject's. */
    public record Answers(Outcome expected, Outcome actual) {
        Optional<String> diff() {
            return ResultDiff.diff(expected, actual);
        }
    }

    private final Check check;
    private final String config;
    private final long now;
    private final String platformData;
    private final String user;
    private final String key;
    private final VariableType type;
    private final String clientCustomData;
    private final CoreVersion version;

    public Case(Check check, String config, long now, String platformData, String user, String key, VariableType type) {
        this(check, config, now, platformData, user, key, type, null, OLDEST);
    }

    /** The version a case is of unless it says otherwise: the one regression files from before versions were found on. */
    private static final CoreVersion OLDEST = CoreVersion.values()[0];

    private Case(Check check, String config, long now, String platformData, String user, String key, VariableType type,
            String clientCustomData, CoreVersion version) {
        this.version = version;
        this.check = check;
        this.config = config;
        this.now = now;
        this.platformData = platformData;
        this.user = user;
        this.key = key;
        this.type = type;
        this.clientCustomData = clientCustomData;
    }

    public static Case variable(String config, long now, String platformData, String user, String key, VariableType type) {
        return new Case(Check.VARIABLE, config, now, platformData, user, key, type);
    }

    public static Case bucketedConfig(String config, long now, String platformData, String user) {
        return new Case(Check.BUCKETED_CONFIG, config, now, platformData, user, null, null);
    }

    public static Case setConfig(String config, long now, String platformData) {
        return new Case(Check.SET_CONFIG, config, now, platformData, null, null, null);
    }

    public Check check() { return check; }
    public String config() { return config; }
    public long now() { return now; }
    public String platformData() { return platformData; }
    public String user() { return user; }
    public String key() { return key; }
    public VariableType type() { return type; }
    /** The client custom data (a flat JSON object), or {@code null} for none. */
    public String clientCustomData() { return clientCustomData; }
    /** The core version whose answer this case asks for. */
    public CoreVersion version() { return version; }

    /** This case with client custom data ({@code null}: none). */
    public Case withClientCustomData(String json) {
        return new Case(check, config, now, platformData, user, key, type, json, version);
    }

    /** This case under core {@code v}. */
    public Case on(CoreVersion v) {
        return new Case(check, config, now, platformData, user, key, type, clientCustomData, v);
    }

    Case withConfig(String c) {
        return new Case(check, c, now, platformData, user, key, type, clientCustomData, version);
    }

    Case withUser(String u) {
        return new Case(check, config, now, platformData, u, key, type, clientCustomData, version);
    }

    /** The core's answer (the oracle, which must run this case's version). A config the core rejects is the answer to every check. */
    public Outcome core(CoreOracle core, MutableClock clock) {
        if (core.version() != version) {
            throw new IllegalArgumentException("a case of core " + version + " asked of core " + core.version());
        }
        clock.set(now);
        core.setPlatformData(platformData);
        core.setClientCustomData(clientCustomData);
        Outcome accepted = core.setConfig(config);
        if (check == Check.SET_CONFIG || accepted.kind() == Outcome.Kind.ERROR) {
            return accepted;
        }
        return check == Check.VARIABLE ? core.variable(user, key, type).asApiVariable() : core.bucketedConfig(user);
    }

    /** The last reference evaluator made, kept while the config, platform data and clock stay the same. */
    private static ReferenceEvaluator lastReference;
    private static Outcome lastAccepted;
    private static String lastKey;

    /** The reference's answer (the subject), from the same texts. */
    public Outcome reference(MutableClock clock) {
        clock.set(now);
        String cacheKey = System.identityHashCode(clock) + "\n" + version + "\n" + platformData + "\n" + clientCustomData
                + "\n" + config;
        if (!cacheKey.equals(lastKey)) {
            ReferenceEvaluator fresh = new ReferenceEvaluator(version, JsonCodec.parsePlatformData(platformData), clock);
            if (clientCustomData != null) {
                fresh.setClientCustomData(clientCustomData);
            }
            lastAccepted = Outcome.of(() -> {
                fresh.setConfig(config);
                return "{}";
            });
            lastReference = fresh;
            lastKey = cacheKey;
        }
        ReferenceEvaluator ref = lastReference;
        Outcome accepted = lastAccepted;
        if (check == Check.SET_CONFIG || accepted.kind() == Outcome.Kind.ERROR) {
            return accepted;
        }
        if (check == Check.VARIABLE) {
            return Outcome.ofVariable(() -> ref.variable(JsonCodec.parseUser(user), key, type));
        }
        return Outcome.of(() -> ref.bucketedConfig(JsonCodec.parseUser(user)));
    }

    /** The core against the reference. */
    public static Function<Case, Answers> coreVersusReference(CoreOracle core, MutableClock clock) {
        return c -> new Answers(c.core(core, clock), c.reference(clock));
    }

    /**
     * The smallest case (config first, then user) that still fails {@code compare} the same way:
     * the same outcome kinds on both sides.
     */
    public Case minimize(Function<Case, Answers> compare) {
        Answers original = compare.apply(this);
        Function<Case, Boolean> same = c -> {
            Answers a = compare.apply(c);
            return a.expected().kind() == original.expected().kind() && a.actual().kind() == original.actual().kind()
                    && a.diff().isPresent();
        };
        Case current = this;
        JsonNode configTree = tree(config);
        if (configTree != null) {
            Case base = current;
            JsonNode smaller = Minimizer.minimize(configTree, t -> same.apply(base.withConfig(text(t))), List.of());
            if (same.apply(current.withConfig(text(smaller)))) {
                current = current.withConfig(text(smaller));
            }
        }
        JsonNode userTree = user == null ? null : tree(user);
        if (userTree != null) {
            Case base = current;
            JsonNode smaller = Minimizer.minimize(userTree, t -> same.apply(base.withUser(text(t))), List.of("user_id"));
            if (same.apply(current.withUser(text(smaller)))) {
                current = current.withUser(text(smaller));
            }
        }
        return current;
    }

    /**
     * Parses a text as a tree that writes back to the same text, numbers kept as they are spelled;
     * {@code null} when there is no such tree (not JSON, duplicate keys, unusual escapes).
     */
    static JsonNode tree(String json) {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode t = read(p);
            if (p.nextToken() != null) {
                return null;
            }
            return text(t).equals(json) ? t : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A tree's JSON text as a file or request line holds it (see {@link Texts#printable}). */
    private static String text(JsonNode t) {
        return Texts.printable(t.toString());
    }

    private static JsonNode read(JsonParser p) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (o.has(name)) {
                        throw new IOException("duplicate key " + name);
                    }
                    o.set(name, read(p));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = f.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p));
                }
                return a;
            }
            case VALUE_STRING: return f.textNode(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return f.rawValueNode(new RawValue(p.getText()));
            case VALUE_TRUE: return f.booleanNode(true);
            case VALUE_FALSE: return f.booleanNode(false);
            case VALUE_NULL: return f.nullNode();
            default: throw new IOException("unexpected " + p.currentToken());
        }
    }

    /** The {@code requests.jsonl} line (or {@code users.jsonl} line) of this case. */
    public String requestLine() {
        if (check == Check.VARIABLE) {
            return "{\"user\":" + user + ",\"key\":" + quote(key) + ",\"type\":\"" + type.name() + "\"}";
        }
        return user;
    }

    /** How to replay this case with the command-line tool. */
    public String replay() {
        String pd = " --core " + version + " --platform-data '" + platformData.replace("'", "'\\''") + "'"
                + (clientCustomData == null ? "" : " (and client custom data " + clientCustomData + ": the tool has no option for it)");
        switch (check) {
            case VARIABLE:
                return "config.json: " + config + "\nrequests.jsonl: " + requestLine()
                        + "\njava -jar benchmarks/target/flagparity.jar eval --config config.json --now " + now + pd + " < requests.jsonl";
            case BUCKETED_CONFIG:
                return "config.json: " + config + "\nusers.jsonl: " + user
                        + "\njava -jar benchmarks/target/flagparity.jar bucket --config config.json --now " + now + pd + " < users.jsonl";
            default:
                return "config.json: " + config
                        + "\njava -jar benchmarks/target/flagparity.jar eval --config config.json --now " + now + pd + " < /dev/null";
        }
    }

    /**
     * The regression file of this case: what {@code subject} (the reference, or an engine x codec
     * pair) answered when the mismatch was found, and the oracle's answer.
     */
    public String toRegressionJson(String name, String seed, String foundBy, String subject, Outcome oracle, Outcome actual,
            String cause) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"name\": ").append(quote(name)).append(",\n");
        sb.append("  \"seed\": ").append(quote(seed)).append(",\n");
        sb.append("  \"foundBy\": ").append(quote(foundBy)).append(",\n");
        sb.append("  \"subject\": ").append(quote(subject)).append(",\n");
        sb.append("  \"cause\": ").append(quote(cause)).append(",\n");
        sb.append("  \"check\": \"").append(check.name()).append("\",\n");
        sb.append("  \"core\": \"").append(version.id()).append("\",\n");
        sb.append("  \"now\": ").append(now).append(",\n");
        sb.append("  \"platformData\": ").append(platformData).append(",\n");
        if (clientCustomData != null) {
            sb.append("  \"clientCustomData\": ").append(clientCustomData).append(",\n");
        }
        sb.append("  \"config\": ").append(config).append(",\n");
        if (user != null) {
            sb.append("  \"user\": ").append(user).append(",\n");
        }
        if (key != null) {
            sb.append("  \"key\": ").append(quote(key)).append(",\n");
            sb.append("  \"type\": \"").append(type.name()).append("\",\n");
        }
        sb.append("  \"oracle\": ").append(oracle).append(",\n");
        sb.append("  \"subjectWhenFound\": ").append(actual).append("\n}\n");
        return sb.toString();
    }

    /** A regression file's fields; config, user and platform data keep their exact text. */
    public static Map<String, String> parseRegression(String text) {
        Map<String, String> raw = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a regression file holds one JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                int start = (int) p.currentTokenLocation().getCharOffset();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    int end = (int) p.currentLocation().getCharOffset();
                    raw.put(field, text.substring(start, end));
                } else if (t == JsonToken.VALUE_STRING) {
                    raw.put(field, p.getText());
                } else {
                    int end = (int) p.currentLocation().getCharOffset();
                    raw.put(field, text.substring(start, end));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return raw;
    }

    /** The case a regression file describes ({@link #versionOf}). */
    public static Case fromRegression(Map<String, String> f) {
        Check check = Check.valueOf(f.get("check"));
        return new Case(check, f.get("config"), Long.parseLong(f.get("now")), f.get("platformData"), f.get("user"), f.get("key"),
                f.get("type") == null ? null : VariableType.parse(f.get("type")), f.get("clientCustomData"), versionOf(f));
    }

    /** The core version a regression file is of ({@link #buildOf}'s version: the builds answer alike). */
    public static CoreVersion versionOf(Map<String, String> f) {
        return buildOf(f).version();
    }

    /**
     * The core build a regression file's subject runs: its {@code "core"} ({@code 1.42.8}, or a fixed
     * build such as {@code 1.42.8-d7fix} for a raw protobuf pair), or 1.32.0 for a file without one.
     */
    public static CoreBuild buildOf(Map<String, String> f) {
        return f.get("core") == null ? CoreBuild.of(OLDEST) : CoreBuild.parse(f.get("core"));
    }

    private static String quote(String s) {
        try {
            return JsonCodec.mapper().writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

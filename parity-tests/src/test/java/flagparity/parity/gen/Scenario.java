package flagparity.parity.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flagparity.reference.api.VariableType;
import java.util.ArrayList;
import java.util.List;

/**
 * One try of a parity property: a config, a clock time, platform data and a batch of requests (users
 * x keys). Its {@link #toString()} is the replay: the config file, the {@code --now} and
 * {@code --platform-data} values and the {@code requests.jsonl} lines of the {@code eval} command.
 */
public final class Scenario {
    /** One lookup: the user (by index), the variable key and the type asked for. */
    public record Request(int user, String key, VariableType type) {}

    private final String config;
    private final long now;
    private final String platformData;
    private final List<ObjectNode> users;
    private final List<Request> requests;

    public Scenario(String config, long now, String platformData, List<ObjectNode> users, List<Request> requests) {
        this.config = config;
        this.now = now;
        this.platformData = platformData;
        this.users = List.copyOf(users);
        this.requests = List.copyOf(requests);
    }

    public String config() { return config; }
    public long now() { return now; }
    public String platformData() { return platformData; }
    public List<ObjectNode> users() { return users; }
    public List<String> userJsons() {
        List<String> out = new ArrayList<>();
        for (ObjectNode u : users) {
            out.add(u.toString());
        }
        return out;
    }
    public List<Request> requests() { return requests; }

    /** The same scenario with only the given user and request: what a failure report shows. */
    public Scenario only(Request r) {
        return new Scenario(config, now, platformData, List.of(users.get(r.user())), List.of(new Request(0, r.key(), r.type())));
    }

    /** The {@code requests.jsonl} line of a request. */
    public String requestLine(Request r) {
        ObjectNode line = Json.object();
        line.set("user", users.get(r.user()));
        line.put("key", r.key());
        line.put("type", r.type().name());
        return line.toString();
    }

    /** How to replay a request with the command-line tool. */
    public String replay(Request r) {
        return "config.json:\n" + config + "\n"
                + "requests.jsonl:\n" + requestLine(r) + "\n"
                + "java -jar benchmarks/target/flagparity.jar eval --config config.json --now " + now
                + " --platform-data '" + platformData.replace("'", "'\\''") + "' < requests.jsonl";
    }

    /** How to replay {@code bucket} for a user. */
    public String replayBucket(int user) {
        return "config.json:\n" + config + "\n"
                + "users.jsonl:\n" + users.get(user) + "\n"
                + "java -jar benchmarks/target/flagparity.jar bucket --config config.json --now " + now
                + " --platform-data '" + platformData.replace("'", "'\\''") + "' < users.jsonl";
    }

    /** The variable keys of the config (what requests mostly ask for). */
    static List<String> variableKeys(JsonNode config) {
        List<String> keys = new ArrayList<>();
        for (JsonNode v : config.path("variables")) {
            keys.add(v.path("key").asText());
        }
        return keys;
    }

    /** A summary: jqwik prints it for a failing sample; the failure message holds the minimized replay. */
    @Override
    public String toString() {
        return "Scenario{config " + config.length() + " chars, now " + now + ", " + users.size() + " users, "
                + requests.size() + " requests; platform data " + platformData + "}";
    }
}

package flagparity.parity.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flagparity.reference.api.VariableType;
import flagparity.workloads.gen.Json;
import flagparity.workloads.gen.Texts;
import java.util.ArrayList;
import java.util.List;

/**
 * One try of a parity property: a config, a clock time, platform data and a batch of requests (users
 * x keys). A failing request becomes a {@link flagparity.parity.oracle.Case}, which is minimized and
 * replayed on its own.
 */
public final class Scenario {
    /** One lookup: the user (by index), the variable key and the type asked for. */
    public record Request(int user, String key, VariableType type) {}

    private final String config;
    private final long now;
    private final String platformData;
    private final List<ObjectNode> users;
    private final List<Request> requests;
    private final String clientCustomData;

    public Scenario(String config, long now, String platformData, List<ObjectNode> users, List<Request> requests,
            String clientCustomData) {
        this.clientCustomData = clientCustomData;
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
    /** The users' JSON texts as a request line holds them (see {@link Texts#printable}). */
    public List<String> userJsons() {
        List<String> out = new ArrayList<>();
        for (ObjectNode u : users) {
            out.add(Texts.printable(u.toString()));
        }
        return out;
    }
    public List<Request> requests() { return requests; }
    /** The client custom data (a flat JSON object), or {@code null} for none. */
    public String clientCustomData() { return clientCustomData; }

    /**
     * The whole try as one JSON document (config, clock, platform data, client custom data, users and
     * the requests in order): what replays a failure that depends on the calls before it.
     */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\n  \"now\": ").append(now)
                .append(",\n  \"platformData\": ").append(platformData)
                .append(",\n  \"clientCustomData\": ").append(clientCustomData)
                .append(",\n  \"config\": ").append(config)
                .append(",\n  \"users\": [");
        List<String> texts = userJsons();
        for (int i = 0; i < texts.size(); i++) {
            sb.append(i == 0 ? "\n    " : ",\n    ").append(texts.get(i));
        }
        sb.append("\n  ],\n  \"requests\": [");
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            ObjectNode o = Json.object();
            o.put("user", r.user());
            o.put("key", r.key());
            o.put("type", r.type().name());
            sb.append(i == 0 ? "\n    " : ",\n    ").append(Texts.printable(o.toString()));
        }
        return sb.append("\n  ]\n}\n").toString();
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
                + requests.size() + " requests; platform data " + platformData
                + (clientCustomData == null ? "" : "; client custom data " + clientCustomData) + "}";
    }
}

package flagparity.openfeature.source;

import java.util.Objects;

/** One fixed config text, offered once at start: for tests and for configs built in code. */
public final class StaticConfigSource implements ConfigSource {
    private final String configJson;

    public StaticConfigSource(String configJson) {
        this.configJson = Objects.requireNonNull(configJson, "configJson");
    }

    @Override
    public void start(Sink sink) {
        if (!sink.offer(configJson)) {
            sink.fatal("the static config was rejected");
        }
    }

    @Override
    public void close() {}

    @Override
    public String describe() {
        return "a static config";
    }
}

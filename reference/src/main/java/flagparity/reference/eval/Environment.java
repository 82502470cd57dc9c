package flagparity.reference.eval;

import flagparity.reference.api.PlatformData;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What an evaluation reads besides the user and the config: platform data (for {@code platform}
 * and {@code platformVersion} filters), the client custom data (the fallback for custom-data
 * filters) and the clock (for rollouts). Immutable.
 */
public final class Environment {
    private final PlatformData platformData;
    private final Map<String, Object> clientCustomData;
    private final Clock clock;

    /**
     * @param clientCustomData values are String, Boolean, Long, Double, null (JSON null), or a Map or
     *     List (nested JSON, which the core accepts here and no filter matches); never mutated
     */
    public Environment(PlatformData platformData, Map<String, Object> clientCustomData, Clock clock) {
        this.platformData = Objects.requireNonNull(platformData, "platformData");
        this.clientCustomData = Objects.requireNonNull(clientCustomData, "clientCustomData");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PlatformData platformData() { return platformData; }
    public Map<String, Object> clientCustomData() { return clientCustomData; }
    public Clock clock() { return clock; }

    public Environment withClientCustomData(Map<String, Object> data) {
        return new Environment(platformData, data, clock);
    }
}

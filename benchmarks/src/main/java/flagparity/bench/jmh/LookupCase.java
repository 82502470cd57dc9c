package flagparity.bench.jmh;

import flagparity.workloads.Workloads;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One (config, key, user) lookup of the report's headline spread. The cost of a lookup depends on
 * where the key's feature sits in the config, which audiences the evaluation crosses and what the
 * user carries, so the headline is a spread over these cases rather than one lookup. Every case runs
 * on the {@code large} workload (80 features, 85 variables, 20 audiences; see the report for its
 * shape); what each case claims about its key and user is checked by {@code LookupCaseTest} against
 * the generated config and the reference.
 *
 * @param served false when the answer is meant to be {@code null} (an unknown key)
 * @param what the case in a few words, for the report
 */
public record LookupCase(String id, String config, String user, String key, boolean served, String what) {

    /** The minimal user: an id and nothing else. */
    static final String MINIMAL_USER = "{\"user_id\":\"12345\"}";
    /** A key no workload has. */
    static final String UNKNOWN_KEY = "no-such-variable";

    /** The headline spread, in the order the report lists it. */
    public static final List<LookupCase> SPREAD = List.of(
            new LookupCase("front", "large", MINIMAL_USER, "payments-dark-mode-settings", true,
                    "JSON variable of feature 1 of 80 (served to this user), minimal user"),
            new LookupCase("middle", "large", Workloads.DEFAULT_USER_JSON, "settings-experiment-variant", true,
                    "String variable of feature 44 of 80, user with id and email"),
            new LookupCase("last", "large", Workloads.DEFAULT_USER_JSON, "dashboard-banner-enabled", true,
                    "Boolean variable of feature 80 of 80, user with id and email"),
            new LookupCase("headline", "large", Workloads.DEFAULT_USER_JSON, Workloads.DEFAULT_KEY, true,
                    "Boolean variable served after two targets that do not match (earlier reports' one case)"),
            new LookupCase("custom-data", "large", Workloads.userJson(5), "editor-ranking-enabled", true,
                    "Boolean variable whose audience filters on custom data; user with 5 customData fields"),
            new LookupCase("unknown-key", "large", Workloads.DEFAULT_USER_JSON, UNKNOWN_KEY, false,
                    "a key the config does not have (answer: none)"),
            new LookupCase("user-10cd", "large", Workloads.userJson(10), Workloads.DEFAULT_KEY, true,
                    "headline key, user with 10 customData fields"),
            new LookupCase("user-10cd-5private", "large", withPrivateCustomData(Workloads.userJson(10), 5),
                    Workloads.DEFAULT_KEY, true, "headline key, user with 10 customData and 5 privateCustomData fields"));

    /**
     * A user of DevCycle's config with 5 customData fields that its filters read ({@code data-key-N}, all
     * of its custom-data filters are on String keys); {@code data-key-6} puts it in the audience that
     * serves {@code v-key-80}.
     */
    static final String DEVCYCLE_5CD_USER = "{\"user_id\":\"12345\",\"email\":\"some.user@gmail.com\",\"customData\":{"
            + "\"data-key-6\":\"iYI6uwZed0ip\",\"data-key-8\":\"not-listed\",\"data-key-12\":\"x7\","
            + "\"data-key-1\":\"some text\",\"data-key-9\":\"\"}}";

    /**
     * Issue 16's lookups on DevCycle's own large test config ({@link Workloads#DEVCYCLE_LARGE}): the
     * key their SDK's benchmark times, and the keys measured with a user carrying custom data. Not
     * part of the report's spread; run them by id ({@code -p lookupCase=dvc-v-key-25,...}).
     */
    public static final List<LookupCase> DEVCYCLE = List.of(
            new LookupCase("dvc-v-key-25", Workloads.DEVCYCLE_LARGE, Workloads.DEFAULT_USER_JSON, "v-key-25", true,
                    "DevCycle's benchmark lookup: Boolean of feature 1 of 79, after a user_id target that does not match"),
            new LookupCase("dvc-v-key-25-5cd", Workloads.DEVCYCLE_LARGE, DEVCYCLE_5CD_USER, "v-key-25", true,
                    "the same key, user with 5 customData fields"),
            new LookupCase("dvc-v-key-58-5cd", Workloads.DEVCYCLE_LARGE, DEVCYCLE_5CD_USER, "v-key-58", true,
                    "Boolean of feature 61 of 79 (one all-users target), user with 5 customData fields"),
            new LookupCase("dvc-v-key-80-5cd", Workloads.DEVCYCLE_LARGE, DEVCYCLE_5CD_USER, "v-key-80", true,
                    "Boolean of feature 22 of 79 served by an audience on customData data-key-6, user with 5 customData fields"));

    /** The case with this id, of {@link #SPREAD} or {@link #DEVCYCLE}. */
    public static LookupCase byId(String id) {
        return all().filter(c -> c.id.equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no lookup case \"" + id + "\" (expected one of " + ids() + ")"));
    }

    public static String ids() {
        return all().map(LookupCase::id).collect(Collectors.joining(","));
    }

    private static Stream<LookupCase> all() {
        return Stream.concat(SPREAD.stream(), DEVCYCLE.stream());
    }

    /** {@code user} (JSON text of an object) with {@code n} privateCustomData fields of mixed types added at its end. */
    static String withPrivateCustomData(String user, int n) {
        StringBuilder b = new StringBuilder(user.substring(0, user.lastIndexOf('}'))).append(",\"privateCustomData\":{");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("\"private_").append(i).append("\":");
            b.append(i % 3 == 0 ? "\"v" + i + "\"" : i % 3 == 1 ? Integer.toString(i * 7) : "true");
        }
        return b.append("}}").toString();
    }
}

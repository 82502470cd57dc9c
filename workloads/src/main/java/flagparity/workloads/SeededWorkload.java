package flagparity.workloads;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates DevCycle server configs (the JSON its CDN serves, {@code configBodyV2}) from a seed, so
 * every benchmark and test runs on the same bytes: the benchmarks' named workloads are its sizes at
 * {@link #SEED}, and the parity tests prove the reference against the core on those and on other seeds.
 *
 * <p>The configs use what the core evaluates: config-level audiences referenced by
 * {@code audienceMatch} filters (some audiences nest others), features of every type with 2-4
 * variations carrying Boolean, Number, String and JSON variables, targets filtering on user fields,
 * custom data of each data type, platform, app and platform versions, nested {@code and}/{@code or}
 * operators, custom bucketing keys, schedule, gradual and stepped rollouts, and distributions.
 * Dates fall between 2023 and 2031, so with the system clock some rollouts have started and some
 * have not; pin the clock to compare runs made on different days.
 *
 * <p>The feature carrying {@link #DEFAULT_KEY} serves it to the default user only after two
 * targets that do not match that user (an {@code audienceMatch} on an internal audience and a
 * country/app version target under a gradual rollout), then an "all users" target at 100%.
 *
 * <p>Why one long class: every part of a config draws from one {@link Random} stream in a fixed
 * order, so the pinned bytes of the named workloads depend on the order of these methods; split
 * across classes, that order would be easy to change by accident.
 *
 * <p>Determinism: {@link java.util.Random} (its algorithm is part of its specification), a fixed
 * field order, and no reliance on the clock, locale or hash ordering.
 */
public final class SeededWorkload {
    /** The seed of the named workloads ({@link Workloads#config}): they are this generator at this seed. */
    public static final long SEED = 42;
    static final String DEFAULT_KEY = "checkout-redesign-enabled";

    /**
     * The built-in sizes; large matches a real large DevCycle config (~220 KB). With seed 42: small
     * 12.8 KB (6 features, 6 variables, 12 targets), medium 57.6 KB (24, 26, 48), large 212 KB (80,
     * 85, 159), xlarge 5.0 MB (2,000, 2,125, 3,861).
     */
    public enum Size {
        SMALL("small", 6, 4),
        MEDIUM("medium", 24, 6),
        LARGE("large", 80, 20),
        XLARGE("xlarge", 2000, 40);

        private final String id;
        final int features;
        final int audiences;

        Size(String id, int features, int audiences) {
            this.id = id;
            this.features = features;
            this.audiences = audiences;
        }

        public String id() {
            return id;
        }

        public static Size byId(String id) {
            for (Size s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            return null;
        }
    }

    /** Custom data the targets filter on: key, type. The first keys of {@link Workloads#user(int)}. */
    private static final String[][] CUSTOM_DATA = {
        {"plan", "String"}, {"signup_days", "Number"}, {"beta_tester", "Boolean"}, {"company_id", "String"},
        {"seats", "Number"}, {"is_admin", "Boolean"}, {"region", "String"}, {"score", "Number"},
    };
    private static final String[] PLANS = {"free", "starter", "pro", "team", "enterprise"};
    private static final String[] REGIONS = {"us-east", "us-west", "eu-central", "ap-south"};
    private static final String[] COUNTRIES = {"US", "CA", "GB", "DE", "FR", "NL", "SE", "JP", "AU", "BR", "IN",
        "MX", "ES", "IT"};
    private static final String[] PLATFORMS = {"Java", "Node.js", "Python", "Go", "iOS", "Android", "web"};
    private static final String[] DEVICES = {"iPhone15,2", "iPhone14,5", "Pixel 8", "SM-S918B", "iPad13,8"};
    private static final String[] EMAIL_DOMAINS = {"@acme.com", "@globex.io", "@initech.net", "@umbrella.org",
        "@hooli.com", "@flagparity.dev"};
    private static final String[] AREAS = {"checkout", "search", "onboarding", "pricing", "billing", "profile",
        "inbox", "dashboard", "reports", "settings", "sharing", "export", "import", "payments", "cart",
        "notifications", "recommendations", "feed", "editor", "calendar"};
    private static final String[] CHANGES = {"redesign", "v2", "fast-path", "beta", "rollout", "experiment",
        "refresh", "kill-switch", "migration", "limits", "banner", "tour", "ranking", "cache", "dark-mode"};
    private static final String[] FEATURE_TYPES = {"release", "release", "release", "experiment", "experiment",
        "permission", "ops", "ops"};
    private static final String[] VARIABLE_TYPES = {"Boolean", "Boolean", "Boolean", "Boolean", "String",
        "String", "Number", "Number", "JSON", "JSON"};
    /** Splits whose sum is exactly 1.0 in any order (dyadic fractions), so no user falls off the end. */
    private static final double[][] SPLITS = {
        {0.5, 0.5}, {0.75, 0.25}, {0.875, 0.125}, {0.5, 0.25, 0.25}, {0.25, 0.25, 0.25, 0.25},
    };
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final long DAY_MS = 86_400_000L;
    private static final long EPOCH_2023 = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();

    private final Random random;
    private final JsonGenerator g;
    private final Set<String> ids = new HashSet<>();
    private final Set<String> keys = new HashSet<>();
    private final List<String> audienceIds = new ArrayList<>();
    private final List<String[]> variables = new ArrayList<>();
    private String internalAudienceId;

    private SeededWorkload(long seed, JsonGenerator g) {
        this.random = new Random(seed);
        this.g = g;
    }

    /** The {@code i}-th custom-data key of a generated user. */
    static String customDataKey(int i) {
        return i < CUSTOM_DATA.length ? CUSTOM_DATA[i][0] : "attr_" + i;
    }

    /**
     * The {@code i}-th custom-data value of a generated user. The known keys get values of their
     * type (so targets that read them are evaluated, but none matches the default key's targets);
     * the others cycle through String, integer, float, Boolean and null.
     */
    static Object userCustomDataValue(int i) {
        if (i < CUSTOM_DATA.length) {
            switch (CUSTOM_DATA[i][0]) {
                case "plan": return "free";
                case "signup_days": return 12L;
                case "beta_tester": return false;
                case "company_id": return "cmp-1042";
                case "seats": return 3L;
                case "is_admin": return true;
                case "region": return "us-east";
                default: return 0.42;
            }
        }
        switch (i % 5) {
            case 0: return "value-" + i;
            case 1: return (long) i * 7;
            case 2: return i + 0.25;
            case 3: return i % 2 == 0;
            default: return null;
        }
    }

    public static String generate(Size size, long seed) {
        StringWriter out = new StringWriter(size.features * 3000);
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            new SeededWorkload(seed, g).config(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void config(Size size) throws IOException {
        g.writeStartObject();
        project();
        g.writeObjectFieldStart("environment");
        g.writeStringField("_id", id());
        g.writeStringField("key", "production");
        g.writeEndObject();
        audiences(size.audiences);
        g.writeArrayFieldStart("features");
        int defaultFeature = size.features / 3;
        for (int i = 0; i < size.features; i++) {
            if (i == defaultFeature) {
                defaultFeature();
            } else {
                feature(i);
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("variables");
        for (String[] v : variables) {
            g.writeStartObject();
            g.writeStringField("_id", v[0]);
            g.writeStringField("key", v[1]);
            g.writeStringField("type", v[2]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void project() throws IOException {
        g.writeObjectFieldStart("project");
        g.writeStringField("_id", id());
        g.writeStringField("key", "flagparity-demo");
        g.writeStringField("a0_organization", "org_" + hex(16));
        g.writeObjectFieldStart("settings");
        g.writeObjectFieldStart("edgeDB");
        g.writeBooleanField("enabled", false);
        g.writeEndObject();
        g.writeObjectFieldStart("optIn");
        g.writeBooleanField("enabled", false);
        g.writeStringField("title", "Beta Feature Access");
        g.writeStringField("description", "Get early access to new features below");
        g.writeStringField("imageURL", "");
        g.writeObjectFieldStart("colors");
        g.writeStringField("primary", "#531cd9");
        g.writeStringField("secondary", "#16dec0");
        g.writeEndObject();
        g.writeEndObject();
        g.writeBooleanField("disablePassthroughRollouts", false);
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Config-level audiences; an audience may match an earlier one, so references never cycle. */
    private void audiences(int count) throws IOException {
        g.writeObjectFieldStart("audiences");
        internalAudienceId = id();
        g.writeObjectFieldStart(internalAudienceId);
        g.writeObjectFieldStart("filters");
        g.writeStringField("operator", "or");
        g.writeArrayFieldStart("filters");
        userFilter("email", "endWith", () -> g.writeString("@flagparity.dev"));
        userFilter("user_id", "=", () -> strings(12, () -> "qa-" + hex(8)));
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        audienceIds.add(internalAudienceId);
        for (int i = 1; i < count; i++) {
            String id = id();
            g.writeObjectFieldStart(id);
            g.writeObjectFieldStart("filters");
            operatorBody(random.nextInt(3) == 0 ? "or" : "and", 1 + random.nextInt(4), 0);
            g.writeEndObject();
            g.writeEndObject();
            audienceIds.add(id);
        }
        g.writeEndObject();
    }

    private void defaultFeature() throws IOException {
        String featureId = id();
        String[] variable = variable(DEFAULT_KEY, "Boolean");
        String on = id();
        String off = id();
        g.writeStartObject();
        g.writeStringField("_id", featureId);
        g.writeStringField("key", "checkout-redesign");
        g.writeStringField("type", "release");
        g.writeArrayFieldStart("variations");
        variation(on, "variation-on", "Variation On", () -> variableValue(variable[0], true));
        variation(off, "variation-off", "Variation Off", () -> variableValue(variable[0], false));
        g.writeEndArray();
        g.writeObjectFieldStart("configuration");
        g.writeStringField("_id", id());
        g.writeArrayFieldStart("targets");
        // 1: internal users first; the default user is not one of them.
        target(() -> {
            g.writeStringField("operator", "and");
            g.writeArrayFieldStart("filters");
            audienceMatch("=", internalAudienceId);
            g.writeEndArray();
        }, null, new String[] {on}, new double[] {1});
        // 2: a gradual rollout to some countries on recent app versions; the default user has no country.
        target(() -> {
            g.writeStringField("operator", "and");
            g.writeArrayFieldStart("filters");
            userFilter("country", "=", () -> strings("CA", "GB", "DE"));
            userFilter("appVersion", ">=", () -> g.writeString("5.0.0"));
            g.writeEndArray();
        }, this::gradualRollout, new String[] {on, off}, new double[] {0.5, 0.5});
        // 3: everyone else, all on.
        target(() -> {
            g.writeStringField("operator", "and");
            g.writeArrayFieldStart("filters");
            g.writeStartObject();
            g.writeStringField("type", "all");
            g.writeEndObject();
            g.writeEndArray();
        }, null, new String[] {on, off}, new double[] {1, 0});
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private void feature(int index) throws IOException {
        String key = uniqueKey();
        String type = pick(FEATURE_TYPES);
        // About one feature in sixteen carries two variables (80 features -> 85 variables).
        int variableCount = index % 16 == 7 ? 2 : 1;
        List<String[]> vars = new ArrayList<>();
        for (int v = 0; v < variableCount; v++) {
            String varType = pick(VARIABLE_TYPES);
            vars.add(variable(v == 0 ? key + variableSuffix(varType) : key + "-config", v == 0 ? varType : "JSON"));
        }
        int variationCount = type.equals("experiment") ? 2 + random.nextInt(3) : 2 + random.nextInt(2);
        String[] variationIds = new String[variationCount];
        g.writeStartObject();
        g.writeStringField("_id", id());
        g.writeStringField("key", key);
        g.writeStringField("type", type);
        g.writeArrayFieldStart("variations");
        for (int i = 0; i < variationCount; i++) {
            variationIds[i] = id();
            String name = i == 0 ? "Control" : "Variation " + (char) ('A' + i - 1);
            int variationIndex = i;
            variation(variationIds[i], name.toLowerCase(Locale.ROOT).replace(' ', '-'), name, () -> {
                for (String[] v : vars) {
                    variableValue(v[0], value(v[2], variationIndex));
                }
            });
        }
        g.writeEndArray();
        g.writeObjectFieldStart("configuration");
        g.writeStringField("_id", id());
        g.writeArrayFieldStart("targets");
        int targets = 1 + (random.nextInt(100) < 55 ? 1 : 0) + (random.nextInt(100) < 35 ? 1 : 0);
        for (int t = 0; t < targets; t++) {
            boolean last = t == targets - 1;
            boolean everyone = last && random.nextBoolean();
            double[] split = distributionFor(variationCount);
            String[] chosen = chooseVariations(variationIds, split.length);
            Body rollout = random.nextInt(100) < 25 ? this::randomRollout : null;
            if (everyone) {
                target(() -> {
                    g.writeStringField("operator", "and");
                    g.writeArrayFieldStart("filters");
                    g.writeStartObject();
                    g.writeStringField("type", "all");
                    g.writeEndObject();
                    g.writeEndArray();
                }, rollout, chosen, split);
            } else {
                target(() -> operatorBody(random.nextInt(4) == 0 ? "or" : "and", 1 + random.nextInt(4), 0),
                        rollout, chosen, split);
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        if (random.nextInt(3) == 0) {
            g.writeObjectFieldStart("settings");
            g.writeStringField("publicName", key.replace('-', ' '));
            g.writeStringField("publicDescription", "Generated feature " + index);
            g.writeBooleanField("optInEnabled", false);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static String variableSuffix(String type) {
        switch (type) {
            case "Boolean": return "-enabled";
            case "Number": return "-limit";
            case "String": return "-variant";
            default: return "-settings";
        }
    }

    private String[] variable(String key, String type) {
        String[] v = {id(), key, type};
        variables.add(v);
        return v;
    }

    /** A value of the variable's type, different per variation. */
    private Object value(String type, int variation) {
        switch (type) {
            case "Boolean": return variation % 2 == 1;
            case "Number": return random.nextBoolean() ? (Object) (long) (10 * (variation + 1) + random.nextInt(10))
                    : (Object) (variation + random.nextInt(100) / 100.0);
            case "String": return variation == 0 ? "control" : "treatment-" + (char) ('a' + variation - 1);
            default: return new JsonValue(variation);
        }
    }

    /** A JSON variable's value: an object with numbers, a string, a Boolean, an array and a nested object. */
    private final class JsonValue {
        final int variation;

        JsonValue(int variation) {
            this.variation = variation;
        }

        void write() throws IOException {
            g.writeStartObject();
            g.writeNumberField("maxItems", 10 * (variation + 1));
            g.writeNumberField("ratio", 0.25 * (variation + 1));
            g.writeStringField("theme", variation == 0 ? "light" : "dark");
            g.writeBooleanField("showBanner", variation % 2 == 1);
            g.writeArrayFieldStart("sections");
            g.writeString("summary");
            g.writeString(pick(AREAS));
            g.writeEndArray();
            g.writeObjectFieldStart("copy");
            g.writeStringField("title", "Try the new " + pick(AREAS));
            g.writeStringField("cta", variation == 0 ? "Learn more" : "Get started");
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private void variableValue(String variableId, Object value) throws IOException {
        g.writeStartObject();
        g.writeStringField("_var", variableId);
        g.writeFieldName("value");
        if (value instanceof Boolean) g.writeBoolean((Boolean) value);
        else if (value instanceof Long) g.writeNumber((Long) value);
        else if (value instanceof Double) g.writeNumber((Double) value);
        else if (value instanceof String) g.writeString((String) value);
        else ((JsonValue) value).write();
        g.writeEndObject();
    }

    private void variation(String id, String key, String name, Body variables) throws IOException {
        g.writeStartObject();
        g.writeStringField("_id", id);
        g.writeStringField("key", key);
        g.writeStringField("name", name);
        g.writeArrayFieldStart("variables");
        variables.write();
        g.writeEndArray();
        g.writeEndObject();
    }

    private void target(Body audienceFilters, Body rollout, String[] variations, double[] split)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("_id", id());
        g.writeObjectFieldStart("_audience");
        g.writeStringField("_id", id());
        g.writeObjectFieldStart("filters");
        audienceFilters.write();
        g.writeEndObject();
        g.writeEndObject();
        if (rollout != null) {
            g.writeObjectFieldStart("rollout");
            rollout.write();
            g.writeEndObject();
        }
        if (random.nextInt(10) == 0) {
            g.writeStringField("bucketingKey", "company_id");
        }
        g.writeArrayFieldStart("distribution");
        for (int i = 0; i < variations.length; i++) {
            g.writeStartObject();
            g.writeStringField("_variation", variations[i]);
            g.writeNumberField("percentage", split[i]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private double[] distributionFor(int variations) {
        if (random.nextInt(3) == 0) {
            return new double[] {1};
        }
        while (true) {
            double[] split = SPLITS[random.nextInt(SPLITS.length)];
            if (split.length <= variations) {
                return split;
            }
        }
    }

    private String[] chooseVariations(String[] variationIds, int n) {
        List<String> pool = new ArrayList<>(List.of(variationIds));
        String[] chosen = new String[n];
        for (int i = 0; i < n; i++) {
            chosen[i] = pool.remove(random.nextInt(pool.size()));
        }
        return chosen;
    }

    /** The fields of an operator object: {@code "operator":op,"filters":[...]}. */
    private void operatorBody(String op, int filters, int depth) throws IOException {
        g.writeStringField("operator", op);
        g.writeArrayFieldStart("filters");
        for (int i = 0; i < filters; i++) {
            int kind = random.nextInt(100);
            if (kind < 10 && depth == 0 && i == filters - 1) {
                // A nested operator last: the core returns its result at once, so it ends the list.
                g.writeStartObject();
                operatorBody(op.equals("and") ? "or" : "and", 2, depth + 1);
                g.writeEndObject();
            } else if (kind < 22 && audienceIds.size() > 1) {
                audienceMatch(random.nextInt(4) == 0 ? "!=" : "=",
                        audienceIds.get(1 + random.nextInt(audienceIds.size() - 1)));
            } else if (kind < 55) {
                customDataFilter();
            } else {
                userFieldFilter();
            }
        }
        g.writeEndArray();
    }

    private void audienceMatch(String comparator, String audienceId) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "audienceMatch");
        g.writeStringField("comparator", comparator);
        g.writeArrayFieldStart("_audiences");
        g.writeString(audienceId);
        g.writeEndArray();
        g.writeEndObject();
    }

    private void userFieldFilter() throws IOException {
        switch (random.nextInt(10)) {
            case 0:
                userFilter("user_id", "=", () -> strings(10 + random.nextInt(80), this::uuid));
                break;
            case 8:
                userFilter("user_id", "!=", () -> strings(10 + random.nextInt(80), this::uuid));
                break;
            case 1:
                userFilter("email", pick(new String[] {"endWith", "contain", "!endWith"}),
                        () -> strings(1 + random.nextInt(3), () -> pick(EMAIL_DOMAINS)));
                break;
            case 2:
                userFilter("email", "=",
                        () -> strings(5 + random.nextInt(40), () -> "user." + hex(6) + pick(EMAIL_DOMAINS)));
                break;
            case 3:
                userFilter("country", random.nextInt(4) == 0 ? "!=" : "=",
                        () -> strings(1 + random.nextInt(5), () -> pick(COUNTRIES)));
                break;
            case 4:
                userFilter("appVersion", pick(new String[] {">=", ">", "<", "=", "!="}),
                        () -> g.writeString((1 + random.nextInt(6)) + "." + random.nextInt(10) + "." + random.nextInt(5)));
                break;
            case 5:
                userFilter("platform", random.nextInt(3) == 0 ? "!=" : "=",
                        () -> strings(1 + random.nextInt(2), () -> pick(PLATFORMS)));
                break;
            case 6:
                userFilter("platformVersion", pick(new String[] {">=", "<"}),
                        () -> g.writeString((11 + random.nextInt(12)) + ".0"));
                break;
            case 7:
                userFilter("deviceModel", "=", () -> strings(1 + random.nextInt(3), () -> pick(DEVICES)));
                break;
            default:
                userFilter("user_id", pick(new String[] {"exist", "!exist", "startWith"}),
                        () -> g.writeString("user-"));
        }
    }

    private void customDataFilter() throws IOException {
        String[] data = CUSTOM_DATA[random.nextInt(CUSTOM_DATA.length)];
        String key = data[0];
        String type = data[1];
        g.writeStartObject();
        g.writeStringField("type", "user");
        g.writeStringField("subType", "customData");
        g.writeStringField("dataKey", key);
        g.writeStringField("dataKeyType", type);
        switch (type) {
            case "String":
                g.writeStringField("comparator", pick(new String[] {"=", "=", "!=", "contain", "exist"}));
                g.writeArrayFieldStart("values");
                String[] pool = key.equals("plan") ? PLANS : key.equals("region") ? REGIONS : null;
                int n = 1 + random.nextInt(pool == null ? 8 : 3);
                for (int i = 0; i < n; i++) {
                    g.writeString(pool == null ? "cmp-" + (1000 + random.nextInt(9000)) : pick(pool));
                }
                g.writeEndArray();
                break;
            case "Number":
                g.writeStringField("comparator", pick(new String[] {">", ">=", "<", "=", "!="}));
                g.writeArrayFieldStart("values");
                if (key.equals("score")) {
                    g.writeNumber(random.nextInt(100) / 100.0);
                } else {
                    g.writeNumber(1 + random.nextInt(90));
                }
                g.writeEndArray();
                break;
            default:
                g.writeStringField("comparator", random.nextInt(4) == 0 ? "!=" : "=");
                g.writeArrayFieldStart("values");
                g.writeBoolean(random.nextBoolean());
                g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void userFilter(String subType, String comparator, Body values) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "user");
        g.writeStringField("subType", subType);
        g.writeStringField("comparator", comparator);
        g.writeArrayFieldStart("values");
        values.write();
        g.writeEndArray();
        g.writeEndObject();
    }

    private void strings(String... values) throws IOException {
        for (String v : values) {
            g.writeString(v);
        }
    }

    private void strings(int n, java.util.function.Supplier<String> value) throws IOException {
        for (int i = 0; i < n; i++) {
            g.writeString(value.get());
        }
    }

    private void randomRollout() throws IOException {
        switch (random.nextInt(3)) {
            case 0:
                g.writeStringField("type", "schedule");
                g.writeNumberField("startPercentage", 1.0);
                g.writeStringField("startDate", date(random.nextInt(3000)));
                break;
            case 1:
                gradualRollout();
                break;
            default:
                g.writeStringField("type", "stepped");
                g.writeNumberField("startPercentage", 0.25);
                int start = random.nextInt(1500);
                g.writeStringField("startDate", date(start));
                g.writeArrayFieldStart("stages");
                stage("discrete", start + 30 + random.nextInt(300), 0.5);
                stage("discrete", start + 400 + random.nextInt(1500), 1.0);
                g.writeEndArray();
        }
    }

    private void gradualRollout() throws IOException {
        g.writeStringField("type", "gradual");
        g.writeNumberField("startPercentage", 0.1);
        int start = random.nextInt(1200);
        g.writeStringField("startDate", date(start));
        g.writeArrayFieldStart("stages");
        stage("linear", start + 60 + random.nextInt(600), 0.5);
        stage("linear", start + 900 + random.nextInt(2000), 1.0);
        g.writeEndArray();
    }

    private void stage(String type, int day, double percentage) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", type);
        g.writeStringField("date", date(day));
        g.writeNumberField("percentage", percentage);
        g.writeEndObject();
    }

    /** A date {@code day} days after 2023-01-01, at a generated time of day. */
    private String date(int day) {
        long ms = EPOCH_2023 + day * DAY_MS + random.nextInt(24) * 3_600_000L + random.nextInt(60) * 60_000L;
        return ISO_MILLIS.format(Instant.ofEpochMilli(ms));
    }

    private String uniqueKey() {
        while (true) {
            String key = pick(AREAS) + "-" + pick(CHANGES);
            if (keys.add(key)) {
                return key;
            }
            String numbered = key + "-" + (keys.size() + 1);
            if (keys.add(numbered)) {
                return numbered;
            }
        }
    }

    /** A fresh 24-hex-digit id, the shape of DevCycle's (MongoDB) ids. */
    private String id() {
        while (true) {
            String id = hex(24);
            if (ids.add(id)) {
                return id;
            }
        }
    }

    /** A user id of the UUID shape many DevCycle users use. */
    private String uuid() {
        return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-" + hex(4) + "-" + hex(12);
    }

    private String hex(int digits) {
        StringBuilder sb = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Writes part of the JSON. */
    @FunctionalInterface
    private interface Body {
        void write() throws IOException;
    }

}

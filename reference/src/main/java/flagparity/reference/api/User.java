package flagparity.reference.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A DevCycle user, with the fields the core reads. Immutable; build one with {@link #builder(String)}
 * or parse the core's JSON form with {@link JsonCodec#parseUser}.
 *
 * <p>Custom data values are {@link String}, {@link Boolean}, {@link Long} (a JSON integer),
 * {@link Double} (a JSON float) or {@code null} (a JSON null). The core hashes and compares integers
 * and floats differently, so the distinction is kept.
 *
 * <p>A user parsed from JSON text keeps that exact text ({@link #json()}): the engines that hand the
 * core a user as JSON send it unchanged, so the core reads the request's own spellings rather than a
 * re-serialization. Equality is on the fields; the text is not compared.
 */
public final class User {
    private final String userId;
    private final String email;
    private final String name;
    private final String language;
    private final String country;
    private final String appVersion;
    private final double appBuild;
    private final String deviceModel;
    private final Map<String, Object> customData;
    private final Map<String, Object> privateCustomData;
    private final String json;

    private User(Builder b) {
        this.userId = b.userId;
        this.email = b.email;
        this.name = b.name;
        this.language = b.language;
        this.country = b.country;
        this.appVersion = b.appVersion;
        this.appBuild = b.appBuild;
        this.deviceModel = b.deviceModel;
        this.customData = freeze(b.customData);
        this.privateCustomData = freeze(b.privateCustomData);
        this.json = b.json;
    }

    private static Map<String, Object> freeze(Map<String, Object> m) {
        return m == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    public static Builder builder(String userId) {
        return new Builder(userId);
    }

    public String userId() { return userId; }
    public String email() { return email; }
    public String name() { return name; }
    public String language() { return language; }
    public String country() { return country; }
    public String appVersion() { return appVersion; }
    /** The app build number, or {@code NaN} when absent (as in the core). */
    public double appBuild() { return appBuild; }
    public String deviceModel() { return deviceModel; }
    /** The custom data in insertion order, or {@code null} when absent. */
    public Map<String, Object> customData() { return customData; }
    /** The private custom data in insertion order, or {@code null} when absent. */
    public Map<String, Object> privateCustomData() { return privateCustomData; }
    /** The exact JSON text this user was parsed from, or {@code null} when it was built field by field. */
    public String json() { return json; }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof User)) return false;
        User u = (User) o;
        return Double.compare(appBuild, u.appBuild) == 0
                && userId.equals(u.userId)
                && Objects.equals(email, u.email)
                && Objects.equals(name, u.name)
                && Objects.equals(language, u.language)
                && Objects.equals(country, u.country)
                && Objects.equals(appVersion, u.appVersion)
                && Objects.equals(deviceModel, u.deviceModel)
                && Objects.equals(customData, u.customData)
                && Objects.equals(privateCustomData, u.privateCustomData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, email, name, language, country, appVersion, appBuild, deviceModel,
                customData, privateCustomData);
    }

    @Override
    public String toString() {
        return "User{" + userId + "}";
    }

    /** Builds a {@link User}; every field but {@code user_id} is optional. */
    public static final class Builder {
        private final String userId;
        private String email;
        private String name;
        private String language;
        private String country;
        private String appVersion;
        private double appBuild = Double.NaN;
        private String deviceModel;
        private Map<String, Object> customData;
        private Map<String, Object> privateCustomData;
        private String json;

        private Builder(String userId) {
            if (userId == null) {
                throw new InvalidUserException("Missing string value for key: \"user_id\"");
            }
            this.userId = userId;
        }

        public Builder email(String v) { this.email = v; return this; }
        public Builder name(String v) { this.name = v; return this; }
        public Builder language(String v) { this.language = v; return this; }
        public Builder country(String v) { this.country = v; return this; }
        public Builder appVersion(String v) { this.appVersion = v; return this; }
        public Builder appBuild(double v) { this.appBuild = v; return this; }
        public Builder deviceModel(String v) { this.deviceModel = v; return this; }

        public Builder customData(Map<String, ?> v) {
            this.customData = checkFlat("customData", v);
            return this;
        }

        public Builder privateCustomData(Map<String, ?> v) {
            this.privateCustomData = checkFlat("privateCustomData", v);
            return this;
        }

        /**
         * The exact JSON text the fields were read from, as the core's {@code DVCUser.fromJSONString}
         * reads it ({@link JsonCodec#parseUser} sets it); it must describe
         * the same user as the fields.
         */
        public Builder json(String v) { this.json = v; return this; }

        public User build() {
            return new User(this);
        }

        private static Map<String, Object> checkFlat(String field, Map<String, ?> v) {
            if (v == null) {
                return null;
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<String, ?> e : v.entrySet()) {
                Object value = e.getValue();
                if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    value = ((Number) value).longValue();
                } else if (value instanceof Float) {
                    value = ((Float) value).doubleValue();
                } else if (value != null && !(value instanceof String || value instanceof Boolean
                        || value instanceof Long || value instanceof Double)) {
                    throw new InvalidUserException("DVCUser " + field
                            + " can't contain nested objects or arrays (key \"" + e.getKey() + "\")");
                }
                copy.put(e.getKey(), value);
            }
            return copy;
        }
    }
}

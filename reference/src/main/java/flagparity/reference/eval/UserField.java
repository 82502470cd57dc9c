package flagparity.reference.eval;

import flagparity.reference.api.User;

/** A user property a filter's {@code subType} names; platform ones come from platform data. */
public enum UserField {
    USER_ID("user_id", "User ID"), EMAIL("email", "Email"), COUNTRY("country", "Country"),
    DEVICE_MODEL("deviceModel", "Device Model"), PLATFORM("platform", "Platform"),
    APP_VERSION("appVersion", "App Version"), PLATFORM_VERSION("platformVersion", "Platform Version");

    private final String subType;
    private final String reasonDetails;

    UserField(String subType, String reasonDetails) {
        this.subType = subType;
        this.reasonDetails = reasonDetails;
    }

    public String subType() {
        return subType;
    }

    /** What a passing filter on it adds to the evaluation reason's details (core 1.42.8). */
    public String reasonDetails() {
        return reasonDetails;
    }

    /** The field named by {@code subType}, or null. */
    public static UserField of(String subType) {
        for (UserField f : values()) {
            if (f.subType.equals(subType)) return f;
        }
        return null;
    }

    /** The user's (or platform's) value, null when absent. */
    public String get(User user, Environment env) {
        switch (this) {
            case USER_ID: return user.userId();
            case EMAIL: return user.email();
            case COUNTRY: return user.country();
            case DEVICE_MODEL: return user.deviceModel();
            case PLATFORM: return env.platformData().platform();
            case APP_VERSION: return user.appVersion();
            default: return env.platformData().platformVersion();
        }
    }

    /** Whether the core compares this field as a version (for comparators other than {@code =}). */
    public boolean isVersion() {
        return this == APP_VERSION || this == PLATFORM_VERSION;
    }
}

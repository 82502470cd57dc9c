package flagparity.reference.eval;

import flagparity.reference.api.User;

/** A user property a filter's {@code subType} names; platform ones come from platform data. */
public enum UserField {
    USER_ID("user_id"), EMAIL("email"), COUNTRY("country"), DEVICE_MODEL("deviceModel"), PLATFORM("platform"),
    APP_VERSION("appVersion"), PLATFORM_VERSION("platformVersion");

    private final String subType;

    UserField(String subType) {
        this.subType = subType;
    }

    public String subType() {
        return subType;
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

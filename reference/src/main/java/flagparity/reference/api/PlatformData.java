package flagparity.reference.api;

import java.util.Objects;

/**
 * The SDK's platform data, which the core uses for {@code platform} and {@code platformVersion}
 * filters. Immutable.
 */
public final class PlatformData {
    private final String platform;
    private final String platformVersion;
    private final String sdkType;
    private final String sdkVersion;
    private final String sdkPlatform;
    private final String hostname;

    public PlatformData(String platform, String platformVersion, String sdkType, String sdkVersion,
            String sdkPlatform, String hostname) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.platformVersion = Objects.requireNonNull(platformVersion, "platformVersion");
        this.sdkType = Objects.requireNonNull(sdkType, "sdkType");
        this.sdkVersion = Objects.requireNonNull(sdkVersion, "sdkVersion");
        this.sdkPlatform = sdkPlatform;
        this.hostname = hostname;
    }

    /** What DevCycle's Java SDK 2.6.0 sends: Java, {@code java.version}, server, 2.6.0, the host name. */
    public static PlatformData javaSdkDefault() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return new PlatformData("Java", System.getProperty("java.version"), "server", "2.6.0", null, host);
    }

    public String platform() { return platform; }
    public String platformVersion() { return platformVersion; }
    public String sdkType() { return sdkType; }
    public String sdkVersion() { return sdkVersion; }
    /** May be {@code null}. */
    public String sdkPlatform() { return sdkPlatform; }
    /** May be {@code null}. */
    public String hostname() { return hostname; }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof PlatformData)) return false;
        PlatformData p = (PlatformData) o;
        return platform.equals(p.platform) && platformVersion.equals(p.platformVersion)
                && sdkType.equals(p.sdkType) && sdkVersion.equals(p.sdkVersion)
                && Objects.equals(sdkPlatform, p.sdkPlatform) && Objects.equals(hostname, p.hostname);
    }

    @Override
    public int hashCode() {
        return Objects.hash(platform, platformVersion, sdkType, sdkVersion, sdkPlatform, hostname);
    }

    @Override
    public String toString() {
        return "PlatformData{" + platform + " " + platformVersion + ", " + sdkType + " " + sdkVersion + "}";
    }
}

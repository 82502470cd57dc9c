package flagparity.bench.data;

/** Generates DevCycle server configs from a seed. (First cut: the generator follows.) */
final class SeededWorkload {
    static final long SEED = 42;
    static final String DEFAULT_KEY = "checkout-redesign-enabled";

    enum Size {
        SMALL("small"), MEDIUM("medium"), LARGE("large"), XLARGE("xlarge");

        private final String id;

        Size(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }

        static Size byId(String id) {
            for (Size s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            return null;
        }
    }

    private SeededWorkload() {}

    static String customDataKey(int i) {
        return "attr_" + i;
    }

    static Object userCustomDataValue(int i) {
        switch (i % 4) {
            case 0: return "value-" + i;
            case 1: return (long) i;
            case 2: return i + 0.5;
            default: return i % 8 == 3;
        }
    }

    static String generate(Size size, long seed) {
        return "{\"project\":{\"_id\":\"p1\",\"key\":\"project\",\"a0_organization\":\"org\",\"settings\":{}},"
                + "\"environment\":{\"_id\":\"e1\",\"key\":\"production\"},\"audiences\":{},"
                + "\"features\":[{\"_id\":\"f1\",\"type\":\"release\",\"key\":\"checkout-redesign\","
                + "\"variations\":[{\"_id\":\"va\",\"name\":\"On\",\"key\":\"on\",\"variables\":[{\"_var\":\"v1\",\"value\":true}]}],"
                + "\"configuration\":{\"_id\":\"c1\",\"targets\":[{\"_id\":\"t1\",\"_audience\":{\"filters\":"
                + "{\"operator\":\"and\",\"filters\":[{\"type\":\"all\"}]}},\"distribution\":[{\"_variation\":\"va\",\"percentage\":1}]}]}}],"
                + "\"variables\":[{\"_id\":\"v1\",\"type\":\"Boolean\",\"key\":\"" + DEFAULT_KEY + "\"}]}";
    }
}

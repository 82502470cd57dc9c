package flagparity.reference.config;

import static flagparity.reference.config.CoreFields.array;
import static flagparity.reference.config.CoreFields.element;
import static flagparity.reference.config.CoreFields.fail;
import static flagparity.reference.config.CoreFields.oneOf;
import static flagparity.reference.config.CoreFields.string;
import static flagparity.reference.config.CoreFields.tooDeep;

import flagparity.reference.eval.Audience;
import flagparity.reference.eval.AudienceMatchFilter;
import flagparity.reference.eval.Comparator;
import flagparity.reference.eval.Condition;
import flagparity.reference.eval.ConstantFilter;
import flagparity.reference.eval.CustomDataFilter;
import flagparity.reference.eval.Operator;
import flagparity.reference.eval.StringFilter;
import flagparity.reference.eval.UserField;
import flagparity.reference.eval.VersionFilter;
import flagparity.reference.internal.CoreJsonWriter;
import flagparity.reference.internal.CoreStack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compiles a config's audience filters (operators, user, custom-data and audienceMatch filters) as
 * the core builds them, its shadow-stack limits included. One per config: audienceMatch filters
 * refer to the config's audiences by id, defined after the features that use them.
 */
final class FilterCompiler {
    private static final List<String> DATA_KEY_TYPES = List.of("String", "Boolean", "Number");
    private static final List<String> SUB_TYPES = List.of("user_id", "email", "ip", "country", "platform",
            "platformVersion", "appVersion", "deviceModel", "customData");

    private final Map<String, Audience> audiences;
    private final CoreRules rules;

    FilterCompiler(Map<String, Audience> audiences, CoreRules rules) {
        this.audiences = audiences;
        this.rules = rules;
    }

    /**
     * An operator and what it holds, built as the core builds it: recursively, {@code stack} bytes of
     * its shadow stack in use, which may not pass {@code limit} (see {@link CoreStack}).
     */
    Operator operator(Map<String, Object> o, String path, int stack, int limit) {
        int used = stack + CoreStack.BUILD_OPERATOR;
        if (used > limit) throw tooDeep(path, "operators nested");
        String operator = string(o, "operator", path);
        List<Object> filterList = array(o, "filters", path);
        List<Condition> children = new ArrayList<>();
        for (int i = 0; i < filterList.size(); i++) {
            String fPath = path + ".filters[" + i + "]";
            Map<String, Object> f = element(filterList.get(i), fPath);
            children.add(f.get("operator") instanceof String ? operator(f, fPath, used, limit) : filter(f, fPath, used, limit));
        }
        return new Operator(operator, children, rules.orStopsAtNestedOperator(), rules.evalStack());
    }

    private Condition filter(Map<String, Object> f, String path, int stack, int limit) {
        Object typeValue = f.get("type");
        boolean user = "user".equals(typeValue);
        if (stack + (user || "audienceMatch".equals(typeValue) ? CoreStack.BUILD_USER_FILTER : CoreStack.BUILD_FILTER) > limit) {
            throw tooDeep(path, "a filter under operators nested");
        }
        if (user) {
            return userFilter(f, path, stack + CoreStack.BUILD_FILTER, limit);
        }
        if ("audienceMatch".equals(typeValue)) {
            return audienceMatch(f, path);
        }
        String type = string(f, "type", path);
        if ("all".equals(type)) return ConstantFilter.all();
        if ("optIn".equals(type)) return ConstantFilter.never("optIn (never passes in the core)");
        return ConstantFilter.never("unknown filter type \"" + type + "\" (never passes)");
    }

    /** A user filter; a value it warns about is written with {@code stack} bytes in use. */
    private Condition userFilter(Map<String, Object> f, String path, int stack, int limit) {
        List<Object> values = array(f, "values", path);
        String subType = string(f, "subType", path);
        String comparatorText = string(f, "comparator", path);
        FilterValues compiled = values(values, path, stack, limit);
        String dataKey = null;
        String dataKeyType = null;
        if ("customData".equals(subType)) {
            dataKey = string(f, "dataKey", path);
            dataKeyType = oneOf(f, "dataKeyType", DATA_KEY_TYPES, path);
        }
        Comparator comparator = Comparator.parse(comparatorText);
        if (comparator == null || !SUB_TYPES.contains(subType)) {
            return ConstantFilter.never("user " + subType + " " + comparatorText
                    + " (unknown subType or comparator: never passes)");
        }
        if (dataKey != null) {
            return new CustomDataFilter(dataKey, CustomDataFilter.DataType.valueOf(dataKeyType), comparator,
                    compiled.strings, compiled.numbers, compiled.booleans, CoreJsonWriter.write(values));
        }
        UserField field = UserField.of(subType);
        if (field == null) {
            return ConstantFilter.never("user " + subType + " (the core never matches it)");
        }
        return field.isVersion()
                ? new VersionFilter(field, comparator, compiled.strings)
                : new StringFilter(field, comparator, compiled.strings);
    }

    private Condition audienceMatch(Map<String, Object> f, String path) {
        List<Object> ids = array(f, "_audiences", path);
        string(f, "type", path);
        String comparator = string(f, "comparator", path);
        if (!"=".equals(comparator) && !"!=".equals(comparator)) {
            return ConstantFilter.never("audienceMatch " + comparator + " (invalid comparator: never passes)");
        }
        List<String> names = new ArrayList<>();
        List<Audience> refs = new ArrayList<>();
        for (Object id : ids) {
            if (id instanceof String) {
                names.add((String) id);
                refs.add(audiences.get(id));
            }
        }
        return new AudienceMatchFilter("=".equals(comparator), names, refs, rules.evalStack());
    }

    /**
     * A filter's values, typed by the first one as the core does: others of another type are dropped,
     * and the core writes each into a warning, which it cannot do for one nested too deeply.
     */
    private static final class FilterValues {
        String[] strings = new String[0];
        double[] numbers = new double[0];
        boolean[] booleans = new boolean[0];
    }

    private static FilterValues values(List<Object> values, String path, int stack, int limit) {
        FilterValues out = new FilterValues();
        if (values.isEmpty()) return out;
        Object first = values.get(0);
        if (first instanceof Boolean || first instanceof String || first instanceof Long || first instanceof Double) {
            boolean number = first instanceof Long || first instanceof Double;
            for (Object v : values) {
                boolean sameType = number ? v instanceof Long || v instanceof Double : v.getClass() == first.getClass();
                if (!sameType && stack + CoreStack.writeCost(v) > limit) {
                    throw tooDeep(path, "a filter value nested");
                }
            }
        }
        if (first instanceof Boolean) {
            boolean[] b = new boolean[values.size()];
            int n = 0;
            for (Object v : values) if (v instanceof Boolean) b[n++] = (Boolean) v;
            out.booleans = Arrays.copyOf(b, n);
        } else if (first instanceof String) {
            out.strings = values.stream().filter(v -> v instanceof String).toArray(String[]::new);
        } else if (first instanceof Long || first instanceof Double) {
            double[] d = new double[values.size()];
            int n = 0;
            for (Object v : values) {
                double x = v instanceof Long ? (double) (Long) v : v instanceof Double ? (Double) v : Double.NaN;
                if (!Double.isNaN(x)) d[n++] = x;
            }
            out.numbers = Arrays.copyOf(d, n);
        } else {
            throw fail(path, "Filter values of unknown type. " + CoreJsonWriter.write(first));
        }
        return out;
    }
}

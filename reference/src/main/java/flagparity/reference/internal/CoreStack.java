package flagparity.reference.internal;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * How deep the core can recurse before its shadow stack overflows. AssemblyScript keeps managed
 * locals on a 32 KiB shadow stack and checks it in every function prologue; when it runs out the
 * core calls {@code abort} at 1:1 (its "stack overflow" text never made it into the module), which
 * the engines report as an abort. The same input then fails in every SDK that embeds the core, so
 * the reference rejects it at the same depth.
 *
 * <p>Measured on core 1.32.0 (V8 via the package's wasm, and wasmtime through the adapters, which
 * agree): binary searches over the nesting depth of each shape, each try on a fresh instance. The
 * shadow stack also holds the garbage collector's frames when an allocation triggers a step, and
 * some steps (a map growing, a string with escapes) take more than others, so one level short of a
 * limit the core sometimes gives out first; the limits here are the ones plain shapes reach. Chicory
 * can run out of JVM stack before the core's check fires (a trap, not an abort), so on Chicory the
 * core may give up sooner still.
 */
public final class CoreStack {
    private CoreStack() {}

    /**
     * The deepest level at which the core's JSON parser starts a value when entered from
     * {@code setConfigDataUTF8} or {@code variableForUser} (the root value is level 1; a member of
     * an object may start one level less deep). Each level costs the parser 20 bytes, whatever
     * the container: {@code [[…]]} 1,631 deep parses and 1,632 deep aborts, as does 1,631 deep
     * under the root object of a config or user; {@code {"a":{"a":…1}}} parses with 1,629 objects
     * and aborts with 1,630. Of 600 random shapes (arrays and objects mixed, with siblings) nested
     * 1,622 to 1,633 deep in configs, users and client custom data, this rule and the core agreed
     * on 589; on the other 11 a value sat exactly at the limit and the core had given out already.
     * {@code generateBucketedConfigForUser} enters one level deeper (its user may nest 1,630), which
     * the reference does not model: it parses a user once for every use.
     */
    public static final int PARSE_DEPTH = 1631;

    /** As {@link #PARSE_DEPTH}, for {@code setClientCustomDataUTF8}, which enters the parser one level shallower. */
    public static final int CLIENT_CUSTOM_DATA_PARSE_DEPTH = PARSE_DEPTH + 1;

    // What follows is counted in bytes of the core's shadow stack: frame sizes read from its .wat
    // where that explains the measurements (_evaluateOperator and doesUserPassFilter 44 each,
    // filterForAudienceMatch 32), the other costs and every limit fitted to where the core aborted.
    // On 600 random configs near these limits (nested operators in targets and audiences, filter
    // warnings, audience chains, served and bucketed values) the reference and the core on wasmtime
    // agreed on every one.

    /** Building a config: {@code new AudienceOperator} for each nested operator (with its AudienceFilterOrOperator). */
    public static final int BUILD_OPERATOR = 56;
    /** Building an {@code all}, {@code optIn} or unknown-type filter, or one that warns about a value. */
    public static final int BUILD_FILTER = 56;
    /** Building a {@code user} (also custom data) or {@code audienceMatch} filter. */
    public static final int BUILD_USER_FILTER = 112;
    /**
     * What building a target's audience may use: operators nest 577 deep with no filter in the
     * innermost, 576 over an {@code all} filter, 575 over a user filter; a warning about a filter
     * value of another type than the first writes the value, so under one operator a value of 575
     * nested arrays or 619 nested objects is the most it takes (under 100 operators 476 and 513,
     * under 310 operators 266 and 287).
     */
    public static final int BUILD_TARGET_LIMIT = 32346;
    /** As {@link #BUILD_TARGET_LIMIT} for the config's {@code audiences}, built three operators shallower. */
    public static final int BUILD_AUDIENCE_LIMIT = BUILD_TARGET_LIMIT + 3 * BUILD_OPERATOR;

    /**
     * What evaluating an audience takes of the core's shadow stack, per core version: each
     * {@code _evaluateOperator} ({@code operator}), each filter ({@code doesUserPassFilter},
     * {@code filter}), an {@code audienceMatch} filter up to the referenced audience's operator
     * ({@code audienceMatch}), and what a target's audience may use in all ({@code limit}). The core
     * recurses through audienceMatch filters, so a long chain of audiences, or one that contains
     * itself, aborts at the limit. The reference counts every filter as an {@code all}; a custom-data
     * or version filter at the end of a chain takes a little more in the core (1.32.0: one audience
     * fewer for custom data, four or five for a version filter; 1.42.8: one fewer for a version filter).
     */
    public record Eval(int operator, int filter, int audienceMatch, int limit) {}

    /**
     * Core 1.32.0: frames 44 ({@code _evaluateOperator}, {@code doesUserPassFilter}) and 32
     * ({@code filterForAudienceMatch}) in its .wat. A chain of audiences, each one operator over an
     * audienceMatch of the next, ends in an {@code all} filter after 270 audiences and aborts with
     * 271 (198 with two operators in each, 109 with five; 252 under 50 operators in the target).
     */
    public static final Eval EVAL_1_32_0 = new Eval(44, 44, 76, 32560);

    /**
     * Core 1.42.8, whose evaluation returns reasons: {@code _evaluateOperator} takes 68 and
     * {@code filterForAudienceMatch} 48. The chain above ends after 202 audiences (142 with two
     * operators in each, 75 with five, 181 under 50 operators, 198 under 10); operators nested
     * 477 deep over an {@code all} filter are evaluated, 478 abort (1.32.0 evaluates up to the 576
     * its config parser takes). The limit is fitted to target operators over chains that use
     * 32,512 to 32,520 bytes (evaluated) and 32,524 to 32,544 (aborted).
     */
    public static final Eval EVAL_1_42_8 = new Eval(68, 44, 92, 32520);

    /**
     * Writing (stringify) an array or object with something in it, an empty one, a string (other
     * values take nothing that counts). The leaf costs are fitted: no one set of frame sizes gives
     * every measured limit, these give all of those listed here.
     */
    public static final int WRITE_ARRAY = 56;
    public static final int WRITE_OBJECT = 52;
    public static final int WRITE_EMPTY_ARRAY = 44;
    public static final int WRITE_EMPTY_OBJECT = 59;
    public static final int WRITE_STRING = 32;
    /**
     * What writing the value of a variable {@code variableForUser} serves may use: 583 nested arrays
     * (the innermost empty, or holding a number) are written, 584 abort; 582 with a string or an
     * empty object innermost; 627 nested objects over a number, string or empty array, 626 over an
     * empty object; 302 pairs {@code [{"a":…}]}. The config was taken (the parser goes deeper than
     * the writer). The value is written whatever the variable's type, so a Boolean variable holding
     * such an array aborts too.
     */
    public static final int VARIABLE_WRITE_LIMIT = 32650;
    /**
     * As {@link #VARIABLE_WRITE_LIMIT} for the values in {@code generateBucketedConfigForUser}'s
     * output: 580 arrays (579 over a string or empty object), 625 objects over a number (624 over
     * anything else), 300 pairs.
     */
    public static final int BUCKETED_WRITE_LIMIT = 32507;

    /**
     * The stack the core's {@code stringify} of {@code value} (a {@link CoreJson} value) takes: the
     * most, over every path from the root, of {@link #WRITE_ARRAY} or {@link #WRITE_OBJECT} per
     * container and what its end takes (an empty container or a string).
     */
    public static int writeCost(Object value) {
        int max = 0;
        Deque<Object> values = new ArrayDeque<>();
        Deque<Integer> costs = new ArrayDeque<>();
        values.push(value);
        costs.push(0);
        while (!values.isEmpty()) {
            Object v = values.pop();
            int cost = costs.pop();
            Collection<?> children;
            if (v instanceof Map) {
                children = ((Map<?, ?>) v).values();
                cost += children.isEmpty() ? WRITE_EMPTY_OBJECT : WRITE_OBJECT;
            } else if (v instanceof List) {
                children = (List<?>) v;
                cost += children.isEmpty() ? WRITE_EMPTY_ARRAY : WRITE_ARRAY;
            } else {
                cost += v instanceof String ? WRITE_STRING : 0;
                children = List.of();
            }
            max = Math.max(max, cost);
            for (Object child : children) {
                values.push(child);
                costs.push(cost);
            }
        }
        return max;
    }
}

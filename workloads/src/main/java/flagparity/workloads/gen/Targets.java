package flagparity.workloads.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A feature's targets: the audience (a {@link Filters} operator), a rollout, a bucketing key and the
 * distribution over the feature's variations. Realistic: splits whose sum is exactly 1 in any order,
 * dates between 2023 and 2031. Odd: weights rounded to four decimals (the last slice takes the rest),
 * now and then a variation the feature lacks or a distribution that covers half the users, bucketing
 * keys that are custom data or missing, rollouts of every type with missing parts, dates near
 * {@link Pools#T0} in other spellings.
 */
public final class Targets {
    /** Splits whose sum is exactly 1.0 in any order (dyadic fractions), so no user falls off the end. */
    private static final double[][] SPLITS = {
        {0.5, 0.5}, {0.75, 0.25}, {0.875, 0.125}, {0.5, 0.25, 0.25}, {0.25, 0.25, 0.25, 0.25},
    };
    private static final List<Number> PERCENTAGES = List.of(0L, 1L, 0.0, 0.1, 0.25, 0.5, 0.75, 1.0, 0.3333);
    private static final List<Integer> WEIGHTS = List.of(1, 1, 2, 3, 5, 10, 0);

    private final Choices c;
    private final boolean odd;
    private final Ids ids;

    Targets(Choices c, boolean odd, Ids ids) {
        this.c = c;
        this.odd = odd;
        this.ids = ids;
    }

    /** One target over {@code audience}: realistic ones with a rollout now and then and a dyadic split. */
    ObjectNode target(ObjectNode audience, List<String> variationIds) {
        ObjectNode t = start(audience);
        if (odd) {
            if (c.weighted(3, 2) == 1) {
                t.set("rollout", rollout(c));
            }
            switch (c.weighted(12, 2, 5, 1)) {
                case 1: t.put("bucketingKey", "user_id"); break;
                case 2: t.put("bucketingKey", Pools.customKey(c)); break;
                case 3: t.put("bucketingKey", "nonexistent"); break;
                default: break;
            }
            t.set("distribution", oddDistribution(variationIds));
            return t;
        }
        double[] split = split(variationIds.size());
        List<String> chosen = chooseVariations(variationIds, split.length);
        if (c.percent(25)) {
            t.set("rollout", realisticRollout());
        }
        return finish(t, chosen, split);
    }

    ObjectNode start(ObjectNode audience) {
        ObjectNode t = Json.object();
        t.put("_id", ids.next());
        ObjectNode a = t.putObject("_audience");
        a.put("_id", ids.next());
        a.set("filters", audience);
        return t;
    }

    /** A target's tail: a bucketing key now and then, and the distribution. */
    ObjectNode finish(ObjectNode t, List<String> variations, double[] split) {
        if (c.oneIn(10)) {
            t.put("bucketingKey", "company_id");
        }
        ArrayNode d = t.putArray("distribution");
        for (int i = 0; i < variations.size(); i++) {
            d.addObject().put("_variation", variations.get(i)).put("percentage", split[i]);
        }
        return t;
    }

    private double[] split(int variations) {
        if (c.oneIn(3)) {
            return new double[] {1};
        }
        while (true) {
            double[] split = SPLITS[c.below(SPLITS.length)];
            if (split.length <= variations) {
                return split;
            }
        }
    }

    private List<String> chooseVariations(List<String> variationIds, int n) {
        List<String> pool = new ArrayList<>(variationIds);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chosen.add(pool.remove(c.below(pool.size())));
        }
        return chosen;
    }

    private ArrayNode oddDistribution(List<String> variationIds) {
        int slices = c.between(1, 4);
        List<String> variations = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < slices; i++) {
            variations.add(c.oneIn(121) ? "missing-variation" : variationIds.get(c.below(9) % variationIds.size()));
            weights.add(c.pick(WEIGHTS));
            total += weights.get(i);
        }
        boolean half = c.oneIn(81);
        ArrayNode d = Json.F.arrayNode();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < slices; i++) {
            BigDecimal p;
            if (total == 0) {
                p = i == 0 ? BigDecimal.ONE : BigDecimal.ZERO;
            } else if (i == slices - 1) {
                p = BigDecimal.ONE.subtract(sum);
            } else {
                p = BigDecimal.valueOf(weights.get(i)).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_EVEN);
            }
            sum = sum.add(p);
            if (half) {
                p = p.divide(BigDecimal.valueOf(2));
            }
            d.addObject().put("_variation", variations.get(i)).put("percentage", p.doubleValue());
        }
        return d;
    }

    /** An odd rollout: schedule, gradual or stepped, dated near {@link Pools#T0}, its start percentage or stages now and then missing. */
    public static ObjectNode rollout(Choices c) {
        ObjectNode o = Json.object();
        o.put("type", c.pickOf("schedule", "gradual", "stepped"));
        if (!c.percent(30)) {
            o.set("startPercentage", Json.number(c.pick(PERCENTAGES)));
        }
        o.put("startDate", Dates.nearT0(c));
        if (!c.percent(20)) {
            ArrayNode stages = o.putArray("stages");
            for (int i = c.below(4); i > 0; i--) {
                stages.add(stage(c.pickOf("linear", "discrete"), Dates.nearT0(c), Json.number(c.pick(PERCENTAGES))));
            }
        }
        return o;
    }

    private ObjectNode realisticRollout() {
        switch (c.below(3)) {
            case 0: {
                ObjectNode o = Json.object().put("type", "schedule").put("startPercentage", 1.0);
                return o.put("startDate", Dates.realistic(c, c.below(3000)));
            }
            case 1:
                return gradual();
            default:
                return staged("stepped", "discrete", 0.25, c.below(1500), 30, 300, 400, 1500);
        }
    }

    /** A gradual rollout from 10% to all users, started between 2023 and 2026. */
    ObjectNode gradual() {
        return staged("gradual", "linear", 0.1, c.below(1200), 60, 600, 900, 2000);
    }

    /** A rollout from {@code startPercentage} on day {@code start}, to half the users and then all in two stages. */
    private ObjectNode staged(String type, String stageType, double startPercentage, int start, int half, int halfSpan,
            int all, int allSpan) {
        ObjectNode o = Json.object().put("type", type).put("startPercentage", startPercentage);
        o.put("startDate", Dates.realistic(c, start));
        ArrayNode stages = o.putArray("stages");
        stages.add(stage(stageType, Dates.realistic(c, start + half + c.below(halfSpan)), Json.number(0.5)));
        stages.add(stage(stageType, Dates.realistic(c, start + all + c.below(allSpan)), Json.number(1.0)));
        return o;
    }

    private static ObjectNode stage(String type, String date, JsonNode percentage) {
        ObjectNode s = Json.object().put("type", type).put("date", date);
        s.set("percentage", percentage);
        return s;
    }
}

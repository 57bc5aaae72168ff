package org.hqd.payment;

import java.util.Objects;
import java.util.Optional;

/*
 * The order of the rules (docs/payment.md):
 *  1. the payer: a value the rules do not list as insured is not paid (no points, no payment);
 *  2. a case accepted for 特病单议 is paid as the rules' review says (case type special, rule "review");
 *  3. a case not grouped, or whose group has no weight in the version, as the rules' ungrouped says (ungrouped);
 *  4. the first special case whose condition holds (special, its id);
 *  5. r = charges / the group's mean cost: r ≥ the multiple of the group's weight band → high; r < costBelow →
 *     low; otherwise normal, base points.
 * base = weight × points per weight × the case's adjustment; payment = points × yuan per point, rounded to the fen.
 */
/** The insurer's settlement of cases under one set of rules and one weight version. Stateless and thread-safe. */
public final class PaymentEvaluator {
    private final PaymentRules rules;
    private final PaymentWeights weights;
    private final double yuanPerPoint;
    private final double yuanPerWeight;
    private final CaseCostSource costs;

    private PaymentEvaluator(PaymentRules rules, PaymentWeights weights, double yuanPerPoint, CaseCostSource costs) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.weights = Objects.requireNonNull(weights, "weights");
        this.costs = Objects.requireNonNull(costs, "costs");
        if (!(yuanPerPoint > 0)) {
            throw new IllegalArgumentException("yuan per point must be positive: " + yuanPerPoint);
        }
        this.yuanPerPoint = yuanPerPoint;
        this.yuanPerWeight = weights.yuanPerWeight(rules.pointsPerWeight());
    }

    /**
     * @param yuanPerPoint the value of a point: the version's ({@link PaymentWeights#yuanPerPoint}), a budget-neutral
     *                     one, or the 清算 point value
     */
    public static PaymentEvaluator of(PaymentRules rules, PaymentWeights weights, double yuanPerPoint,
                                      CaseCostSource costs) {
        return new PaymentEvaluator(rules, weights, yuanPerPoint, costs);
    }

    public PaymentRules rules() {
        return rules;
    }

    public double yuanPerPoint() {
        return yuanPerPoint;
    }

    public Settlement settle(PaymentCase c) {
        return settle(c, false);
    }

    /** Settles one case; with {@code trace}, the settlement says why, step by step. */
    public Settlement settle(PaymentCase c, boolean trace) {
        PaymentTrace t = trace ? new PaymentTrace() : PaymentTrace.OFF;
        Optional<Payer> payer = rules.payers().of(c.payer());
        boolean insured = payer.isPresent() && payer.get().insured();
        t.payer(c.payer(), payer, insured);
        double charges = c.chargesOrZero();
        Optional<GroupWeight> g = c.grouped() ? weights.group(c.group()) : Optional.empty();
        double weight = g.map(GroupWeight::weight).orElse(Double.NaN);
        String rule;
        CaseType type;
        PointsFormula formula;
        double multiple = Double.NaN;
        if (!c.reviewReason().isEmpty()) {
            type = CaseType.SPECIAL;
            rule = "review";
            formula = rules.review().points();
            t.add(rules.review().label() + "：" + c.reviewReason());
        } else if (g.isEmpty()) {
            type = CaseType.UNGROUPED;
            rule = "ungrouped";
            formula = rules.ungrouped().points();
            t.add(c.grouped() ? "病组 " + c.group() + " 在权重版本 " + weights.name() + " 中没有权重：按"
                    + rules.ungrouped().label() + "病例支付" : "病例未入组：按" + rules.ungrouped().label() + "病例支付");
        } else {
            SpecialCase special = firstSpecial(c);
            double mean = weights.meanCost(g.get(), rules.pointsPerWeight());
            double r = charges / mean;
            multiple = rules.high().multipleFor(weight);
            t.group(c.group(), weight, mean, charges, r);
            if (special != null) {
                type = CaseType.SPECIAL;
                rule = special.id();
                formula = special.points();
                t.add(special.label() + "（" + special.when().label() + "）");
            } else if (r >= multiple) {
                type = CaseType.HIGH;
                rule = "high";
                formula = rules.high().points();
                t.add(String.format("费用/均费 %.4f ≥ 权重 %.4f 所在区间的倍数 %s：高倍率病例", r, weight, num(multiple)));
            } else if (r < rules.low().costBelow()) {
                type = CaseType.LOW;
                rule = "low";
                formula = rules.low().points();
                t.add(String.format("费用/均费 %.4f < %s：低倍率病例", r, num(rules.low().costBelow())));
            } else {
                type = CaseType.NORMAL;
                rule = "normal";
                formula = PointsFormula.BASE;
                t.add(String.format("费用/均费 %.4f 在 %s 与 %s 之间：正常病例", r, num(rules.low().costBelow()),
                        num(multiple)));
            }
        }
        String code = payer.map(Payer::code).orElse(c.payer().strip());
        double cost = costs.costOf(c);
        if (!insured) {
            t.add("非基金支付病例：不计点数和支付");
            return new Settlement(c.hospitalId(), c.recordId(), code, false, c.group(), weight, type, rule, Double.NaN,
                    0, charges, cost, t.steps());
        }
        double base = g.isPresent() ? weight * rules.pointsPerWeight() * c.adjustment() : 0;
        double points = Math.max(0, points(formula, base, g.isPresent() ? charges / weights.meanCost(g.get(),
                rules.pointsPerWeight()) : 0, multiple, charges));
        long fen = Math.round(points * yuanPerPoint * 100);
        t.points(formula, base, points, yuanPerPoint, fen);
        return new Settlement(c.hospitalId(), c.recordId(), code, true, c.group(), weight, type, rule, points, fen,
                charges, cost, t.steps());
    }

    private SpecialCase firstSpecial(PaymentCase c) {
        for (SpecialCase s : rules.special()) {
            if (s.when().test(c.dischargeMethod(), c.losDays())) {
                return s;
            }
        }
        return null;
    }

    /** The points of a formula; {@code r} is charges / mean cost, {@code m} the band's multiple. */
    double points(PointsFormula f, double base, double r, double m, double charges) {
        return switch (f) {
            case BASE -> base;
            case BASE_PLUS_EXCESS -> base + (r - m) * base;
            case PROPORTIONAL -> base * r;
            case PROPORTIONAL_CAPPED -> base * Math.min(r, 1.0);
            case COST -> charges / yuanPerWeight * rules.pointsPerWeight();
            case NONE -> 0;
        };
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

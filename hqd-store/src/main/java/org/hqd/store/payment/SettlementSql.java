package org.hqd.store.payment;

import java.util.Map;
import org.hqd.casemix.CaseFilter;
import org.hqd.payment.CaseCondition;
import org.hqd.payment.OutlierBand;
import org.hqd.payment.Payer;
import org.hqd.payment.PaymentRules;
import org.hqd.payment.PointsFormula;
import org.hqd.payment.SpecialCase;
import org.hqd.store.query.CaseFilterSql;
import org.hqd.store.query.CaseSql;

/*
 * The settlement of org.hqd.payment.PaymentEvaluator (the reference, docs/payment.md) written as SQL over the cases,
 * with the same order of rules and the same arithmetic in the same order, so that the two give the same doubles:
 *   payer → insured; review → the rules' review formula; no weighted group → ungrouped; the first special case;
 *   r = charges / mean ≥ the band's multiple → high; r < costBelow → low; else normal (base points).
 *   base = weight × points per weight × adjustment; payment (fen) = round(points × yuan per point × 100).
 * Rule values are bound as parameters (never spliced into the text). The CTE "settled" has one row per case:
 *   hospital_id, record_id, discharge_date, department, physician, drg (the case's DRG), drug_cost, material_cost,
 *   exam_lab_cost, payer, insured, grp (the
 *   case's group under the basis: its DRG or DIP group), weight (NULL when the group has none), case_type, rule, points, payment_fen, charges, cost_fen, balance_fen.
 */
/** Writes the per-case settlement CTE for a set of rules, a weight basis, a cost basis and a case filter. */
final class SettlementSql {
    private SettlementSql() {
    }

    /** {@code WITH … settled AS (…)}; the caller appends its SELECT over {@code settled}. */
    static Bound with(PaymentRules rules, WeightBasis basis, CostBasis costs, CaseFilter filter) {
        double ppw = rules.pointsPerWeight();
        Bound b = new Bound().add("WITH payer(value, code, insured) AS (VALUES ");
        boolean first = true;
        for (Map.Entry<String, Payer> e : rules.payers().values().entrySet()) {
            b.add((first ? "" : ", ") + "(?::VARCHAR, ?::VARCHAR, ?::BOOLEAN)", e.getKey(), e.getValue().code(),
                    e.getValue().insured());
            first = false;
        }
        b.add("),\nw AS (").add(basis.weights()).add("),\nc AS (SELECT c.hospital_id, c.record_id, c.discharge_date, "
                + "c.department, c.attending_physician AS physician, c.drg, c.payer AS payer_raw, p.code AS payer_code, "
                + CaseSql.expand("{c.drug} AS drug_cost, {c.material} AS material_cost, {c.exam_lab} AS exam_lab_cost, ")
                + "coalesce(p.insured, false) AS insured, coalesce(" + basis.group() + ", '') AS grp, w.weight, coalesce(w.base_cost, w.weight * ").add(basis.yuanPerWeight())
                .add(") AS mean_cost, coalesce(c.total_cost, 0) AS charges, " + costs.expression() + " AS cost, "
                        + "trim(coalesce(c.discharge_method, '')) AS dm, coalesce(c.los_days, -1) AS los, r.reason, "
                        + basis.adjustment() + " AS adj, coalesce(").add(basis.grouped()).add(", false) AS is_grouped, ")
                .add(basis.yuanPerWeight()).add(" AS ypw, ")
                .add(basis.yuanPerPoint()).add(" AS ypp\nFROM case_records c LEFT JOIN payer p ON p.value = trim(c.payer) "
                        + "LEFT JOIN w ON ").add(basis.weightJoin()).add(" LEFT JOIN payment_reviews r ON r.hospital_id = c.hospital_id AND r.record_id = c.record_id"
                        + basis.joins() + costs.join() + "\nWHERE "
                        + CaseFilterSql.period("c") + " AND "
                        + CaseFilterSql.hospital("c"))
                .add("", periodAndHospital(filter));
        b.add("),\nt AS (SELECT *, charges / mean_cost AS r, ").add(multiple(rules)).add(" AS m, ");
        b.add("CASE WHEN reason IS NOT NULL AND reason <> '' THEN 'review' WHEN weight IS NULL THEN 'ungrouped' ");
        for (SpecialCase s : rules.special()) {
            b.add("WHEN ").add(condition(s.when())).add(" THEN ?::VARCHAR ", s.id());
        }
        b.add("WHEN charges / mean_cost >= ").add(multiple(rules)).add(" THEN 'high' WHEN charges / mean_cost < ?::DOUBLE "
                + "THEN 'low' ELSE 'normal' END AS rule FROM c),\n", rules.low().costBelow());
        b.add("p AS (SELECT *, weight * ?::DOUBLE * adj AS base FROM t),\n", ppw);
        b.add("q AS (SELECT *, CASE WHEN insured THEN greatest(0, CASE rule WHEN 'review' THEN ")
                .add(formula(rules.review().points(), ppw)).add(" WHEN 'ungrouped' THEN ")
                .add(formula(rules.ungrouped().points(), ppw));
        for (SpecialCase s : rules.special()) {
            b.add(" WHEN ?::VARCHAR THEN ", s.id()).add(formula(s.points(), ppw));
        }
        b.add(" WHEN 'high' THEN ").add(formula(rules.high().points(), ppw)).add(" WHEN 'low' THEN ")
                .add(formula(rules.low().points(), ppw)).add(" ELSE base END) END AS points FROM p),\n");
        b.add("settled AS (SELECT hospital_id, record_id, discharge_date, department, physician, drg, drug_cost, "
                + "material_cost, exam_lab_cost, "
                + "coalesce(payer_code, trim(coalesce(payer_raw, ''))) AS payer, insured, grp, weight, "
                + "CASE WHEN rule IN ('high', 'low', 'normal', 'ungrouped') THEN rule ELSE 'special' END AS case_type, "
                + "rule, CASE WHEN insured THEN points END AS points, "
                + "CASE WHEN insured THEN round(points * ypp * 100)::BIGINT ELSE 0 END AS payment_fen, charges, "
                + "round(cost * 100)::BIGINT AS cost_fen, "
                + "CASE WHEN insured THEN round(points * ypp * 100)::BIGINT - round(cost * 100)::BIGINT END AS balance_fen "
                + "FROM q)\n");
        return b;
    }

    private static Object[] periodAndHospital(CaseFilter f) {
        Object from = f.from().map(java.sql.Date::valueOf).orElse(null);
        Object to = f.to().map(java.sql.Date::valueOf).orElse(null);
        Object h = f.hospital().orElse(null);
        return new Object[] {from, from, to, to, h, h};
    }

    /** The high-outlier multiple of the band of {@code weight}. */
    private static Bound multiple(PaymentRules rules) {
        if (rules.high().bands().size() == 1) {
            return new Bound().add("?::DOUBLE", rules.high().bands().get(0).multiple());
        }
        Bound b = new Bound().add("CASE");
        for (OutlierBand band : rules.high().bands()) {
            if (band.weightAtMost() == Double.POSITIVE_INFINITY) {
                b.add(" ELSE ?::DOUBLE", band.multiple());
            } else {
                b.add(" WHEN weight <= ?::DOUBLE THEN ?::DOUBLE", band.weightAtMost(), band.multiple());
            }
        }
        return b.add(" END");
    }

    private static Bound condition(CaseCondition c) {
        Bound b = new Bound().add("(TRUE");
        if (!c.dischargeMethods().isEmpty()) {
            b.add(" AND dm IN (");
            for (int i = 0; i < c.dischargeMethods().size(); i++) {
                b.add(i == 0 ? "?::VARCHAR" : ", ?::VARCHAR", c.dischargeMethods().get(i));
            }
            b.add(")");
        }
        if (c.losDaysAtMost() >= 0) {
            b.add(" AND los >= 0 AND los <= ?::INTEGER", c.losDaysAtMost());
        }
        if (c.losDaysAtLeast() >= 0) {
            b.add(" AND los >= ?::INTEGER", c.losDaysAtLeast());
        }
        return b.add(")");
    }

    /** The points of a formula over the columns of {@code p}: base, r (charges / mean), m (multiple), charges, ypw. */
    private static Bound formula(PointsFormula f, double ppw) {
        return switch (f) {
            case BASE -> new Bound().add("base");
            case BASE_PLUS_EXCESS -> new Bound().add("base + (r - m) * base");
            case PROPORTIONAL -> new Bound().add("base * r");
            case PROPORTIONAL_CAPPED -> new Bound().add("base * least(r, 1.0)");
            case COST -> new Bound().add("charges / ypw * ?::DOUBLE", ppw);
            case NONE -> new Bound().add("0.0");
        };
    }
}

package org.hqd.store.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hqd.costing.CostMargin;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;

/**
 * Cost-output of every unit over a period (DESIGN §3.4) with the definitions of
 * {@link org.hqd.casemix.performance.CostOutput}: DRG payment = base rate × RW of the latest weight version, per
 * grouped case; balance = payment − cost. For each unit, the charge category that most exceeds its DRG
 * standards (drugs, consumables, examinations + laboratory tests), summed over its cases, says why it loses.
 * Beside the balance on charges, the balance on cost ({@link CostMargin}): payment − case cost over the cases that
 * have a cost from the cost accounting ({@code case_costs}, hqd costing run).
 */
public final class CostOutputQuery {
    /** What a unit is: the levels of {@link UnitMetricsQuery} and single DRGs. */
    public enum Level {
        HOSPITAL("c.hospital_id"),
        DEPARTMENT("c.hospital_id || '/' || coalesce(c.department, '')"),
        PHYSICIAN("c.hospital_id || '/' || coalesce(c.attending_physician, '')"),
        DRG("c.drg");

        private final String expression;

        Level(String expression) {
            this.expression = expression;
        }
    }

    /**
     * One unit's cost-output; {@code excessCategory} is 药品费, 耗材费 or 检查化验费 (empty when no category
     * exceeds its standards) and {@code excessAmount} its total excess in yuan. {@code cost} is the charges (总费用);
     * {@code costedCases} of the cases have a case cost: their payment, charges and cost, and {@code balanceOnCost}
     * = their payment − their cost (0 when no case is costed).
     */
    public record Line(String unit, long cases, double payment, double cost, double balance, String excessCategory,
                       double excessAmount, long costedCases, double costedPayment, double costedCharges,
                       double caseCost, double balanceOnCost) {
        /** The margins of the line as the core computes them. */
        public CostMargin margin() {
            return new CostMargin(unit, cases, payment, cost, costedCases, costedPayment, caseCost);
        }
    }

    private static final String SQL = """
            WITH latest AS (SELECT * FROM drg_standards WHERE version = (SELECT max(version) FROM weight_versions)),
            unit_cases AS (
                SELECT %s AS unit, c.total_cost, coalesce(hr.rate, ?) * coalesce(l.rw, 0) AS payment,
                       k.cost / 100.0 AS case_cost,
                       coalesce(c.cost_western_drug, 0) + coalesce(c.cost_herbal, 0) + coalesce(c.cost_patent_drug, 0)
                           - coalesce(l.mean_drug_cost, 0) AS drug_excess,
                       coalesce(c.cost_material, 0) - coalesce(l.mean_consumable_cost, 0) AS material_excess,
                       coalesce(c.cost_exam, 0) + coalesce(c.cost_lab, 0) - coalesce(l.mean_exam_lab_cost, 0) AS exam_excess
                FROM case_records c LEFT JOIN latest l ON l.drg = c.drg
                LEFT JOIN case_costs k ON k.hospital_id = c.hospital_id AND k.record_id = c.record_id
                LEFT JOIN (SELECT substr(key, %d) AS hospital_id, TRY_CAST(value AS DOUBLE) AS rate FROM settings
                           WHERE key LIKE '%s%%' AND ?) hr ON hr.hospital_id = c.hospital_id
                WHERE c.status = 'GROUPED' AND %s AND %s)
            SELECT unit, count(*), sum(payment), sum(total_cost), sum(payment) - sum(total_cost),
                   sum(drug_excess), sum(material_excess), sum(exam_excess), count(case_cost),
                   coalesce(sum(payment) FILTER (WHERE case_cost IS NOT NULL), 0),
                   coalesce(sum(total_cost) FILTER (WHERE case_cost IS NOT NULL), 0), coalesce(sum(case_cost), 0)
            FROM unit_cases GROUP BY unit ORDER BY sum(payment) - sum(total_cost), unit
            """;

    /** The setting of the region-wide base rate (yuan per unit of weight). */
    public static final String REGION_RATE = "base_rate";
    /** The prefix of a hospital's own base-rate setting, followed by its hospital id. */
    public static final String HOSPITAL_RATE_PREFIX = "base_rate:";

    private final DataDirectory dir;

    public CostOutputQuery(DataDirectory dir) {
        this.dir = dir;
    }

    /** The units, the biggest loss first. */
    public List<Line> run(Level level, double baseRate, CaseFilter filter) {
        return run(level, baseRate, filter, false);
    }

    /**
     * As {@link #run(Level, double, CaseFilter)}; with {@code hospitalRates}, a hospital whose own base rate is in
     * the settings ({@link #HOSPITAL_RATE_PREFIX} + hospital id) is paid at that rate, the others at
     * {@code baseRate}.
     */
    public List<Line> run(Level level, double baseRate, CaseFilter filter, boolean hospitalRates) {
        List<Line> out = new ArrayList<>();
        String sql = String.format(SQL, level.expression, HOSPITAL_RATE_PREFIX.length() + 1, HOSPITAL_RATE_PREFIX,
                CaseFilter.PERIOD_SQL.replace("discharge_date", "c.discharge_date"),
                CaseFilter.HOSPITAL_SQL.replace("hospital_id", "c.hospital_id"));
        try (PreparedStatement s = dir.connection().prepareStatement(sql)) {
            s.setDouble(1, baseRate);
            s.setBoolean(2, hospitalRates);
            filter.bindHospital(s, filter.bindPeriod(s, 3));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    double[] excess = {r.getDouble(6), r.getDouble(7), r.getDouble(8)};
                    String[] names = {"药品费", "耗材费", "检查化验费"};
                    int worst = 0;
                    for (int i = 1; i < 3; i++) {
                        if (excess[i] > excess[worst]) {
                            worst = i;
                        }
                    }
                    boolean over = excess[worst] > 0;
                    CostMargin m = new CostMargin(r.getString(1), r.getLong(2), r.getDouble(3), r.getDouble(4),
                            r.getLong(9), r.getDouble(10), r.getDouble(12));
                    out.add(new Line(m.unit(), m.cases(), m.payment(), m.charges(), m.marginOnCharges(),
                            over ? names[worst] : "", over ? excess[worst] : 0, m.costedCases(), m.costedPayment(),
                            r.getDouble(11), m.cost(), m.marginOnCost().orElse(0)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("计算成本产出", e);
        }
    }

    /** The budget-neutral base rate of the latest weight version: the mean cost of its kept cases. */
    public double neutralBaseRate() {
        try (var s = dir.connection().createStatement(); ResultSet r = s.executeQuery(
                "SELECT sum(mean_cost * trimmed_cases) / sum(trimmed_cases) FROM standards")) {
            r.next();
            return r.getDouble(1);
        } catch (SQLException e) {
            throw new StoreException("计算基准费率", e);
        }
    }
}

package org.hqd.store.query;

import java.util.ArrayList;
import java.util.List;
import org.hqd.casemix.CaseFilter;
import org.hqd.costing.CostMargin;
import org.hqd.payment.CostLevel;
import org.hqd.payment.PaymentMethod;
import org.hqd.payment.PaymentRules;
import org.hqd.payment.UnitCostOutput;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;
import org.hqd.store.payment.CostBasis;
import org.hqd.store.payment.PaymentStore;
import org.hqd.store.payment.SettlementQuery;
import org.hqd.store.payment.WeightBasis;

/**
 * Cost-output of every unit over a period (DESIGN §3.4) as the insurer pays it: the payment of each unit's insured
 * cases under the DRG payment rules in force ({@link SettlementQuery}: outlier rules, special cases, only payers the
 * fund pays) — on the official weight version or, by default here, on HQD's latest weights at a base rate — and the
 * balance = payment − cost. For each unit, the charge category that most exceeds its DRG standards (drugs,
 * consumables, examinations + laboratory tests), summed over its cases, says why it loses.
 * Beside the balance on charges, the balance on cost ({@link CostMargin}): payment − case cost over the insured
 * cases that have a cost from the cost accounting ({@code case_costs}, hqd costing run).
 */
public final class CostOutputQuery {
    /** The setting of the region-wide base rate (yuan per unit of weight). */
    public static final String REGION_RATE = WeightBasis.REGION_RATE;
    /** The prefix of a hospital's own base-rate setting, followed by its hospital id. */
    public static final String HOSPITAL_RATE_PREFIX = WeightBasis.HOSPITAL_RATE;

    private static final String[] CATEGORIES = {"药品费", "耗材费", "检查化验费"};

    private final DataDirectory dir;

    public CostOutputQuery(DataDirectory dir) {
        this.dir = dir;
    }

    /** The units at this base rate on HQD's weights, the biggest loss first. */
    public List<UnitCostOutput> run(CostLevel level, double baseRate, CaseFilter filter) {
        return run(level, baseRate, filter, false);
    }

    /**
     * As {@link #run(CostLevel, double, CaseFilter)}; with {@code hospitalRates}, a hospital whose own base rate is in the
     * settings ({@link #HOSPITAL_RATE_PREFIX} + hospital id) is paid at that rate, the others at {@code baseRate}.
     */
    public List<UnitCostOutput> run(CostLevel level, double baseRate, CaseFilter filter, boolean hospitalRates) {
        PaymentRules rules = new PaymentStore(dir).rules(PaymentMethod.DRG);
        return run(level, filter, rules, WeightBasis.standards("HQD 权重", baseRate, hospitalRates,
                rules.pointsPerWeight()), CostBasis.CHARGES);
    }

    /** The units under these rules, weights and costs, the biggest loss first. */
    public List<UnitCostOutput> run(CostLevel level, CaseFilter filter, PaymentRules rules, WeightBasis basis, CostBasis costs) {
        List<UnitCostOutput> out = new ArrayList<>();
        for (SettlementQuery.UnitSettlement u : new SettlementQuery(dir, rules, basis, costs)
                .units(unit(level), filter)) {
            int worst = 0;
            for (int i = 1; i < 3; i++) {
                if (u.excess()[i] > u.excess()[worst]) {
                    worst = i;
                }
            }
            boolean over = u.excess()[worst] > 0;
            SettlementQuery.Costed k = u.costed();
            CostMargin m = new CostMargin(u.unit(), u.cases(), u.paymentFen() / 100.0, u.costFen() / 100.0, k.cases(),
                    k.paymentFen() / 100.0, k.caseCostFen() / 100.0);
            out.add(new UnitCostOutput(m.unit(), m.cases(), m.payment(), m.charges(), (u.paymentFen() - u.costFen()) / 100.0,
                    over ? CATEGORIES[worst] : "", over ? u.excess()[worst] : 0, m.costedCases(), m.costedPayment(),
                    k.chargesFen() / 100.0, m.cost(), m.marginOnCost().orElse(0), u.excess()[0], u.excess()[1],
                    u.excess()[2]));
        }
        return out;
    }

    /** The budget-neutral base rate of the latest weight version: the mean cost of its kept cases. */
    public double neutralBaseRate() {
        return Query.of("计算基准费率", "SELECT sum(mean_cost * trimmed_cases) / sum(trimmed_cases) FROM standards")
                .read(dir.connection(), r -> r.next() ? r.getDouble(1) : 0);
    }

    /** The SQL of a unit's key over the settled cases. */
    private static String unit(CostLevel level) {
        return switch (level) {
            case HOSPITAL -> "hospital_id";
            case DEPARTMENT -> "hospital_id || '/' || coalesce(department, '')";
            case PHYSICIAN -> "hospital_id || '/' || coalesce(physician, '')";
            case DRG -> "coalesce(drg, '')";
            case HOSPITAL_DRG -> "hospital_id || '/' || coalesce(drg, '')";
            case DEPARTMENT_DRG -> "hospital_id || '/' || coalesce(department, '') || '/' || coalesce(drg, '')";
        };
    }

}

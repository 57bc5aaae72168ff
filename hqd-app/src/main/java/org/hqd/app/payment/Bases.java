package org.hqd.app.payment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.HqdException;
import org.hqd.app.DataAccess;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.dip.DipGroup;
import org.hqd.casemix.standards.GroupStandard;
import org.hqd.payment.GroupWeight;
import org.hqd.payment.PaymentMethod;
import org.hqd.payment.PaymentRules;
import org.hqd.payment.PaymentWeights;
import org.hqd.payment.WeightVersion;
import org.hqd.store.DataDirectory;
import org.hqd.store.dip.DipStore;
import org.hqd.store.payment.CostBasis;
import org.hqd.store.payment.PaymentStore;
import org.hqd.store.payment.SettlementQuery;
import org.hqd.store.payment.WeightBasis;
import org.hqd.store.query.CostOutputQuery;
import org.hqd.store.standards.StandardsStore;

/*
 * What a settlement is computed on, in this order:
 *  DRG: an explicit base rate (a what-if on HQD's weights) > the official weight version in force > HQD's latest
 *       weights at the stored region rate (hospitals with a stored rate at theirs) or the budget-neutral rate;
 *  DIP: the latest DIP catalogue (official or built) at its point value.
 * A point is worth the published value (rate / points per weight, or the point value), else the budget-neutral value
 * of the period: the cost of its insured cases / their points (points do not depend on the value).
 */
/** Resolves the rules, weights and point value a settlement uses. */
final class Bases {
    /** The resolved basis: the store's pieces, the core's weights (for explanations) and the description. */
    record Resolved(PaymentRules rules, WeightBasis basis, PaymentWeights weights, SettlementBasis info) {
        SettlementQuery query(DataDirectory d) {
            return new SettlementQuery(d, rules, basis, CostBasis.CHARGES);
        }
    }

    private Bases() {
    }

    static Resolved resolve(DataDirectory d, PaymentMethod method, CaseFilter period, OptionalDouble baseRate) {
        PaymentStore store = new PaymentStore(d);
        PaymentRules rules = store.rules(method);
        double ppw = rules.pointsPerWeight();
        if (method == PaymentMethod.DIP) {
            DipStore dip = new DipStore(d);
            DipStore.Source source = dip.source();
            if (source.version() == 0) {
                throw HqdException.withHint("还没有 DIP 目录", "：先用 hqd dip catalogue load 导入医保部门的病种目录，"
                        + "或用 hqd dip build 按本地数据生成");
            }
            Map<String, GroupWeight> groups = new LinkedHashMap<>();
            for (DipGroup g : dip.current()) {
                if (g.score() > 0 && g.meanCost() > 0) {
                    groups.put(g.key(), new GroupWeight(g.key(), g.score(), g.meanCost()));
                }
            }
            PaymentWeights w = new PaymentWeights("DIP 目录版本 " + source.version(), groups, OptionalDouble.empty(),
                    source.pointValue());
            String label = "DIP 目录版本 " + source.version() + (source.official() ? "（" + source.file() + "）"
                    : "（按本地数据生成）");
            return priced(d, rules, w, (ypw, ypp) -> WeightBasis.dip(source.version(), label, ypw, ypp), period,
                    label, method);
        }
        if (baseRate.isEmpty()) {
            Optional<WeightVersion> v = store.inForce();
            if (v.isPresent()) {
                PaymentWeights w = store.weights(v.get());
                String label = "官方权重版本 " + v.get().version() + "（" + v.get().name() + "）";
                return priced(d, rules, w, (ypw, ypp) -> WeightBasis.official(v.get().version(), label, ypw, ypp),
                        period, label, method);
            }
        }
        StandardsStore standards = new StandardsStore(d);
        int version = standards.latest().map(x -> x.version()).orElseThrow(() -> HqdException.withHint(
                "还没有病组权重", "：先用 hqd payment weights load 加载医保部门的权重，或用 hqd standards 计算 HQD 权重"));
        Optional<Double> region = d.setting(CostOutputQuery.REGION_RATE).map(Double::valueOf);
        double rate = baseRate.isPresent() ? baseRate.getAsDouble()
                : region.orElseGet(() -> new CostOutputQuery(d).neutralBaseRate());
        Map<String, GroupWeight> groups = new LinkedHashMap<>();
        for (GroupStandard g : standards.current()) {
            if (g.rw() > 0 && g.meanCost() > 0) {
                groups.put(g.drg(), new GroupWeight(g.drg(), g.rw(), g.meanCost()));
            }
        }
        PaymentWeights w = new PaymentWeights("HQD 权重版本 " + version, groups, OptionalDouble.of(rate),
                OptionalDouble.empty());
        String label = String.format("HQD 权重版本 %d（基准费率 %,.2f 元/权重，%s）", version, rate,
                baseRate.isPresent() ? "本次指定" : region.isPresent() ? "已保存的全地区费率；有医院费率的医院按其费率"
                        : "预算中性费率；有医院费率的医院按其费率");
        WeightBasis basis = WeightBasis.standards(label, rate, baseRate.isEmpty(), ppw);
        return new Resolved(rules, basis, w, new SettlementBasis(method, rules.id(), rules.name(), label, rate / ppw,
                false));
    }

    /** The scheme of the data directory (for DRG names). */
    static String scheme(DataDirectory d) {
        return DataAccess.scheme(d);
    }

    private interface BasisAt {
        WeightBasis at(double yuanPerWeight, double yuanPerPoint);
    }

    private static Resolved priced(DataDirectory d, PaymentRules rules, PaymentWeights w, BasisAt basis,
                                   CaseFilter period, String label, PaymentMethod method) {
        double ppw = rules.pointsPerWeight();
        double ypw = w.yuanPerWeight(ppw);
        OptionalDouble published = w.yuanPerPoint(ppw);
        double ypp;
        if (published.isPresent()) {
            ypp = published.getAsDouble();
        } else {
            double[] pc = new SettlementQuery(d, rules, basis.at(ypw, 1), CostBasis.CHARGES).insuredPointsAndCost(
                    new CaseFilter(period.from(), period.to(), Optional.empty()));
            if (!(pc[0] > 0)) {
                throw new HqdException("所选期间没有基金支付的病例，无法计算预算中性点值；请给出费率或点值");
            }
            ypp = pc[1] / pc[0];
        }
        return new Resolved(rules, basis.at(ypw, ypp), w, new SettlementBasis(method, rules.id(), rules.name(), label,
                ypp, published.isEmpty()));
    }
}

package org.hqd.app.costing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.costing.Allocation;
import org.hqd.costing.AllocationResult;
import org.hqd.costing.CaseCosting;
import org.hqd.costing.CasePools;
import org.hqd.costing.CostCentreClasses;
import org.hqd.costing.CostClass;
import org.hqd.costing.CostingException;
import org.hqd.costing.CostingInput;
import org.hqd.costing.CostingProblem;
import org.hqd.costing.CostingRules;
import org.hqd.costing.CostingRun;
import org.hqd.costing.Setting;
import org.hqd.costing.UnitCost;
import org.hqd.store.DataDirectory;
import org.hqd.store.costing.CaseCharges;
import org.hqd.store.costing.CostingInputs;

/**
 * The costing of one hospital's year from the store's inputs: direct costs from the finance actuals, the drivers, the
 * classes and rules in force → {@link Allocation}; then each clinical department's 住院 cost over its discharges of
 * the year ({@link CaseCosting}, with its loaded item costs if any). Reads only; the caller stores the run.
 */
final class HospitalCosting {
    private final DataDirectory dir;
    private final CostingInputs.Year in;
    private final CasePools pools;

    /** @param in the year's inputs of every hospital */
    HospitalCosting(DataDirectory dir, CostingInputs.Year in, CasePools pools) {
        this.dir = dir;
        this.in = in;
        this.pools = pools;
    }

    CostingRun cost(String hospital) {
        int year = in.year();
        CostingRules rules = in.rules(hospital);
        CostCentreClasses classes = in.classes(hospital);
        Map<String, Map<String, Long>> direct = in.directCosts(hospital);
        Map<String, Map<String, BigDecimal>> drivers = in.drivers(hospital);
        long notCost = 0;
        boolean anyCost = false;
        for (Map<String, Long> items : direct.values()) {
            for (Map.Entry<String, Long> e : items.entrySet()) {
                if (rules.isCost(e.getKey())) {
                    anyCost |= e.getValue() != 0;
                } else {
                    notCost += e.getValue();
                }
            }
        }
        String label = hospital + " " + year + " 年";
        if (!anyCost) {
            throw new CostingException(label + "无法核算", List.of(new CostingProblem(label, "", "没有计入成本的财务实际数"
                    + "（业务活动费用、单位管理费用）：先导入实际数（hqd budget actuals）")));
        }
        if (drivers.isEmpty()) {
            throw new CostingException(label + "无法核算", List.of(new CostingProblem(label, "", "没有分摊参数：先载入"
                    + "（hqd costing drivers load）")));
        }
        Set<String> departments = new LinkedHashSet<>(direct.keySet());
        departments.addAll(drivers.keySet());
        Map<String, CostClass> classMap = new LinkedHashMap<>();
        departments.forEach(d -> classMap.put(d, classes.classOf(d)));
        AllocationResult a = Allocation.run(new CostingInput(hospital, year, classMap, direct, drivers, rules));

        CaseCharges.Year cases = new CaseCharges(dir).of(hospital, year);
        Map<String, Map<ChargeCategory, BigDecimal>> itemCosts = in.itemCosts(hospital);
        List<CostingRun.Department> costed = new ArrayList<>();
        long uncosted = cases.withoutDepartment();
        Set<String> done = new LinkedHashSet<>();
        for (UnitCost u : a.units()) {
            if (u.setting() != Setting.INPATIENT || u.full() == 0) {
                continue;
            }
            CaseCharges.Department d = cases.departments().get(u.department());
            List<String> ids = d == null ? List.of() : d.recordIds();
            long[][] charges = d == null ? new long[0][] : d.charges();
            costed.add(new CostingRun.Department(ids, CaseCosting.cost(u.department(), u.fullByItem(), charges, pools,
                    itemCosts.getOrDefault(u.department(), Map.of()))));
            done.add(u.department());
        }
        for (Map.Entry<String, CaseCharges.Department> e : cases.departments().entrySet()) {
            if (!done.contains(e.getKey())) {
                uncosted += e.getValue().recordIds().size();
            }
        }
        return new CostingRun(a, costed, in.months(hospital), notCost, uncosted);
    }
}

package org.hqd.costing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hqd.budget.BudgetCatalog;

/**
 * A small hospital whose allocation is worked by hand in {@link AllocationTest}: two administrative centres, one
 * auxiliary, one medical-technical and two clinical departments, with the bundled rules.
 *
 * <pre>
 * direct costs (yuan)       人员经费 E0101  药品费 E0201  卫生材料费 E0202  折旧 E0301   科研教学 E0601 (not cost)
 *   全院         行政后勤类                                             600
 *   院办公室     行政后勤类  1,000
 *   消毒供应中心 医疗辅助类    300
 *   检验科       医疗技术类    500                       200
 *   内科         临床服务类  2,000         1,000
 *   外科         临床服务类  3,000
 *   科教科       行政后勤类                                                          50
 * drivers          staff  area  workload  outpatient_revenue  inpatient_revenue
 *   消毒供应中心      2    50
 *   检验科            3   100        1
 *   内科             10   250        2               3,000              7,000
 *   外科              5   200        1               1,000              9,000
 * </pre>
 */
final class SmallHospital {
    static final BudgetCatalog ITEMS = BudgetCatalog.standard();
    static final DriverCatalog DRIVERS = DriverCatalog.standard();
    static final CostingRules RULES = CostingRules.standard(DRIVERS, ITEMS);

    private SmallHospital() {
    }

    static CostingInput input() {
        Map<String, CostClass> classes = new LinkedHashMap<>();
        CostCentreClasses defaults = CostCentreClasses.standard();
        for (String d : new String[] {"全院", "院办公室", "消毒供应中心", "检验科", "内科", "外科", "科教科"}) {
            classes.put(d, defaults.classOf(d));
        }
        Map<String, Map<String, Long>> direct = new LinkedHashMap<>();
        direct.put("全院", Map.of("E0301", 60_000L));
        direct.put("院办公室", Map.of("E0101", 100_000L));
        direct.put("消毒供应中心", Map.of("E0101", 30_000L));
        direct.put("检验科", Map.of("E0101", 50_000L, "E0202", 20_000L));
        direct.put("内科", Map.of("E0101", 200_000L, "E0201", 100_000L));
        direct.put("外科", Map.of("E0101", 300_000L));
        direct.put("科教科", Map.of("E0601", 5_000L));
        Map<String, Map<String, BigDecimal>> drivers = new LinkedHashMap<>();
        drivers.put("消毒供应中心", values("staff", 2, "area", 50));
        drivers.put("检验科", values("staff", 3, "area", 100, "workload", 1));
        drivers.put("内科", values("staff", 10, "area", 250, "workload", 2, "outpatient_revenue", 3000,
                "inpatient_revenue", 7000));
        drivers.put("外科", values("staff", 5, "area", 200, "workload", 1, "outpatient_revenue", 1000,
                "inpatient_revenue", 9000));
        return new CostingInput("H1", 2024, classes, direct, drivers, RULES);
    }

    static Map<String, BigDecimal> values(Object... pairs) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], BigDecimal.valueOf(((Number) pairs[i + 1]).longValue()));
        }
        return m;
    }
}

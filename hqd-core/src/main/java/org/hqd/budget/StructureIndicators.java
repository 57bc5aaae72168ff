package org.hqd.budget;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The revenue and expenditure structure of actual amounts (DESIGN §4, 运营效率): 医疗服务收入占比 = medical service
 * revenue / medical revenue, 人员支出占比 = staff spending / operating spending, 万元收入能耗支出 = energy spending /
 * (total revenue / 10,000). Each item adds to the measures the catalogue gives it.
 */
public record StructureIndicators(Map<String, Long> measures, OptionalDouble serviceRevenueShare,
                                  OptionalDouble staffSpendingShare, OptionalDouble energyPer10kRevenue) {

    /** The structure of these actual lines (all of them: filter the months before). */
    public static StructureIndicators of(List<BudgetLine> actuals, BudgetCatalog catalog) {
        Map<String, Long> m = new TreeMap<>();
        for (String measure : BudgetCatalog.MEASURES) {
            m.put(measure, 0L);
        }
        for (BudgetLine a : actuals) {
            catalog.item(a.item()).ifPresent(i -> i.measures().forEach(x -> m.merge(x, a.fen(), Long::sum)));
        }
        return new StructureIndicators(Map.copyOf(m), ratio(m.get("medical_service_revenue"), m.get("medical_revenue")),
                ratio(m.get("staff_spending"), m.get("operating_spending")),
                m.get("total_revenue") == 0 ? OptionalDouble.empty()
                        : OptionalDouble.of(m.get("energy_spending") / (m.get("total_revenue") / 10000.0)));
    }

    private static OptionalDouble ratio(long a, long b) {
        return b == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) a / b);
    }
}

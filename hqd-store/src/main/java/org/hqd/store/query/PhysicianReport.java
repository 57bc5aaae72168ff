package org.hqd.store.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.performance.PhysicianLine;
import org.hqd.casemix.performance.RankingRule;
import org.hqd.casemix.performance.UnitLevel;
import org.hqd.casemix.performance.UnitPerformance;
import org.hqd.casemix.standards.Outlier;
import org.hqd.casemix.standards.OutlierClass;
import org.hqd.casemix.standards.StandardsParameters;
import org.hqd.payment.CostLevel;
import org.hqd.store.DataDirectory;

/**
 * Physician performance (医生绩效): each physician's unit metrics, outliers and cost-output balance, ranked by CMI
 * within their department (competition ranking; physicians with fewer grouped cases than the {@link RankingRule}
 * asks are not ranked: 例数不足).
 */
public final class PhysicianReport {

    private final DataDirectory dir;
    private final RankingRule rule;

    public PhysicianReport(DataDirectory dir) {
        this(dir, RankingRule.standard());
    }

    public PhysicianReport(DataDirectory dir, RankingRule rule) {
        this.dir = dir;
        this.rule = rule;
    }

    /** The physicians, by department and rank. */
    public List<PhysicianLine> run(double baseRate, CaseFilter filter) {
        List<UnitPerformance> metrics = new UnitMetricsQuery(dir).run(UnitLevel.PHYSICIAN, filter);
        Map<String, String> departments = new PhysicianDepartments(dir).of(filter);
        Map<String, Double> balance = new HashMap<>();
        new CostOutputQuery(dir).run(CostLevel.PHYSICIAN, baseRate, filter)
                .forEach(l -> balance.put(l.unit(), l.balance()));
        Map<String, long[]> outliers = new HashMap<>();
        for (Outlier o : new OutlierQuery(dir).run(StandardsParameters.DEFAULTS, filter)) {
            outliers.computeIfAbsent(o.hospitalId() + "/" + o.physician(), k -> new long[2])
                    [o.outlierClass() == OutlierClass.HIGH ? 0 : 1]++;
        }
        Map<String, List<UnitPerformance>> byDepartment = new HashMap<>();
        for (UnitPerformance m : metrics) {
            byDepartment.computeIfAbsent(departments.getOrDefault(m.unit(), ""), k -> new ArrayList<>()).add(m);
        }
        List<PhysicianLine> out = new ArrayList<>();
        byDepartment.forEach((department, members) -> {
            int[] ranks = rule.byCmi(members);
            for (int i = 0; i < members.size(); i++) {
                UnitPerformance m = members.get(i);
                long[] o = outliers.getOrDefault(m.unit(), new long[2]);
                out.add(new PhysicianLine(m.unit(), department, ranks[i], members.size(), m, o[0], o[1],
                        balance.getOrDefault(m.unit(), 0.0)));
            }
        });
        out.sort(Comparator.comparing(PhysicianLine::department).thenComparing(l -> l.rank() == 0 ? Integer.MAX_VALUE : l.rank())
                .thenComparing(PhysicianLine::physician));
        return out;
    }
}

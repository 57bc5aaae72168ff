package org.hqd.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.hqd.HqdException;
import org.hqd.app.Workspace;
import org.hqd.app.standards.StandardsService;
import org.hqd.casemix.performance.PhysicianLine;
import org.hqd.casemix.performance.RankingRule;
import org.hqd.io.grouping.ResultCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hqd physicians}: physician performance (医生绩效) ranked within each department. */
@Command(name = "physicians", mixinStandardHelpOptions = true, sortOptions = false,
        description = "医生绩效：每位医师的 CMI、DRG 组数、总权重、费用与时间消耗指数、低风险组死亡率、高低倍率病例数和 DRG 结余，按 CMI 在科室内排名")
final class PhysiciansCommand extends DataCommand {
    private static final RankingRule RANKING = RankingRule.standard();
    static final String HEADER = "physician,department,rank_in_department,department_size,cases,grouped,drg_count,"
            + "total_weight,cmi,cost_index,time_index,low_risk_mortality,high_outliers,low_outliers,balance";

    @Mixin
    private CaseFilterOptions cases;

    @Option(names = "--base-rate", paramLabel = "<元>", description = "DRG 结余的基准费率；默认预算中性费率")
    private Double baseRate;

    @Mixin
    private FormatOption output;

    @Override
    void run(Workspace dir, PrintWriter out) {
        WeightsInUse.of(dir, spec.commandLine().getErr());
        List<PhysicianLine> lines = new StandardsService(dir).physicians(baseRate != null
                ? OptionalDouble.of(baseRate) : OptionalDouble.empty(), cases.filter());
        if (lines.isEmpty()) {
            throw new HqdException("所选范围没有病例");
        }
        boolean csv = output.csv();
        out.println(csv ? HEADER : TextColumns.left("医师", 20) + TextColumns.left("科室", 18)
                + TextColumns.right("排名", 8) + TextColumns.right("病例", 7) + TextColumns.right("CMI", 7)
                + TextColumns.right("费用指数", 9) + TextColumns.right("时间指数", 9) + TextColumns.right("高倍率", 7)
                + TextColumns.right("结余", 12));
        for (PhysicianLine l : lines) {
            var m = l.metrics();
            if (csv) {
                StringBuilder s = new StringBuilder();
                ResultCsv.field(s, l.physician()).append(',');
                ResultCsv.field(s, l.department()).append(',').append(l.rank()).append(',')
                        .append(l.departmentSize()).append(',').append(m.cases()).append(',').append(m.grouped())
                        .append(',').append(m.drgCount()).append(',').append(Cells.csv(OptionalDouble.of(m.totalWeight())));
                for (OptionalDouble v : List.of(m.cmi(), m.costIndex(), m.timeIndex(), m.lowRiskMortality())) {
                    s.append(',').append(Cells.csv(v));
                }
                s.append(',').append(l.highOutliers()).append(',').append(l.lowOutliers()).append(',')
                        .append(String.format(Locale.ROOT, "%.2f", l.balance()));
                out.println(s);
            } else {
                out.println(TextColumns.left(l.physician(), 20) + TextColumns.left(l.department(), 18)
                        + TextColumns.right(l.rank() > 0 ? l.rank() + "/" + l.departmentSize()
                                : RANKING.ranks(m.grouped()) ? "—" : RankingRule.INSUFFICIENT, 8)
                        + TextColumns.right(String.valueOf(m.cases()), 7)
                        + TextColumns.right(Cells.fixed(m.cmi(), 3), 7) + TextColumns.right(Cells.fixed(m.costIndex(), 3), 9)
                        + TextColumns.right(Cells.fixed(m.timeIndex(), 3), 9)
                        + TextColumns.right(String.valueOf(l.highOutliers()), 7)
                        + TextColumns.right(String.format("%,.0f", l.balance()), 12));
            }
        }
    }


}

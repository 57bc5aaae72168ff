package org.hqd.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hqd.app.Workspace;
import org.hqd.app.standards.StandardsService;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.standards.GroupStandard;
import org.hqd.casemix.standards.WeightVersion;
import org.hqd.io.grouping.ResultCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hqd standards}: the DRG standards (病组标准) and relative weights of a data directory. */
@Command(name = "standards", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"病组标准与相对权重：从基线病例计算（裁剪、RW、费用/住院日/药品/耗材/检查检验标准、死亡率与风险等级）。",
            "权重按版本保存；首次运行时计算版本 1，之后只在 --recompute 时计算新版本。"})
final class StandardsCommand extends DataCommand {
    static final String HEADER = "drg,drg_name,cases,trimmed_cases,rw,mean_cost,median_cost,p25_cost,p75_cost,"
            + "p90_cost,mean_los,mean_drug_cost,mean_consumable_cost,mean_exam_lab_cost,mortality,risk_level";

    @Option(names = "--recompute", description = "按当前数据计算新的权重版本")
    private boolean recompute;

    @Option(names = "--baseline-from", paramLabel = "<YYYY-MM-DD>", description = "基线起始出院日期（含）")
    private LocalDate from;

    @Option(names = "--baseline-to", paramLabel = "<YYYY-MM-DD>", description = "基线截止出院日期（含）")
    private LocalDate to;

    @Mixin
    private FormatOption output;

    @Override
    void run(Workspace dir, PrintWriter out) {
        PrintWriter err = spec.commandLine().getErr();
        StandardsService service = new StandardsService(dir);
        Optional<WeightVersion> latest = service.latest();
        if (latest.isEmpty() || recompute || from != null || to != null) {
            long started = System.nanoTime();
            WeightVersion v = service.compute(Optional.ofNullable(from), Optional.ofNullable(to));
            err.printf("已计算权重版本 %d：基线 %s 至 %s，%,d 例，方法 %s（%s），用时 %.2f 秒%n", v.version(),
                    v.baselineFrom().map(Object::toString).orElse("最早"),
                    v.baselineTo().map(Object::toString).orElse("最晚"), v.cases(), v.method(), v.parameters(),
                    (System.nanoTime() - started) / 1e9);
        } else {
            WeightVersion v = latest.get();
            err.printf("权重版本 %d（%s 计算，基线 %s 至 %s，%,d 例）；用 --recompute 重新计算%n", v.version(),
                    v.computedAt().toLocalDate(), v.baselineFrom().map(Object::toString).orElse("最早"),
                    v.baselineTo().map(Object::toString).orElse("最晚"), v.cases());
        }
        print(out, service.current(), dir.pack());
    }

    private void print(PrintWriter out, List<GroupStandard> rows, RulePack pack) {
        boolean csv = output.csv();
        if (csv) {
            out.println(HEADER);
        } else {
            out.println(TextColumns.left("DRG", 6) + TextColumns.right("病例", 7) + TextColumns.right("裁剪后", 7)
                    + TextColumns.right("RW", 8) + TextColumns.right("均费用", 11) + TextColumns.right("中位数", 11)
                    + TextColumns.right("P90", 11) + TextColumns.right("平均住院日", 11) + TextColumns.right("死亡率", 8)
                    + TextColumns.right("风险", 5) + "  名称");
        }
        for (GroupStandard g : rows) {
            String name = pack.drgs().containsKey(g.drg()) ? pack.drgs().get(g.drg()).name() : "";
            if (csv) {
                StringBuilder s = new StringBuilder();
                ResultCsv.field(s.append(g.drg()).append(','), name);
                s.append(',').append(g.cases()).append(',').append(g.trimmedCases());
                for (double v : new double[] {g.rw(), g.meanCost(), g.medianCost(), g.p25Cost(), g.p75Cost(),
                    g.p90Cost(), g.meanLos(), g.meanDrugCost(), g.meanConsumableCost(), g.meanExamLabCost(),
                    g.mortality()}) {
                    s.append(',').append(String.format(Locale.ROOT, "%.6f", v));
                }
                out.println(s.append(',').append(g.riskLevel()));
            } else {
                out.println(TextColumns.left(g.drg(), 6) + TextColumns.right(String.valueOf(g.cases()), 7)
                        + TextColumns.right(String.valueOf(g.trimmedCases()), 7)
                        + TextColumns.right(String.format("%.4f", g.rw()), 8)
                        + TextColumns.right(String.format("%,.0f", g.meanCost()), 11)
                        + TextColumns.right(String.format("%,.0f", g.medianCost()), 11)
                        + TextColumns.right(String.format("%,.0f", g.p90Cost()), 11)
                        + TextColumns.right(String.format("%.1f", g.meanLos()), 11)
                        + TextColumns.right(String.format("%.2f%%", 100 * g.mortality()), 8)
                        + TextColumns.right(String.valueOf(g.riskLevel()), 5) + "  " + name);
            }
        }
    }
}

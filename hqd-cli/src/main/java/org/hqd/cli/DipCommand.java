package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hqd.HqdException;
import org.hqd.app.Workspace;
import org.hqd.app.dip.DipService;
import org.hqd.casemix.dip.DipGroup;
import org.hqd.casemix.dip.DipParameters;
import org.hqd.casemix.dip.DipUnitScore;
import org.hqd.casemix.performance.PeerGroup;
import org.hqd.casemix.performance.UnitLevel;
import org.hqd.casemix.performance.UnitPerformance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd dip build|show}: the DIP catalogue (病种分值目录) of a data directory. */
@Command(name = "dip", mixinStandardHelpOptions = true, description = "DIP 病种分值目录：build 按基线病例生成新版本，catalogue load 导入医保部门的目录，show 显示最新版本",
        subcommands = {DipCommand.Build.class, DipCommand.Show.class, DipCommand.Metrics.class, DipCatalogueCommand.class})
final class DipCommand extends CommandGroup {
    static final String HEADER = "dip_key,core,cases,kept_cases,mean_cost,score";

    /** {@code hqd dip build}. */
    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "按基线病例生成 DIP 目录：主要诊断亚目 + 手术室手术为键，基线病例数达到阈值的为核心病种，其余按诊断类目 × 治疗方式归入综合病种；分值 = 组均费用 / 全部均费用 × 1000")
    static final class Build extends DataCommand {
        @Mixin
        private CaseFilterOptions cases;

        @Option(names = "--core-min", defaultValue = "15", paramLabel = "<n>", description = "核心病种的最少病例数；默认 ${DEFAULT-VALUE}")
        private int coreMin;

        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            DipParameters p = new DipParameters(coreMin, DipParameters.DEFAULTS.diagnosticPrefixes(),
                    DipParameters.DEFAULTS.trimSigmas(), DipParameters.DEFAULTS.pointsPerMeanCost());
            DipService service = new DipService(w);
            int version = service.build(cases.filter(), p);
            List<DipGroup> groups = service.current();
            if (groups.isEmpty()) {
                throw new HqdException("基线中没有病例，DIP 目录为空");
            }
            long core = groups.stream().filter(DipGroup::core).count();
            out.printf("已生成 DIP 目录版本 %d：%,d 个病种（核心病种 %,d，综合病种 %,d），基线 %,d 例%n",
                    version, groups.size(), core, groups.size() - core,
                    groups.stream().mapToLong(DipGroup::cases).sum());
        }
    }

    /** {@code hqd dip metrics}. */
    @Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
            description = "按 DIP 病种的单元指标：入组病例、病种数、总分值、例均分值（DIP 的 CMI）、费用/时间/药品/耗材消耗指数（与同一病种的基准病例比较）、"
                    + "低风险与中低风险组死亡率、平均住院日、死亡率、次均费用，以及按点值计算的支付与结余（默认预算中性点值）")
    static final class Metrics implements Callable<Integer> {
        static final String HEADER = "unit,cases,dip_grouped,dip_count,total_score,mean_score,cost_index,time_index,"
                + "drug_index,consumable_index,low_risk_mortality,mid_low_risk_mortality,alos,mortality,mean_cost,"
                + "grouped_cost,payment,balance";

        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Option(names = "--by", defaultValue = "hospital", paramLabel = "hospital|department|physician|group",
                description = "单元（group 为 DIP 病种）；默认 ${DEFAULT-VALUE}")
        private String by;

        @Mixin
        private CaseFilterOptions cases;

        @Mixin
        private BenchmarkOption benchmark;

        @Option(names = "--point-value", defaultValue = "0", paramLabel = "<元>", description = "点值（元/分）；0 表示预算中性")
        private double pointValue;

        @Mixin
        private FormatOption output;

        @Override
        public Integer call() {
            UnitLevel level = OptionChoice.named("--by", by, l -> l == UnitLevel.DIP_GROUP ? "group"
                    : l.name().toLowerCase(Locale.ROOT), UnitLevel.HOSPITAL, UnitLevel.DEPARTMENT, UnitLevel.PHYSICIAN,
                    UnitLevel.DIP_GROUP);
            PeerGroup against = benchmark.peers();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Workspace dir = data.open()) {
                DipService service = new DipService(dir);
                if (!service.hasCatalogue()) {
                    throw new HqdException("尚无 DIP 目录：先运行 hqd dip build --data " + data.data);
                }
                long assigned = service.assignPending();
                if (assigned > 0) {
                    err.printf("已为 %,d 例新导入或更新的病例分配 DIP 病种%n", assigned);
                }
                List<DipUnitScore> lines = service.scores(level, cases.filter(), pointValue, against);
                if (lines.isEmpty()) {
                    throw cases.noCases();
                }
                err.printf("点值 %.4f 元/分（%s）%n", DipUnitScore.pointValue(lines),
                        pointValue > 0 ? "--point-value" : "预算中性");
                print(out, lines);
            }
            out.flush();
            err.flush();
            return 0;
        }

        private void print(PrintWriter out, List<DipUnitScore> lines) {
            boolean csv = output.csv();
            out.println(csv ? HEADER : TextColumns.left("单元", 22) + TextColumns.right("病例", 8)
                    + TextColumns.right("病种", 7) + TextColumns.right("例均分值", 10) + TextColumns.right("费用指数", 9)
                    + TextColumns.right("时间指数", 9) + TextColumns.right("次均费用", 10) + TextColumns.right("支付", 17)
                    + TextColumns.right("结余", 16));
            for (DipUnitScore l : lines) {
                UnitPerformance u = l.performance();
                if (csv) {
                    out.println(MetricsCommand.csvRow(u) + String.format(Locale.ROOT, ",%.2f,%.2f,%.2f",
                            l.groupedCost(), l.payment(), l.balance()));
                } else {
                    out.println(TextColumns.left(u.unit().isEmpty() ? "(未入组)" : u.unit(), 22)
                            + TextColumns.right(String.format("%,d", u.cases()), 8)
                            + TextColumns.right(String.valueOf(u.drgCount()), 7) + TextColumns.right(Cells.fixed(u.cmi(), 1), 10)
                            + TextColumns.right(Cells.fixed(u.costIndex(), 3), 9)
                            + TextColumns.right(Cells.fixed(u.timeIndex(), 3), 9)
                            + TextColumns.right(u.meanCost().isPresent() ? String.format("%,.0f", u.meanCost().getAsDouble())
                            : "—", 10) + TextColumns.right(String.format("%,.0f", l.payment()), 17)
                            + TextColumns.right(String.format("%,.0f", l.balance()), 16));
                }
            }
        }
    }

    /** {@code hqd dip show}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "显示最新的 DIP 目录")
    static final class Show implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private FormatOption output;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace dir = data.openForReading()) {
                List<DipGroup> groups = new DipService(dir).current();
                if (groups.isEmpty()) {
                    throw new HqdException("尚无 DIP 目录：先运行 hqd dip build --data " + data.data);
                }
                boolean csv = output.csv();
                out.println(csv ? HEADER : TextColumns.left("病种", 32) + TextColumns.left("类别", 8)
                        + TextColumns.right("病例", 8) + TextColumns.right("均费用", 11) + TextColumns.right("分值", 10));
                for (DipGroup g : groups) {
                    out.println(csv ? String.format(Locale.ROOT, "%s,%s,%d,%d,%.2f,%.4f", g.key(), g.core(), g.cases(),
                            g.keptCases(), g.meanCost(), g.score())
                            : TextColumns.left(g.key(), 32) + TextColumns.left(g.core() ? "核心" : "综合", 8)
                            + TextColumns.right(String.format("%,d", g.cases()), 8)
                            + TextColumns.right(String.format("%,.0f", g.meanCost()), 11)
                            + TextColumns.right(String.format("%.1f", g.score()), 10));
                }
            }
            out.flush();
            return 0;
        }
    }
}

package org.hqd.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.hqd.app.Workspace;
import org.hqd.app.standards.StandardsService;
import org.hqd.casemix.performance.PeerGroup;
import org.hqd.casemix.performance.PeriodPerformance;
import org.hqd.casemix.performance.RankingRule;
import org.hqd.casemix.performance.UnitLevel;
import org.hqd.casemix.performance.UnitPerformance;
import org.hqd.io.grouping.ResultCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd metrics}: CMI, DRG count, indices and risk mortality of every hospital, department, physician or MDC. */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"单元绩效：病例数、入组数、DRG 组数、总权重、CMI、费用/时间/药品/耗材消耗指数、低风险与中低风险组死亡率、"
            + "平均住院日、死亡率、次均费用。科室、医生和 DRG 按 CMI 排名，只排入组病例达到最少例数（30 例）的单元，",
            "其余标为“例数不足”。按出院日期选择病例；对照基准默认为同期全部医院，--benchmark tier 为同层级医院。"})
final class MetricsCommand implements Callable<Integer> {
    static final String HEADER = "unit,cases,grouped,drg_count,total_weight,cmi,cost_index,time_index,drug_index,"
            + "consumable_index,low_risk_mortality,mid_low_risk_mortality,alos,mortality,mean_cost";
    /** The column added for departments, physicians and DRGs: the CMI rank, or 例数不足 below the minimum. */
    static final String RANK_COLUMN = "cmi_rank";
    private static final RankingRule RANKING = RankingRule.standard();

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Option(names = "--by", defaultValue = "hospital", paramLabel = "hospital|department|physician|mdc|drg",
            description = "单元；默认 ${DEFAULT-VALUE}")
    private String by;

    @Mixin
    private CaseFilterOptions cases;

    @Mixin
    private BenchmarkOption benchmark;

    @Option(names = "--by-month", description = "按出院月份分列（对照基准为同月全部医院），并给出 CMI 环比变化")
    private boolean byMonth;

    @Mixin
    private FormatOption output;

    @Override
    public Integer call() {
        UnitLevel level = OptionChoice.of("--by", by, UnitLevel.HOSPITAL, UnitLevel.DEPARTMENT, UnitLevel.PHYSICIAN,
                UnitLevel.MDC, UnitLevel.DRG);
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace dir = data.open()) {
            WeightsInUse.of(dir, spec.commandLine().getErr());
            PeerGroup against = benchmark.peers();
            List<PeriodPerformance> rows = new StandardsService(dir).units(level, cases.filter(), byMonth, against);
            if (rows.isEmpty()) {
                throw cases.noCases();
            }
            boolean ranked = !byMonth && (level == UnitLevel.DEPARTMENT
                    || level == UnitLevel.PHYSICIAN || level == UnitLevel.DRG);
            print(out, ranked ? byRank(rows) : rows.stream().map(row -> new Ranked(row, 0)).toList(), ranked);
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return 0;
    }

    /** The CSV cells of {@link #HEADER} for one unit. */
    static StringBuilder csvRow(UnitPerformance u) {
        StringBuilder s = new StringBuilder();
        ResultCsv.field(s, u.unit()).append(',').append(u.cases()).append(',').append(u.grouped()).append(',')
                .append(u.drgCount()).append(',').append(Cells.csv(OptionalDouble.of(u.totalWeight())));
        for (OptionalDouble v : List.of(u.cmi(), u.costIndex(), u.timeIndex(), u.drugIndex(), u.consumableIndex(),
                u.lowRiskMortality(), u.midLowRiskMortality(), u.alos(), u.mortality(), u.meanCost())) {
            s.append(',').append(Cells.csv(v));
        }
        return s;
    }

    /** A unit's row with its CMI rank (0: not ranked: fewer grouped cases than the ranking rule's minimum). */
    private record Ranked(PeriodPerformance row, int rank) { }

    /** The rows by CMI rank (ranked units first, then the others in their order), each with its rank. */
    private static List<Ranked> byRank(List<PeriodPerformance> rows) {
        int[] ranks = RANKING.byCmi(rows.stream().map(PeriodPerformance::performance).toList());
        List<Ranked> out = new java.util.ArrayList<>();
        for (int i = 0; i < ranks.length; i++) {
            out.add(new Ranked(rows.get(i), ranks[i]));
        }
        out.sort(java.util.Comparator.comparingInt((Ranked r) -> r.rank() > 0 ? r.rank() : Integer.MAX_VALUE));
        return out;
    }

    private static String rankCell(Ranked r) {
        return r.rank() > 0 ? String.valueOf(r.rank()) : RankingRule.INSUFFICIENT;
    }

    private void print(PrintWriter out, List<Ranked> rows, boolean ranked) {
        boolean csv = output.csv();
        if (csv) {
            out.println(byMonth ? "period," + HEADER + ",cmi_change" : ranked ? HEADER + "," + RANK_COLUMN : HEADER);
        } else {
            out.println((byMonth ? TextColumns.left("月份", 9) : "") + TextColumns.left("单元", 22)
                    + (ranked ? TextColumns.right("CMI排名", 9) : "")
                    + TextColumns.right("病例", 8) + TextColumns.right("DRG组", 7)
                    + TextColumns.right("CMI", 7) + TextColumns.right("费用指数", 9) + TextColumns.right("时间指数", 9)
                    + TextColumns.right("低风险死亡率", 13) + TextColumns.right("平均住院日", 11)
                    + TextColumns.right("次均费用", 10));
        }
        UnitPerformance previous = null;
        for (Ranked r : rows) {
            PeriodPerformance row = r.row();
            UnitPerformance u = row.performance();
            // change against the previous month of the same unit (rows come by unit, then month)
            OptionalDouble change = previous != null && previous.unit().equals(u.unit()) && previous.cmi().isPresent()
                    && u.cmi().isPresent() ? OptionalDouble.of(u.cmi().getAsDouble() - previous.cmi().getAsDouble())
                    : OptionalDouble.empty();
            previous = u;
            if (csv) {
                StringBuilder s = new StringBuilder(byMonth ? row.period() + "," : "").append(csvRow(u));
                if (byMonth) {
                    s.append(',').append(Cells.csv(change));
                }
                if (ranked) {
                    s.append(',').append(rankCell(r));
                }
                out.println(s);
            } else {
                out.println((byMonth ? TextColumns.left(row.period(), 9) : "")
                        + TextColumns.left(u.unit().isEmpty() ? "(未入组)" : u.unit(), 22)
                        + (ranked ? TextColumns.right(rankCell(r), 9) : "")
                        + TextColumns.right(String.format("%,d", u.cases()), 8)
                        + TextColumns.right(String.valueOf(u.drgCount()), 7) + TextColumns.right(Cells.fixed(u.cmi(), 3), 7)
                        + TextColumns.right(Cells.fixed(u.costIndex(), 3), 9) + TextColumns.right(Cells.fixed(u.timeIndex(), 3), 9)
                        + TextColumns.right(Cells.percent(u.lowRiskMortality()), 13) + TextColumns.right(Cells.fixed(u.alos(), 1), 11)
                        + TextColumns.right(u.meanCost().isPresent() ? String.format("%,.0f", u.meanCost().getAsDouble())
                        : "—", 10) + (change.isPresent() ? String.format("  CMI 环比 %+.3f", change.getAsDouble()) : ""));
            }
        }
    }
}

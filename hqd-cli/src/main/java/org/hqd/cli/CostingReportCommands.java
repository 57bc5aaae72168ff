package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hqd.HqdException;
import org.hqd.app.Workspace;
import org.hqd.app.costing.CostingService;
import org.hqd.app.costing.DepartmentCosts;
import org.hqd.app.costing.DrgCosts;
import org.hqd.budget.Money;
import org.hqd.costing.AllocationStep;
import org.hqd.costing.CostRatio;
import org.hqd.costing.DepartmentCost;
import org.hqd.io.grouping.ResultCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The reading subcommands of {@code hqd costing}: departments, explain, ratios, drgs. */
final class CostingReportCommands {
    static final String DEPARTMENTS_HEADER = "department,class,direct_cost,allocated_in,allocated_out,full_cost,"
            + "outpatient_cost,inpatient_cost";
    static final String RATIOS_HEADER = "department,category,pool,method,cost,charges,ratio";
    static final String DRGS_HEADER = "drg,cases,mean_cost,mean_charges,mean_payment,margin";

    private CostingReportCommands() {
    }

    /** The hospital and year a report is of. */
    static final class HospitalYear {
        @Option(names = "--hospital", required = true, paramLabel = "<医院编码>", description = "医院编码")
        String hospital;
        @Option(names = "--year", required = true, paramLabel = "<年度>", description = "核算年度")
        int year;
    }

    @Command(name = "departments", mixinStandardHelpOptions = true,
            description = "科室成本：直接成本、分摊转入、分摊转出、全成本（临床科室分门诊、住院），按分摊顺序；全成本合计等于直接成本合计")
    static final class Departments implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private DataOption data;
        @Mixin
        private HospitalYear at;
        @Mixin
        private FormatOption format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace w = data.open()) {
                CostingService s = CostingCommand.service(w);
                DepartmentCosts d = s.departments(at.hospital, at.year).orElseThrow(() -> HqdException.withHint(
                        at.hospital + " " + at.year + " 年尚未核算成本", "：先用 hqd costing run 核算"));
                if (format.csv()) {
                    out.println(DEPARTMENTS_HEADER);
                    for (DepartmentCost c : d.departments()) {
                        StringBuilder b = new StringBuilder();
                        ResultCsv.field(b, c.department()).append(',').append(c.costClass().label());
                        for (long v : new long[] {c.direct(), c.allocatedIn(), c.allocatedOut(), c.full(), c.outpatient(),
                            c.inpatient()}) {
                            b.append(',').append(Money.yuan(v));
                        }
                        out.println(b);
                    }
                } else {
                    table(out, d);
                }
            }
            out.flush();
            return 0;
        }

        private static void table(PrintWriter out, DepartmentCosts d) {
            out.println(TextColumns.left("科室", 16) + TextColumns.left("类别", 12) + TextColumns.right("直接成本", 16)
                    + TextColumns.right("分摊转入", 16) + TextColumns.right("分摊转出", 16) + TextColumns.right("全成本", 16)
                    + TextColumns.right("门诊", 16) + TextColumns.right("住院", 16));
            long[] sum = new long[6];
            for (DepartmentCost c : d.departments()) {
                long[] v = {c.direct(), c.allocatedIn(), c.allocatedOut(), c.full(), c.outpatient(), c.inpatient()};
                StringBuilder b = new StringBuilder(TextColumns.left(c.department(), 16) + TextColumns.left(c.costClass()
                        .label(), 12));
                for (int i = 0; i < v.length; i++) {
                    sum[i] += v[i];
                    b.append(TextColumns.right(CostingCommand.yuan(v[i]), 16));
                }
                out.println(b);
            }
            StringBuilder b = new StringBuilder(TextColumns.left("合计", 28));
            for (long v : sum) {
                b.append(TextColumns.right(CostingCommand.yuan(v), 16));
            }
            out.println(b);
            for (AllocationStep st : d.steps()) {
                out.printf("%s（%s）分出 %s 元；各科室成本合计 %s 元%n", List.of("一级分摊", "二级分摊", "三级分摊")
                        .get(st.level() - 1), st.sender().label(), CostingCommand.yuan(st.allocated()),
                        CostingCommand.yuan(st.totalAfter()));
            }
            out.printf("金额单位：元；%d 年 %d 个月的财务实际数，规则 %s。%n", d.run().year(), d.run().months(), d.run().rulesId());
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true, description = "一个科室的成本从何而来：直接成本与门诊/住院划分、每笔分入（来源、项目、分摊参数及权重）与分出")
    static final class Explain extends DataCommand {
        @Mixin
        private HospitalYear at;
        @Option(names = "--department", required = true, paramLabel = "<科室>", description = "科室或成本中心")
        private String department;

        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            CostingService s = CostingCommand.service(w);
            s.explain(at.hospital, at.year, department).forEach(out::println);
        }
    }

    @Command(name = "ratios", mixinStandardHelpOptions = true, description = "各临床科室住院成本按收费类别的成本、收入与成本收入比")
    static final class Ratios extends DataCommand {
        @Mixin
        private HospitalYear at;
        @Mixin
        private FormatOption format;

        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            CostingService s = CostingCommand.service(w);
            out.println(format.csv() ? RATIOS_HEADER : TextColumns.left("科室", 16) + TextColumns.left("收费类别", 16)
                    + TextColumns.left("成本池", 10) + TextColumns.left("方法", 14) + TextColumns.right("成本", 16)
                    + TextColumns.right("收入", 16) + TextColumns.right("成本收入比", 12));
            for (CostRatio r : s.ratios(at.hospital, at.year)) {
                String ratio = r.ratio().isPresent() ? String.format(Locale.ROOT, "%.4f", r.ratio().getAsDouble()) : "";
                if (format.csv()) {
                    StringBuilder b = new StringBuilder();
                    ResultCsv.field(b, r.department()).append(',').append(r.category().column()).append(',');
                    ResultCsv.field(b, r.pool()).append(',').append(r.method().name()).append(',')
                            .append(Money.yuan(r.cost())).append(',').append(Money.yuan(r.charges())).append(',')
                            .append(ratio);
                    out.println(b);
                } else {
                    out.println(TextColumns.left(r.department(), 16) + TextColumns.left(r.category().label(), 16)
                            + TextColumns.left(r.pool(), 10) + TextColumns.left(r.method().label(), 14)
                            + TextColumns.right(CostingCommand.yuan(r.cost()), 16)
                            + TextColumns.right(CostingCommand.yuan(r.charges()), 16) + TextColumns.right(ratio, 12));
                }
            }
        }
    }

    @Command(name = "drgs", mixinStandardHelpOptions = true,
            description = {"DRG 成本与盈亏（已核算成本的入组病例）：例均成本、例均费用、例均支付、结余 = 支付 − 成本，亏损最多的在前。",
                "支付 = 基准费率 × RW；不指定 --base-rate 时用已保存的全地区费率（有医院费率的医院按其费率），否则用预算中性费率。"})
    static final class Drgs implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private DataOption data;
        @Option(names = "--year", required = true, paramLabel = "<年度>", description = "出院年度")
        private int year;
        @Option(names = "--hospital", paramLabel = "<医院编码>", description = "只看这家医院")
        private String hospital;
        @Option(names = "--base-rate", paramLabel = "<元>", description = "基准费率（元/权重）")
        private Double baseRate;
        @Mixin
        private FormatOption format;

        @Override
        public Integer call() {
            if (baseRate != null && !(baseRate > 0)) {
                throw new HqdException("基准费率应为正数，实际为 " + baseRate);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace w = data.open()) {
                CostingService s = CostingCommand.service(w);
                DrgCosts d = s.drgs(Optional.ofNullable(hospital), year, Optional.ofNullable(baseRate));
                spec.commandLine().getErr().printf("基准费率 %,.2f 元/权重（%s）%n", d.baseRate(), d.rateSource());
                out.println(format.csv() ? DRGS_HEADER : TextColumns.left("DRG", 34) + TextColumns.right("病例", 8)
                        + TextColumns.right("例均成本", 12) + TextColumns.right("例均费用", 12) + TextColumns.right("例均支付", 12)
                        + TextColumns.right("结余（支付−成本）", 18));
                for (DrgCosts.Line l : d.lines()) {
                    if (format.csv()) {
                        out.println(String.format(Locale.ROOT, "%s,%d,%.2f,%.2f,%.2f,%.2f", l.drg(), l.cases(), l.meanCost(),
                                l.meanCharges(), l.meanPayment(), l.margin()));
                    } else {
                        out.println(TextColumns.left(l.drg() + " " + l.name(), 34) + TextColumns.right(String.format("%,d",
                                l.cases()), 8) + TextColumns.right(String.format("%,.0f", l.meanCost()), 12)
                                + TextColumns.right(String.format("%,.0f", l.meanCharges()), 12)
                                + TextColumns.right(String.format("%,.0f", l.meanPayment()), 12)
                                + TextColumns.right(String.format("%,.0f", l.margin()), 18));
                    }
                }
            }
            out.flush();
            spec.commandLine().getErr().flush();
            return 0;
        }
    }
}

package org.hqd.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.hqd.HqdException;
import org.hqd.app.Actor;
import org.hqd.app.Workspace;
import org.hqd.app.payment.CostOutputs;
import org.hqd.app.payment.PaymentService;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.io.grouping.ResultCsv;
import org.hqd.payment.CostLevel;
import org.hqd.payment.UnitCostOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd costs}: cost-output (成本产出/盈亏) under DRG payment, the biggest losses first, and why. */
@Command(name = "costs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"成本产出（盈亏）：按医保部门的结算口径（hqd payment settle：只计基金支付的病例，高低倍率、特殊病例规则）计算支付，结余 = 支付 − 实际费用；",
            "亏损最多的单元在前，并给出超出病组标准最多的费用类别。已加载官方权重时按生效的官方权重与费率/点值；否则按 HQD 权重与基准费率",
            "（已保存的费率，或预算中性费率）；--base-rate 按 HQD 权重与指定费率试算。",
            "已核算成本（hqd costing run）的病例另给出成本结余 = 支付 − 病例成本（只计已核算成本的病例）。"})
final class CostsCommand implements Callable<Integer> {
    static final String HEADER = "unit,unit_name,cases,payment,cost,balance,balance_per_case,excess_category,excess_amount,"
            + "costed_cases,case_cost,balance_on_cost";

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Option(names = "--by", defaultValue = "hospital", paramLabel = "hospital|department|physician|drg",
            description = "单元；默认 ${DEFAULT-VALUE}")
    private String by;

    @Option(names = "--base-rate", paramLabel = "<元>", description = "本次统一使用的基准费率（元/权重），不用已保存的费率")
    private Double baseRate;

    @Option(names = "--save-base-rate", paramLabel = "<元>",
            description = "保存基准费率：与 --hospital 一起为该医院的费率，否则为全地区费率；保存后退出")
    private Double saveBaseRate;

    @Mixin
    private CaseFilterOptions cases;

    @Mixin
    private FormatOption output;

    @Override
    public Integer call() {
        CostLevel level = OptionChoice.of("--by", by, CostLevel.HOSPITAL, CostLevel.DEPARTMENT, CostLevel.PHYSICIAN,
                CostLevel.DRG);
        for (Double r : new Double[] {baseRate, saveBaseRate}) {
            if (r != null && !(r > 0)) {
                throw new HqdException("基准费率应为正数，实际为 " + r);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace w = Workspace.open(data.data)) {
            PaymentService payment = new PaymentService(w, Clock.systemUTC());
            if (saveBaseRate != null) {
                payment.saveBaseRate(Actor.commandLine(), Optional.ofNullable(cases.hospital), saveBaseRate);
                out.printf("已保存%s基准费率 %,.2f 元/权重%n", cases.hospital != null ? "医院 " + cases.hospital + " 的" : "全地区",
                        saveBaseRate);
                out.flush();
                return 0;
            }
            CostOutputs costs = payment.costs(level, cases.filter(), baseRate == null ? OptionalDouble.empty()
                    : OptionalDouble.of(baseRate));
            if (costs.units().isEmpty()) {
                throw new HqdException("所选范围没有基金支付的入组病例");
            }
            if (costs.weightsComputedNow()) {
                spec.commandLine().getErr().println("尚无病组权重：已按全部病例计算 HQD 权重版本 1");
            }
            spec.commandLine().getErr().println(costs.basis().describe() + "；只计基金支付的病例");
            print(out, costs.units(), level == CostLevel.DRG ? RulePackCatalog.bundled().load(costs.scheme()) : null);
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return 0;
    }

    private void print(PrintWriter out, List<UnitCostOutput> lines, RulePack pack) {
        boolean csv = output.csv();
        boolean costed = lines.stream().anyMatch(l -> l.costedCases() > 0);
        // a DRG's name beside its code (e.g. BC21 脑室分流及翻修手术，伴严重并发症或合并症) is wider than a hospital's code
        java.util.function.Function<UnitCostOutput, String> nameOf = l -> pack != null
                && pack.drgs().containsKey(l.unit()) ? pack.drgs().get(l.unit()).name() : "";
        java.util.function.Function<UnitCostOutput, String> label = l -> l.unit()
                + (nameOf.apply(l).isEmpty() ? "" : " " + nameOf.apply(l));
        int unitWidth = TextColumns.fit(lines.stream().map(label).toList(), 22, 50);
        out.println(csv ? HEADER : TextColumns.left("单元", unitWidth) + TextColumns.right("病例", 8) + TextColumns.right("支付", 15)
                + TextColumns.right("费用", 15) + TextColumns.right("结余", 14) + TextColumns.right("例均结余", 10)
                + (costed ? TextColumns.right("已核算", 8) + TextColumns.right("成本", 15) + TextColumns.right("成本结余", 14) : "")
                + "  超标最多的费用");
        for (UnitCostOutput l : lines) {
            String name = nameOf.apply(l);
            if (csv) {
                StringBuilder s = new StringBuilder();
                ResultCsv.field(s, l.unit()).append(',');
                ResultCsv.field(s, name).append(',').append(l.cases());
                for (double v : new double[] {l.payment(), l.cost(), l.balance(), l.balance() / l.cases()}) {
                    s.append(',').append(String.format(Locale.ROOT, "%.2f", v));
                }
                s.append(',').append(l.excessCategory()).append(',')
                        .append(String.format(Locale.ROOT, "%.2f", l.excessAmount())).append(',').append(l.costedCases())
                        .append(',');
                if (l.costedCases() > 0) {
                    s.append(String.format(Locale.ROOT, "%.2f,%.2f", l.caseCost(), l.balanceOnCost()));
                } else {
                    s.append(',');
                }
                out.println(s);
            } else {
                out.println(TextColumns.left(TextColumns.shorten(label.apply(l), unitWidth - 2), unitWidth)
                        + TextColumns.right(String.format("%,d", l.cases()), 8)
                        + TextColumns.right(String.format("%,.0f", l.payment()), 15)
                        + TextColumns.right(String.format("%,.0f", l.cost()), 15)
                        + TextColumns.right(String.format("%,.0f", l.balance()), 14)
                        + TextColumns.right(String.format("%,.0f", l.balance() / l.cases()), 10)
                        + (!costed ? "" : TextColumns.right(String.format("%,d", l.costedCases()), 8)
                        + TextColumns.right(l.costedCases() == 0 ? "—" : String.format("%,.0f", l.caseCost()), 15)
                        + TextColumns.right(l.costedCases() == 0 ? "—" : String.format("%,.0f", l.balanceOnCost()), 14))
                        + (l.excessCategory().isEmpty() ? "" : "  " + l.excessCategory() + " 超 "
                        + String.format("%,.0f", l.excessAmount())));
            }
        }
    }
}

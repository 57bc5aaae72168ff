package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hqd.access.PasswordHasher;
import org.hqd.access.Role;
import org.hqd.access.User;
import org.hqd.app.Actor;
import org.hqd.app.Channel;
import org.hqd.app.Workspace;
import org.hqd.app.access.UserAdministration;
import org.hqd.app.dip.DipService;
import org.hqd.app.evaluation.EvaluationService;
import org.hqd.app.intake.IntakeService;
import org.hqd.app.standards.StandardsService;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.dip.DipGroup;
import org.hqd.casemix.dip.DipParameters;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingOptions;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.performance.PeerGroup;
import org.hqd.casemix.performance.PeriodPerformance;
import org.hqd.casemix.performance.UnitLevel;
import org.hqd.casemix.performance.UnitPerformance;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.evaluation.Briefing;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.EvaluationRequest;
import org.hqd.evaluation.Evaluator;
import org.hqd.evaluation.Status;
import org.hqd.hospital.HospitalTier;
import org.hqd.intake.DrgLine;
import org.hqd.intake.ImportSettings;
import org.hqd.intake.ImportSummary;
import org.hqd.intake.TierLine;
import org.hqd.payment.CostLevel;
import org.hqd.report.Formats;
import org.hqd.synth.GenerationSummary;
import org.hqd.synth.GeneratorSettings;
import org.hqd.synth.SyntheticProvince;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hqd demo}: the main job on the embedded default — generates a synthetic province, imports it (and a
 * second file with mistakes and a correction) into the data directory, and prints the intake summary, what the
 * store holds and one explained grouping.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "演示：生成合成省份数据、导入数据目录并输出汇总")
final class DemoCommand implements Callable<Integer> {
    static final long SEED = 20261123L;
    static final Clock CLOCK = Clock.systemUTC();

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Option(names = "--records", defaultValue = "60000", paramLabel = "<M>", description = "病案数；默认 ${DEFAULT-VALUE}")
    private long records;

    @Option(names = "--no-serve", description = "最后不启动 Web 应用")
    private boolean noServe;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "<端口>", description = "Web 应用端口；默认 ${DEFAULT-VALUE}（被占用时另选空闲端口）")
    private int port;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path source = data.data.resolve("demo-source");
        out.println("HQD 演示（合成数据，非真实患者）");
        out.println();
        GenerationSummary g = SyntheticProvince.standard()
                .writeTo(GeneratorSettings.of(40, records, 12, SEED), source);
        out.printf("1. 生成合成省份数据：医院 %d 家，病案 %,d 份，机构月报 %,d 行，机构年报 %,d 行 → %s（%.1f 秒）%n",
                g.hospitals(), g.abstracts(), g.facilityReports(), g.annualReports(), source,
                g.elapsed().toNanos() / 1e9);
        Path corrections = DemoCorrections.write(source.resolve(SyntheticProvince.ABSTRACTS_FILE),
                source.resolve("zz-resent-abstracts.csv"));
        out.println();
        out.println("2. 导入数据目录 " + data.data + "（质控、分组、患者标识假名化；每个文件一个事务）：");
        try (Workspace dir = data.open()) {
            ImportReport report = new ImportReport(out);
            new IntakeService(dir, CLOCK).importFiles(Actor.demo("demo"), List.of(source),
                    new ImportSettings(StandardCharsets.UTF_8, 0, Optional.empty()), new IntakeService.Progress() {
                        @Override
                        public void imported(ImportSummary file) {
                            report.print(file);
                        }
                    });
            out.println("   （" + corrections.getFileName() + " 是医院重报的文件：含有错误的行被拒收，修改过的行替换原记录）");
            out.println();
            printOverview(out, new IntakeService(dir, CLOCK));
            out.println();
            printHospitalMetrics(out, dir);
            printDipCatalogue(out, dir);
        }
        out.println();
        printExampleTrace(out, DrgGrouper.of(RulePackCatalog.bundled().load(RulePackCatalog.DEFAULT_PACK)));
        out.println();
        String period;
        try (Workspace dir = data.open()) {
            period = printEvaluation(out, dir);
        }
        out.println();
        try (Workspace dir = data.open()) {
            DemoLedger.print(out, dir, new EvaluationService(dir, CLOCK).hospitals(Optional.empty()).get(0).id(),
                    data.data);
        }
        out.println();
        try (Workspace dir = data.open()) {
            DemoBudget.print(out, dir, source,
                    new EvaluationService(dir, CLOCK).dischargeMonths().orElseThrow().first().getYear(), data.data);
        }
        out.println();
        try (Workspace dir = data.open()) {
            DemoCosting.print(out, dir, source, data.data);
        }
        out.println();
        out.println("继续查看：./hqd quality --data " + data.data + "    ./hqd standards --data " + data.data
                + "    ./hqd metrics --data " + data.data + " --by department");
        out.println("          ./hqd evaluate --data " + data.data + " --period " + period + "    ./hqd trend --data "
                + data.data + " --period " + period + "    ./hqd brief --data " + data.data + " --period " + period
                + " --output 通报.pdf");
        if (!noServe) {
            serve(out);
        }
        out.flush();
        return 0;
    }

    /** Step 10: a demo admin with a fresh random password, then the web application until Ctrl-C. */
    private void serve(PrintWriter out) {
        String password = DemoPassword.random();
        try (Workspace dir = data.open()) {
            // replacing the admin of an earlier demo also ends that admin's sessions
            new UserAdministration(dir, CLOCK).apply(new Actor("demo", Channel.DEMO, "命令行（演示）"),
                    new UserAdministration.Add(new User("admin", Role.ADMIN, Optional.empty(), Optional.empty(),
                            Optional.empty()), PasswordHasher.standard().hash(password.toCharArray())));
            out.println();
            out.println("10. Web 应用：演示管理员 用户名 admin，密码 " + password + "（每次演示重新生成）");
            try {
                ServeCommand.run(dir, org.hqd.web.WebServer.Settings.of("127.0.0.1", port), out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Step 6: the evaluation of the generated province over all its months; returns the period. */
    private static String printEvaluation(PrintWriter out, Workspace dir) {
        EvaluationService evaluation = new EvaluationService(dir, CLOCK);
        EvaluationPeriod period = evaluation.dischargeMonths().orElseThrow();
        Evaluation e = evaluation.evaluate(
                new EvaluationRequest(period, Optional.empty(), Optional.empty(), Evaluator.DEFAULT_MARGIN, false));
        Briefing b = Briefing.of(e, Optional.empty(), 5);
        out.printf("6. 高质量发展评价（期间 %s，目标集 %s，按层级目标；逐项结果见 ./hqd evaluate）：%n", period, e.targets().id());
        for (Briefing.TierSummary t : b.tiers()) {
            out.printf("   %s%s 家，达标 %d 项次、预警 %d、未达标 %d、无数据 %d，达标率 %s%n",
                    TextColumns.left(HospitalTier.labelOf(t.tier()), 18), t.hospitals(), t.statuses().get(Status.MET),
                    t.statuses().get(Status.WARNING), t.statuses().get(Status.NOT_MET), t.statuses().get(Status.NO_DATA),
                    Formats.percent(t.metRate()));
        }
        out.println("   未达标率最高的指标：" + b.mostMissed().stream().limit(3).map(m -> m.indicator().name() + " "
                + Formats.percent(m.missRate())).reduce((x, y) -> x + "，" + y).orElse("无"));
        out.println("   综合得分（0–100，各维度按权重平均指标完成度）：");
        EvaluateCommand.printScoreTable(out, e, "   ");
        return period.toString();
    }

    private static void printOverview(PrintWriter out, IntakeService overview) {
        out.println("3. 数据目录概况（按医院层级）：");
        out.println("   " + TextColumns.left("层级", 18) + TextColumns.right("医院", 6) + TextColumns.right("病例", 10)
                + TextColumns.right("入组率", 9) + TextColumns.right("DRG数", 8) + TextColumns.right("平均住院日", 12)
                + TextColumns.right("次均费用", 12));
        for (TierLine t : overview.overviewByTier()) {
            String tier = HospitalTier.byName(t.tier()).map(HospitalTier::label).orElse(t.tier());
            out.println("   " + TextColumns.left(tier, 18) + TextColumns.right(String.valueOf(t.hospitals()), 6)
                    + TextColumns.right(String.format("%,d", t.cases()), 10)
                    + TextColumns.right(String.format("%.1f%%", 100 * t.groupedShare()), 9)
                    + TextColumns.right(String.valueOf(t.drgs()), 8)
                    + TextColumns.right(String.format("%.1f", t.meanLos()), 12)
                    + TextColumns.right(String.format("%,.0f", t.meanCost()), 12));
        }
        RulePack pack = RulePackCatalog.bundled().load(RulePackCatalog.DEFAULT_PACK);
        out.println("   病例数最多的 5 个 DRG：");
        for (DrgLine d : overview.topDrgs(5)) {
            String name = pack.drgs().containsKey(d.drg()) ? pack.drgs().get(d.drg()).name() : "";
            out.println("     " + TextColumns.left(d.drg(), 6) + TextColumns.right(String.format("%,d", d.cases()), 8)
                    + "  " + name);
        }
    }

    /**
     * Step 4, continued: a DIP catalogue built from every case, so the DIP page and commands have one; a data
     * directory that has one keeps it (a second demo changes nothing).
     */
    private static void printDipCatalogue(PrintWriter out, Workspace dir) {
        DipService dip = new DipService(dir);
        boolean had = dip.hasCatalogue();
        if (!had) {
            dip.build(CaseFilter.ALL, DipParameters.DEFAULTS);
        }
        List<DipGroup> groups = dip.current();
        long core = groups.stream().filter(DipGroup::core).count();
        out.printf("   DIP 病种分值目录（%s）：%,d 个病种，核心病种 %,d，综合病种 %,d；按病种的指标见 ./hqd dip metrics%n",
                had ? "已有，未做任何更改" : "按全部病例生成", groups.size(), core, groups.size() - core);
    }

    private static void printHospitalMetrics(PrintWriter out, Workspace dir) {
        StandardsService standards = new StandardsService(dir);
        var v = standards.ensureComputed().version();
        List<UnitPerformance> rows = standards.units(UnitLevel.HOSPITAL, CaseFilter.ALL, false, PeerGroup.ALL).stream()
                .map(PeriodPerformance::performance).toList();
        double rate = standards.neutralBaseRate();
        java.util.Map<String, Double> balance = new java.util.HashMap<>();
        standards.costOutput(CostLevel.HOSPITAL, rate, CaseFilter.ALL).forEach(l -> balance.put(l.unit(), l.balance()));
        out.printf("4. 医院绩效（权重版本 %d，%,d 例；DRG 结余按预算中性费率 %,.0f 元/权重；按 CMI 排序，前 10 家；全部见 ./hqd metrics）：%n",
                v.version(), v.cases(), rate);
        out.println("   " + TextColumns.left("医院", 8) + TextColumns.right("病例", 8) + TextColumns.right("DRG组", 7)
                + TextColumns.right("CMI", 7) + TextColumns.right("费用指数", 9) + TextColumns.right("时间指数", 9)
                + TextColumns.right("平均住院日", 11) + TextColumns.right("DRG结余(万元)", 15));
        rows.stream().filter(u -> u.cmi().isPresent())
                .sorted(java.util.Comparator.comparingDouble((UnitPerformance u) -> u.cmi().getAsDouble()).reversed())
                .limit(10)
                .forEach(u -> out.println("   " + TextColumns.left(u.unit(), 8)
                        + TextColumns.right(String.format("%,d", u.cases()), 8)
                        + TextColumns.right(String.valueOf(u.drgCount()), 7)
                        + TextColumns.right(String.format("%.3f", u.cmi().getAsDouble()), 7)
                        + TextColumns.right(u.costIndex().isPresent() ? String.format("%.3f", u.costIndex().getAsDouble()) : "—", 9)
                        + TextColumns.right(u.timeIndex().isPresent() ? String.format("%.3f", u.timeIndex().getAsDouble()) : "—", 9)
                        + TextColumns.right(u.alos().isPresent() ? String.format("%.1f", u.alos().getAsDouble()) : "—", 11)
                        + TextColumns.right(String.format("%,.1f", balance.getOrDefault(u.unit(), 0.0) / 10_000), 15)));
    }

    private static void printExampleTrace(PrintWriter out, DrgGrouper grouper) {
        DischargeAbstract example = DischargeAbstract.builder().recordId("示例").sex(Sex.MALE).ageYears(45)
                .losDays(6).dischargeMethod("1").principalDx("K35.800x001").secondaryDx(List.of("J18.900"))
                .principalProc("47.0100").build();
        GroupingResult r = grouper.group(example, GroupingOptions.TRACED);
        out.println("5. 分组过程示例（hqd group --trace 对每例给出同样的说明）：");
        for (int i = 0; i < r.trace().size(); i++) {
            out.println("   " + (i + 1) + ". " + r.trace().get(i));
        }
    }
}

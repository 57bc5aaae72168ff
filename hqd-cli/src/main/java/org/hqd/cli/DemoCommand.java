package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hqd.access.PasswordHasher;
import org.hqd.access.Role;
import org.hqd.access.User;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingOptions;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.performance.UnitPerformance;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.evaluation.Briefing;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.Evaluator;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.Status;
import org.hqd.evaluation.Weights;
import org.hqd.hospital.HospitalTier;
import org.hqd.quality.QualityRuleCatalog;
import org.hqd.report.Formats;
import org.hqd.ledger.ExtractedDocument;
import org.hqd.ledger.ExtractionRules;
import org.hqd.ledger.IndicatorLinks;
import org.hqd.ledger.LedgerSummary;
import org.hqd.ledger.Plan;
import org.hqd.ledger.PlanDocuments;
import org.hqd.ledger.PlanParser;
import org.hqd.ledger.TargetCheck;
import org.hqd.ledger.TaskStatus;
import org.hqd.ledger.TrackedTask;
import org.hqd.ledger.Tracking;
import java.time.Instant;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetKind;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.BudgetRules;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.Execution;
import org.hqd.budget.ExecutionLine;
import org.hqd.budget.PerformanceAssessment;
import org.hqd.budget.StructureIndicators;
import org.hqd.store.budget.BudgetAnalysis;
import org.hqd.store.budget.BudgetStore;
import org.hqd.synth.SyntheticBudget;
import org.hqd.store.DataDirectory;
import org.hqd.store.ledger.LedgerStore;
import org.hqd.store.ledger.LedgerTracker;
import org.hqd.store.access.UserStore;
import org.hqd.store.evaluation.MeasureQuery;
import org.hqd.store.evaluation.RegionEvaluation;
import org.hqd.store.importing.Importer;
import org.hqd.store.query.CaseFilter;
import org.hqd.store.query.CostOutputQuery;
import org.hqd.store.query.IntakeOverview;
import org.hqd.store.query.UnitMetricsQuery;
import org.hqd.store.standards.StandardsStore;
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
    private static final long SEED = 20261123L;

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
        out.printf("1. 生成合成省份数据：医院 %d 家，病案 %,d 份，机构月报 %,d 行 → %s（%.1f 秒）%n", g.hospitals(),
                g.abstracts(), g.facilityReports(), source, g.elapsed().toNanos() / 1e9);
        Path corrections = DemoCorrections.write(source.resolve(SyntheticProvince.ABSTRACTS_FILE),
                source.resolve("zz-resent-abstracts.csv"));
        out.println();
        out.println("2. 导入数据目录 " + data.data + "（质控、分组、患者标识假名化；每个文件一个事务）：");
        try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
            Importer importer = new Importer(dir, RulePackCatalog.bundled(), QualityRuleCatalog.standard(),
                    new Importer.Settings(java.nio.charset.StandardCharsets.UTF_8, 0, Optional.empty()));
            ImportReport report = new ImportReport(out);
            for (Path f : importer.inImportOrder(Importer.expand(List.of(source)))) {
                report.print(importer.importFile(f));
            }
            out.println("   （" + corrections.getFileName() + " 是医院重报的文件：含有错误的行被拒收，修改过的行替换原记录）");
            out.println();
            printOverview(out, new IntakeOverview(dir));
            out.println();
            printHospitalMetrics(out, dir);
        }
        out.println();
        printExampleTrace(out, DrgGrouper.of(RulePackCatalog.bundled().load(RulePackCatalog.DEFAULT_PACK)));
        out.println();
        String period;
        try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
            period = printEvaluation(out, dir);
        }
        out.println();
        try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
            printLedger(out, dir, data.data);
        }
        out.println();
        try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
            printBudget(out, dir, source, data.data);
        }
        out.println();
        try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
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

    /**
     * Step 7: the task-progress ledger: the Tianjin gazette bundled with HQD (two plans of a region) and a synthetic
     * plan of the first hospital whose targets HQD measures.
     */
    private static void printLedger(PrintWriter out, DataDirectory dir, Path data) throws IOException {
        out.println("7. 任务推进台账（从方案文件提取任务、责任单位、完成期限和量化目标；关联指标的目标按数据度量）：");
        PlanParser parser = new PlanParser(ExtractionRules.standard(), IndicatorLinks.standard());
        LedgerStore store = new LedgerStore(dir);
        String hospital = new MeasureQuery(dir).hospitals(Optional.empty()).get(0).id();
        for (String[] doc : new String[][] {
            {"/org/hqd/ledger/samples/tianjin-gazette-2022-19-20.txt", "tianjin-gazette-2022-19-20.txt", null},
            {"demo-hospital-plan.txt", "demo-hospital-plan.txt", hospital}}) {
            byte[] bytes;
            try (var in = doc[0].startsWith("/") ? PlanParser.class.getResourceAsStream(doc[0])
                    : DemoCommand.class.getResourceAsStream(doc[0])) {
                bytes = in.readAllBytes();
            }
            ExtractedDocument d = parser.parse(doc[1], new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("H0001", hospital));
            LedgerStore.Committed c = store.commit(d, PlanDocuments.fingerprint(bytes), Optional.ofNullable(doc[2]), "demo");
            out.printf("   %s%s：%d 个方案，%d 项任务（%s）%n", doc[1],
                    doc[2] == null ? "（区域方案）" : "（" + doc[2] + " 本院方案）", c.plans(), d.taskCount(),
                    c.added() + c.updated() + c.removed() == 0 ? "已导入过，未做任何更改" : "已写入台账");
            for (Plan p : d.plans()) {
                out.printf("     %s %s：%d 项任务，%d 项有责任单位，%d 个量化目标%n", p.planId(), p.title(), p.tasks().size(),
                        p.tasks().stream().filter(t -> !t.leadUnits().isEmpty()).count(),
                        p.tasks().stream().mapToLong(t -> t.targets().size()).sum());
            }
        }
        Tracking tracking = new Tracking(java.time.LocalDate.now(), Tracking.DEFAULT_WARNING_DAYS);
        List<TrackedTask> tasks = new LedgerTracker(dir, IndicatorCatalog.standard())
                .track(store.tasks(Optional.empty()), tracking, Optional.empty());
        out.println("   关联到指标的目标与实际（最近 12 个月的数据；区域方案按各医院中位数）：");
        for (TrackedTask t : tasks) {
            for (TargetCheck ch : t.checks()) {
                out.printf("     %s %s %s：目标 %s%s，实际 %s（%s），%s%n", t.planId(), t.task().taskNo(), ch.target().phrase(),
                        ch.target().text(),
                        " → " + ch.target().indicator().orElse("") + " " + ch.target().comparator().symbol() + " "
                                + Tracking.format(ch.target().indicatorValue().orElse(Double.NaN)),
                        Tracking.format(ch.actual().orElse(Double.NaN)), ch.basis(),
                        ch.met().map(m -> m ? "已达到" : "未达到").orElse("无数据"));
            }
        }
        LedgerSummary s = LedgerSummary.of(tracking.asOf(), tasks);
        out.printf("   截至 %s：%d 项任务，已逾期 %d 项，有风险 %d 项（回头看：./hqd ledger followup --data %s）%n",
                tracking.asOf(), tasks.size(), s.followUp().stream().filter(t -> t.status() == TaskStatus.OVERDUE).count(),
                s.followUp().stream().filter(t -> t.status() == TaskStatus.AT_RISK).count(), data);
    }

    /**
     * Step 8: budget management on the synthetic budget, actuals and performance targets of the first generated year
     * (consistent with the facility reports and cases): compile, submit and approve every hospital's budget, import
     * the actuals, then one hospital's execution as of September and every hospital's year-end performance score.
     */
    private static void printBudget(PrintWriter out, DataDirectory dir, Path source, Path data) throws IOException {
        BudgetStore s = new BudgetStore(dir, BudgetCatalog.standard());
        int year = new MeasureQuery(dir).dischargeMonths().orElseThrow().first().getYear();
        Path folder = source.resolve("budget");
        SyntheticBudget.writeTo(source, year, SEED, folder);
        out.printf("8. 全面预算管理（合成的 %d 年预算、财务实际数和绩效目标，与机构月报和病案一致 → %s）：%n", year, folder);
        Instant now = Instant.now();
        if (s.budgets().stream().anyMatch(b -> b.year() == year)) {
            out.println("   预算：已导入过，未做任何更改（./hqd budget list 查看）");
        } else {
            Path file = folder.resolve(SyntheticBudget.budgetFile(year));
            BudgetStore.ImportResult r = s.importBudget(file.getFileName().toString(), "demo",
                    BudgetCommand.rows(file, "UTF-8", BudgetRowCheck.COLUMNS), "demo", now);
            List<BudgetVersion> budgets = s.budgets();
            for (BudgetVersion v : budgets) {
                s.transition(v.hospitalId(), year, BudgetAction.SUBMIT, "", "demo 财务科", now);
                s.transition(v.hospitalId(), year, BudgetAction.APPROVE, "同意", "demo 卫生健康委", now);
            }
            out.printf("   预算编制：%d 家医院，%,d 行（拒收 %d 行）→ 提交、批准（过程见 ./hqd budget history）%n", budgets.size(),
                    r.accepted(), r.rejected().size());
        }
        Path actuals = folder.resolve(SyntheticBudget.actualsFile(year));
        BudgetStore.ImportResult a = s.importActuals(actuals.getFileName().toString(), "demo",
                BudgetCommand.rows(actuals, "UTF-8", BudgetRowCheck.COLUMNS), "demo", now);
        out.printf("   实际数：%,d 行（拒收 %d 行）；有财务实际数的月份，评价改用财务的收入、人员和能耗支出%n", a.accepted(),
                a.rejected().size());
        loadTargets(s, folder, year);
        List<BudgetVersion> ofYear = s.budgets().stream().filter(b -> b.year() == year)
                .sorted(java.util.Comparator.comparing(BudgetVersion::hospitalId)).toList();
        String hospital = ofYear.get(0).hospitalId();
        BudgetAnalysis analysis = new BudgetAnalysis(s, BudgetRules.standard(), new MeasureQuery(dir), IndicatorCatalog.standard());
        List<ExecutionLine> lines = analysis.status(hospital, year, 9);
        var totals = Execution.totals(lines);
        java.util.Map<String, Long> alerts = lines.stream().flatMap(l -> l.alerts().stream())
                .collect(java.util.stream.Collectors.groupingBy(BudgetRules.AlertRule::label, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()));
        out.printf("   %s 截至 9 月（时间进度 75.0%%）：收入执行率 %s，支出执行率 %s；预警 %d 项（%s）%n", hospital,
                Formats.percent(totals.get(BudgetKind.REVENUE).executionRate()),
                Formats.percent(totals.get(BudgetKind.EXPENDITURE).executionRate()),
                lines.stream().filter(l -> !l.alerts().isEmpty()).count(),
                alerts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).reduce((x, y) -> x + "，" + y).orElse("无"));
        StructureIndicators st = StructureIndicators.of(s.actuals(hospital, year).stream().filter(x -> x.month() <= 9).toList(),
                s.catalog());
        out.printf("   结构指标（1–9 月）：医疗服务收入占比 %s，人员支出占比 %s，万元收入能耗支出 %s 元%n",
                Formats.percent(st.serviceRevenueShare()), Formats.percent(st.staffSpendingShare()),
                st.energyPer10kRevenue().isPresent() ? String.format("%.1f", st.energyPer10kRevenue().getAsDouble()) : "—");
        java.util.Map<String, Integer> grades = new java.util.LinkedHashMap<>();
        String first = "";
        for (BudgetVersion v : ofYear) {
            PerformanceAssessment p = analysis.performance(v.hospitalId(), year, 12, analysis.status(v.hospitalId(), year, 12));
            grades.merge(p.grade(), 1, Integer::sum);
            if (v.hospitalId().equals(hospital)) {
                first = String.format("%s %.1f 分（%s）", hospital, p.score().orElse(Double.NaN), p.grade());
            }
        }
        out.printf("   年终预算绩效评价：%s；各医院等级：%s%n", first, grades.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() + " 家").reduce((x, y) -> x + "，" + y).orElse("—"));
        out.printf("   继续查看：./hqd budget status --data %s --hospital %s --year %d --month 9 ；./hqd budget report --data %s "
                + "--hospital %s --year %d --output 预算报告.pdf%n", data, hospital, year, data, hospital, year);
    }

    private static void loadTargets(BudgetStore s, Path folder, int year) throws IOException {
        List<String> problems = new java.util.ArrayList<>();
        s.saveTargets(BudgetCommand.Targets.parse(BudgetCommand.rows(folder.resolve(SyntheticBudget.targetsFile(year)),
                "UTF-8", BudgetCommand.Targets.COLUMNS), problems));
        s.saveTargetValues(BudgetCommand.TargetValues.parse(BudgetCommand.rows(folder.resolve(
                SyntheticBudget.targetValuesFile(year)), "UTF-8", BudgetCommand.TargetValues.COLUMNS), problems));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("synthetic targets do not load: " + problems);
        }
    }

    /** Step 10: a demo admin with a fresh random password, then the web application until Ctrl-C. */
    private void serve(PrintWriter out) {
        String password = DemoPassword.random();
        try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
            new UserStore(dir).add(new User("admin", Role.ADMIN, Optional.empty(), Optional.empty(), Optional.empty()),
                    password.toCharArray(), PasswordHasher.standard());
            out.println();
            out.println("10. Web 应用：演示管理员 用户名 admin，密码 " + password + "（每次演示重新生成）");
            try {
                ServeCommand.run(dir, "127.0.0.1", port, out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Step 6: the evaluation of the generated province over all its months; returns the period. */
    private static String printEvaluation(PrintWriter out, DataDirectory dir) {
        EvaluationPeriod period = new MeasureQuery(dir).dischargeMonths().orElseThrow();
        Evaluation e = new RegionEvaluation(dir, IndicatorCatalog.standard(), Weights.standard()).evaluate(
                new RegionEvaluation.Request(period, Optional.empty(), Optional.empty(), Evaluator.DEFAULT_MARGIN, false));
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

    private static void printOverview(PrintWriter out, IntakeOverview overview) {
        out.println("3. 数据目录概况（按医院层级）：");
        out.println("   " + TextColumns.left("层级", 18) + TextColumns.right("医院", 6) + TextColumns.right("病例", 10)
                + TextColumns.right("入组率", 9) + TextColumns.right("DRG数", 8) + TextColumns.right("平均住院日", 12)
                + TextColumns.right("次均费用", 12));
        for (IntakeOverview.TierLine t : overview.byTier()) {
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
        for (IntakeOverview.DrgLine d : overview.topDrgs(5)) {
            String name = pack.drgs().containsKey(d.drg()) ? pack.drgs().get(d.drg()).name() : "";
            out.println("     " + TextColumns.left(d.drg(), 6) + TextColumns.right(String.format("%,d", d.cases()), 8)
                    + "  " + name);
        }
    }

    private static void printHospitalMetrics(PrintWriter out, DataDirectory dir) {
        var v = new StandardsStore(dir).ensureComputed(RulePackCatalog.DEFAULT_PACK).version();
        List<UnitPerformance> rows = new UnitMetricsQuery(dir).run(UnitMetricsQuery.Level.HOSPITAL, CaseFilter.ALL);
        CostOutputQuery costs = new CostOutputQuery(dir);
        double rate = costs.neutralBaseRate();
        java.util.Map<String, Double> balance = new java.util.HashMap<>();
        costs.run(CostOutputQuery.Level.HOSPITAL, rate, CaseFilter.ALL).forEach(l -> balance.put(l.unit(), l.balance()));
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

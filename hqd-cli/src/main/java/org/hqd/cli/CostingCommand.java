package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hqd.HqdException;
import org.hqd.app.Actor;
import org.hqd.app.Workspace;
import org.hqd.app.costing.CostingService;
import org.hqd.app.costing.Loaded;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.Money;
import org.hqd.costing.CostCentreClasses;
import org.hqd.costing.CostingRules;
import org.hqd.costing.CostingSummary;
import org.hqd.costing.Driver;
import org.hqd.costing.DriverCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd costing …}: cost accounting (成本核算) after 《公立医院成本核算规范》(2021). */
@Command(name = "costing", mixinStandardHelpOptions = true,
        description = {"成本核算：分摊参数、科室类别、分摊规则与项目成本的载入，科室成本三级分摊（门诊、住院分开），"
                + "病例与 DRG 成本（成本收入比法，载入项目成本时用项目叠加法），以及核算结果的查询。"},
        subcommands = {CostingLoadCommands.Drivers.class, CostingLoadCommands.Classes.class,
            CostingLoadCommands.Items.class, CostingLoadCommands.Rules.class, CostingCommand.Run.class,
            CostingReportCommands.Departments.class, CostingReportCommands.Explain.class,
            CostingReportCommands.Ratios.class, CostingReportCommands.Drgs.class, CostingCommand.Runs.class,
            CostingCommand.Catalogue.class})
final class CostingCommand extends CommandGroup {

    /** The cost accounting's service on a command's data directory. */
    static CostingService service(Workspace w) {
        return new CostingService(w, Clock.systemDefaultZone());
    }

    /** A file's bytes, or a message naming it when it is missing. */
    static byte[] read(Path file) throws java.io.IOException {
        if (!Files.isRegularFile(file)) {
            throw new HqdException("找不到文件 " + file);
        }
        return Files.readAllBytes(file);
    }

    static Charset charset(String encoding) {
        try {
            return Charset.forName(encoding);
        } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
            throw new HqdException("不支持的编码 " + encoding + "（可用 UTF-8、GBK、GB18030）");
        }
    }

    static void printLoaded(PrintWriter out, Loaded l) {
        out.printf("%s：读取 %d 行，已载入%n", l.file(), l.rows());
        l.changes().forEach(c -> out.println("  " + c));
    }

    static String yuan(long fen) {
        return String.format("%,.2f", fen / 100.0);
    }

    /** {@code hqd costing run}: allocation and case costs of a year. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "核算一个年度的成本：科室成本三级分摊（门诊、住院分开）与病例成本；不指定 --hospital 时核算该年度有财务实际数的全部医院"
                    + "（任一医院有问题则全部不写入）。")
    static final class Run implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private DataOption data;
        @Option(names = "--year", required = true, paramLabel = "<年度>", description = "核算年度")
        private int year;
        @Option(names = "--hospital", paramLabel = "<医院编码>", description = "只核算这家医院")
        private String hospital;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            long start = System.nanoTime();
            try (Workspace w = data.open()) {
                CostingService s = CostingCommand.service(w);
                List<CostingSummary> runs = s.run(Actor.commandLine(), Optional.ofNullable(hospital), year);
                out.println(TextColumns.left("医院", 10) + TextColumns.right("月数", 6) + TextColumns.right("医疗全成本（元）", 20)
                        + TextColumns.right("不计成本的支出", 16) + TextColumns.right("出院人次", 10) + TextColumns.right("已核算", 10)
                        + TextColumns.right("未分到病例（元）", 18));
                for (CostingSummary r : runs) {
                    out.println(TextColumns.left(r.hospitalId(), 10) + TextColumns.right(String.valueOf(r.months()), 6)
                            + TextColumns.right(yuan(r.totalDirect()), 20) + TextColumns.right(yuan(r.notCost()), 16)
                            + TextColumns.right(String.format("%,d", r.cases()), 10)
                            + TextColumns.right(String.format("%,d", r.costedCases()), 10)
                            + TextColumns.right(yuan(r.unplaced()), 18));
                }
                out.printf("已核算 %d 家医院 %d 年的成本（规则 %s），用时 %.2f 秒%n", runs.size(), year,
                        runs.isEmpty() ? "" : runs.get(0).rulesId(), (System.nanoTime() - start) / 1e9);
            }
            out.flush();
            return 0;
        }
    }

    /** {@code hqd costing runs}: the stored runs. */
    @Command(name = "runs", mixinStandardHelpOptions = true, description = "已保存的成本核算：医院、年度、规则、总成本、病例数、核算时间")
    static final class Runs extends DataCommand {
        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            CostingService s = CostingCommand.service(w);
            out.println("hospital_id,year,rules,months,total_cost,not_cost,cases,costed_cases,unplaced,run_at,user");
            for (CostingSummary r : s.runs()) {
                out.println(String.join(",", r.hospitalId(), String.valueOf(r.year()), r.rulesId(),
                        String.valueOf(r.months()), Money.yuan(r.totalDirect()), Money.yuan(r.notCost()),
                        String.valueOf(r.cases()), String.valueOf(r.costedCases()), Money.yuan(r.unplaced()),
                        r.runAt().toString(), r.user()));
            }
        }
    }

    /** {@code hqd costing catalogue}: classes of the cost centres, drivers, default rules. */
    @Command(name = "catalogue", mixinStandardHelpOptions = true, description = "成本中心的默认类别、分摊参数目录和默认分摊规则")
    static final class Catalogue implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.println("成本中心的默认类别（未列出的科室为临床服务类）：");
            CostCentreClasses.standard().defaults().entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByValue()).forEach(e ->
                            out.println("  " + TextColumns.left(e.getKey(), 14) + e.getValue().label()));
            out.println("分摊参数：");
            for (Driver d : DriverCatalog.standard().drivers()) {
                out.println("  " + TextColumns.left(d.id(), 22) + TextColumns.left(d.name(), 16)
                        + TextColumns.left(d.unit(), 8) + d.scope().label());
            }
            CostingRules r = CostingRules.standard(DriverCatalog.standard(), BudgetCatalog.standard());
            CostingLoadCommands.printRules(out, r);
            out.flush();
            return 0;
        }
    }
}

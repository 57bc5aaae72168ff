package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hqd.app.Actor;
import org.hqd.app.Workspace;
import org.hqd.app.costing.CostingService;
import org.hqd.app.costing.Loaded;
import org.hqd.costing.CostingRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The loading subcommands of {@code hqd costing}: drivers, class overrides, item costs, rule sets. */
final class CostingLoadCommands {
    private CostingLoadCommands() {
    }

    /** A file and its encoding. */
    static final class FileOption {
        @Parameters(index = "0", paramLabel = "FILE", description = "CSV（UTF-8 或 --encoding GBK）或 Excel 文件")
        Path file;
        @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "<编码>", description = "CSV 的编码；默认 ${DEFAULT-VALUE}")
        String encoding;
    }

    @Command(name = "drivers", mixinStandardHelpOptions = true, description = "分摊参数：load 载入（整份文件，有问题则全部不写入）",
            subcommands = {DriversLoad.class})
    static final class Drivers extends CommandGroup {
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"载入分摊参数：列 hospital_id,year,department,driver,value；替换文件中每家医院每个年度的参数。",
                "未知医院或科室、参数不在目录中、负数、重复行、某类科室的分摊参数在接收科室中全无、临床科室无门诊/住院划分依据："
                    + "列出全部问题，不写入任何数据（退出码 3）。"})
    static final class DriversLoad extends FileLoad {
        DriversLoad() {
            super(CostingService::loadDrivers);
        }
    }

    @Command(name = "classes", mixinStandardHelpOptions = true, description = "科室类别：load 载入医院自定的科室类别",
            subcommands = {ClassesLoad.class})
    static final class Classes extends CommandGroup {
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "载入科室类别：列 hospital_id,department,class（行政后勤类、医疗辅助类、医疗技术类、临床服务类）；替换文件中每家医院的自定类别")
    static final class ClassesLoad extends FileLoad {
        ClassesLoad() {
            super(CostingService::loadClasses);
        }
    }

    @Command(name = "items", mixinStandardHelpOptions = true, description = "项目成本：load 载入（项目叠加法）",
            subcommands = {ItemsLoad.class})
    static final class Items extends CommandGroup {
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "载入项目成本：列 hospital_id,year,department,category,cost（收费类别 cost_bed … cost_other，元）；"
                    + "载入后该科室病例成本按项目成本叠加（项目叠加法）")
    static final class ItemsLoad extends FileLoad {
        ItemsLoad() {
            super(CostingService::loadItemCosts);
        }
    }

    @Command(name = "rules", mixinStandardHelpOptions = true,
            description = "分摊规则：load 载入（全地区，或 --hospital 的医院）、show 显示生效的规则、reset 删除已载入的规则",
            subcommands = {RulesLoad.class, RulesShow.class, RulesReset.class})
    static final class Rules extends CommandGroup {
    }

    @Command(name = "load", mixinStandardHelpOptions = true, description = {"载入分摊规则（TSV，UTF-8）：开头的 # id:、# name:、# cost_categories:（计入成本的支出类别）、"
                + "# split:（划分门诊与住院的分摊参数，如 outpatient_revenue+inpatient_revenue）各一行，",
                "其后是表头 sender、item、driver、basis 和各行规则：sender 为类别（行政后勤类、医疗辅助类、医疗技术类）或其中一个科室，"
                + "item 空为全部项目，driver 为分摊参数（多个以 + 连接），basis 为依据；最具体的行优先。"
                + "hqd costing rules show 显示生效的规则，可照此改写；文件的全部问题一次列出，有问题时不载入"})
    static final class RulesLoad extends DataCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "规则文件（TSV，UTF-8）")
        private Path file;
        @Option(names = "--hospital", paramLabel = "<医院编码>", description = "只用于这家医院；否则为全地区")
        private String hospital;

        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            CostingService s = CostingCommand.service(w);
            CostingRules r = s.loadRules(Actor.commandLine(), file.getFileName().toString(),
                    new String(CostingCommand.read(file), StandardCharsets.UTF_8), Optional.ofNullable(hospital));
            out.printf("已载入%s的分摊规则 %s%n", hospital == null ? "全地区" : "医院 " + hospital, r.id());
            printRules(out, r);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "显示生效的分摊规则（医院的、全地区的或内置默认）")
    static final class RulesShow extends DataCommand {
        @Option(names = "--hospital", paramLabel = "<医院编码>", description = "这家医院生效的规则")
        private String hospital;

        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            CostingService s = CostingCommand.service(w);
            printRules(out, s.rules(Optional.ofNullable(hospital)));
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "删除已载入的分摊规则（医院的回到全地区的，全地区的回到内置默认）")
    static final class RulesReset extends DataCommand {
        @Option(names = "--hospital", paramLabel = "<医院编码>", description = "这家医院的规则；否则全地区的")
        private String hospital;

        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            CostingService s = CostingCommand.service(w);
            boolean removed = s.resetRules(Actor.commandLine(), Optional.ofNullable(hospital));
            out.println(removed ? "已删除" + (hospital == null ? "全地区" : "医院 " + hospital)
                    + "的分摊规则" : "没有已载入的" + (hospital == null ? "全地区" : "医院 " + hospital) + "分摊规则");
        }
    }

    /** A load of the cost accounting: a file taken whole or not at all. */
    @FunctionalInterface
    interface Load {
        Loaded load(CostingService service, Actor actor, String name, byte[] bytes, Charset charset);
    }

    /** A {@code load} subcommand: loads its file and says what changed. */
    abstract static class FileLoad implements Callable<Integer> {
        private final Load load;
        @Spec
        private CommandSpec spec;
        @Mixin
        private DataOption data;
        @Mixin
        private FileOption file;

        FileLoad(Load load) {
            this.load = load;
        }

        @Override
        public Integer call() throws IOException {
            try (Workspace w = data.open()) {
                CostingCommand.printLoaded(spec.commandLine().getOut(), load.load(CostingCommand.service(w),
                        Actor.commandLine(), file.file.getFileName().toString(), CostingCommand.read(file.file),
                        CostingCommand.charset(file.encoding)));
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    static void printRules(PrintWriter out, CostingRules r) {
        out.println("分摊规则 " + r.id() + "：" + r.name());
        out.println("  计入成本的支出项目：" + String.join("、", r.costItems().stream().map(r::itemName).toList()));
        out.println("  门诊/住院划分：" + r.split().label() + "（" + r.split().id() + "）");
        for (CostingRules.Rule x : r.rules()) {
            out.println("  " + TextColumns.left(x.sender(), 12) + TextColumns.left(x.item().isEmpty() ? "全部项目"
                    : r.itemName(x.item()), 16) + TextColumns.left(x.driver().id(), 38) + x.basis());
        }
    }
}

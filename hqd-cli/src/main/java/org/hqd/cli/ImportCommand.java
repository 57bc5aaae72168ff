package org.hqd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hqd.app.Actor;
import org.hqd.app.Workspace;
import org.hqd.app.intake.Intake;
import org.hqd.app.intake.IntakeService;
import org.hqd.intake.ImportSettings;
import org.hqd.intake.ImportSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hqd import}: loads abstracts, the hospital register and facility reports into a data directory. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"导入病案首页、结算清单（CSV/Excel/DBF/Parquet，按表头识别格式，见 hqd layouts）、医院名册和机构报表。",
            "每个文件一个事务：要么全部导入，要么不变。重复导入相同内容不产生变化；同一机构同一病案号的新版本替换旧版本。"})
final class ImportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "文件，或 hqd generate 生成的目录")
    private List<Path> paths;

    @Option(names = "--scheme", paramLabel = "<方案>", description = "新数据目录的分组方案；默认 chs-drg-1.1")
    private String scheme;

    @Mixin
    private LayoutOptions formats;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "<n>", description = "工作线程数；0 表示每个处理器一个")
    private int threads;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ImportReport report = new ImportReport(out);
        Intake intake;
        try (Workspace w = data.open()) {
            intake = new IntakeService(w, Clock.systemUTC()).importFiles(Actor.commandLine(), paths,
                    new ImportSettings(formats.charset(), threads, Optional.ofNullable(scheme),
                            formats.layout(), formats.catalog()), new IntakeService.Progress() {
                        @Override
                        public void started(Path dataDirectory, String grouping) {
                            out.println("数据目录：" + dataDirectory + "（分组方案 " + grouping + "）");
                        }

                        @Override
                        public void imported(ImportSummary file) {
                            report.print(file);
                        }
                    });
        }
        if (intake.dipAssigned() > 0) {
            out.printf("已按最新 DIP 目录为 %,d 例新导入或更新的病例分配病种%n", intake.dipAssigned());
        }
        out.flush();
        return 0;
    }
}

package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hqd.casemix.dip.DipParameters;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.quality.QualityRuleCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.access.AuditLog;
import org.hqd.store.dip.DipStore;
import org.hqd.store.importing.ImportSummary;
import org.hqd.store.importing.Importer;
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
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = Importer.expand(paths);
        try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
            Importer importer = new Importer(dir, RulePackCatalog.bundled(), QualityRuleCatalog.standard(),
                    new Importer.Settings(formats.charset(), threads, Optional.ofNullable(scheme), formats.layout(),
                            formats.catalog()));
            out.println("数据目录：" + dir.path() + "（分组方案 " + dir.setting(Importer.SCHEME_SETTING).orElse("") + "）");
            for (Path f : importer.inImportOrder(files)) {
                ImportSummary summary = importer.importFile(f);
                new ImportReport(out).print(summary);
                new AuditLog(dir).record(Instant.now(), Optional.empty(), "导入", summary.file() + "：读取 "
                        + summary.read() + " 行，新增 " + summary.imported() + "，替换 " + summary.replaced() + "，拒收 "
                        + summary.rejected() + (summary.alreadyImported() ? "（已导入过，未重复导入）" : ""), "命令行");
            }
            long assigned = new DipStore(dir).assignPending(DipCommand.orProcedures(dir), DipParameters.DEFAULTS);
            if (assigned > 0) {
                out.printf("已按最新 DIP 目录为 %,d 例新导入或更新的病例分配病种%n", assigned);
            }
        }
        out.flush();
        return 0;
    }
}

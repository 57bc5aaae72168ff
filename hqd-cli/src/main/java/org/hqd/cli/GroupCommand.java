package org.hqd.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingOptions;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.io.AtomicFile;
import org.hqd.io.grouping.GroupFileJob;
import org.hqd.io.grouping.GroupingSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd group}: groups an abstracts CSV into DRGs and writes one result line per case. */
@Command(name = "group", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"按 DRG 分组方案对病案首页逐例分组。",
            "输出列：record_id,status,mdc,adrg,drg,drg_name,cc,mcc[,trace]；status 为 GROUPED（分组成功）、"
                + "UNGROUPABLE（无法入组，0000）、AMBIGUOUS（歧义组 QY）、INVALID（数据不合格）。"})
final class GroupCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--scheme", paramLabel = "<方案>", defaultValue = RulePackCatalog.DEFAULT_PACK,
            description = "分组方案 id（见 hqd schemes）或规则包目录；默认 ${DEFAULT-VALUE}")
    private String scheme;

    @Option(names = "--input", required = true, paramLabel = "<abstracts.csv>",
            description = "病案首页或结算清单：CSV（带表头，列顺序不限；- 表示标准输入）、Excel 或 DBF，格式按表头识别")
    private String input;

    @Option(names = "--output", required = true, paramLabel = "<results.csv>",
            description = "分组结果 CSV（UTF-8；- 表示标准输出）")
    private String output;

    @Option(names = "--trace", description = "输出每例的分组过程说明（trace 列）")
    private boolean trace;

    @Option(names = "--map-codes", description = "先按字典映射表把国临版编码转为医保版编码，并报告无法映射的编码")
    private boolean mapCodes;

    @Mixin
    private LayoutOptions files;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "<n>", description = "工作线程数；0 表示每个处理器一个")
    private int threads;

    @Override
    public Integer call() throws IOException {
        boolean toStdout = "-".equals(output);
        PrintWriter report = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        RulePack pack = RulePackCatalog.bundled().load(scheme);
        GroupFileJob job = new GroupFileJob(DrgGrouper.of(pack), new GroupFileJob.Settings(files.charset(),
                new GroupingOptions(trace, mapCodes), threads, 1 << 20, files.layout(), files.catalog()));
        SideFiles side = new SideFiles(toStdout ? null : Path.of(output), report);
        GroupingSummary summary;
        try (InputStream in = "-".equals(input) ? System.in : Files.newInputStream(Path.of(input))) {
            if (toStdout) {
                OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
                summary = job.run(in, input, out, side::invalid);
                out.flush();
            } else {
                summary = AtomicFile.write(Path.of(output), out -> job.run(in, input, out, side::invalid));
            }
        } finally {
            side.close();
        }
        side.writeUnmapped(summary.unmappedCodes());
        new GroupingReport(report).print(pack, summary, side);
        return 0;
    }
}

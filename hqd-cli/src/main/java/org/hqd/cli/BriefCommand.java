package org.hqd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hqd.HqdException;
import org.hqd.app.Workspace;
import org.hqd.evaluation.Briefing;
import org.hqd.evaluation.Evaluation;
import org.hqd.io.AtomicFile;
import org.hqd.report.BriefingCharts;
import org.hqd.report.BriefingExcel;
import org.hqd.report.BriefingPdf;
import org.hqd.report.CjkFont;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd brief}: the region's evaluation briefing (通报) as PDF or Excel. */
@Command(name = "brief", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"评价通报：全地区的评价概况、各层级结果表、图表、距目标差距最大的医院和最常未达标的指标；按文件扩展名输出 PDF 或 Excel（.xlsx）。"})
final class BriefCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Mixin
    private EvaluationOptions evaluation;

    @Option(names = "--output", required = true, paramLabel = "<文件>", description = "输出文件：.pdf 或 .xlsx")
    private Path output;

    @Option(names = "--top", defaultValue = "10", paramLabel = "<n>", description = "列出差距最大的医院数；默认 ${DEFAULT-VALUE}")
    private int top;

    @Override
    public Integer call() throws java.io.IOException {
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean pdf = name.endsWith(".pdf");
        if (!pdf && !name.endsWith(".xlsx")) {
            throw new HqdException("--output 应以 .pdf 或 .xlsx 结尾，实际为 " + output);
        }
        Path font = CjkFont.locate();
        PrintWriter out = spec.commandLine().getOut();
        Evaluation e;
        boolean synthetic;
        try (Workspace dir = data.open()) {
            e = EvaluationOptions.of(dir, spec.commandLine().getErr()).evaluate(evaluation.request(false));
            synthetic = dir.synthetic();
        }
        EvaluationOptions.sayScope(e, spec.commandLine().getErr());
        Briefing b = Briefing.of(e, Optional.ofNullable(evaluation.region), top);
        List<BriefingCharts.Chart> charts = new BriefingCharts(font).render(b);
        AtomicFile.write(output, stream -> {
            if (pdf) {
                new BriefingPdf(font).synthetic(synthetic).write(b, charts, stream);
            } else {
                new BriefingExcel().synthetic(synthetic).write(b, charts, stream);
            }
            return null;
        });
        out.printf("已生成%s通报 %s：%d 家医院，%d 项次评价，达标率 %s%n", pdf ? " PDF " : " Excel ", output,
                b.overall().hospitals(), e.rows().size(), b.overall().metRate().isPresent()
                        ? String.format("%.1f%%", 100 * b.overall().metRate().getAsDouble()) : "—");
        out.flush();
        return 0;
    }
}

package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.hqd.casemix.layout.Layout;
import org.hqd.casemix.layout.LayoutCatalog;
import org.hqd.io.layout.LayoutFiles;
import org.hqd.synth.GenerationSummary;
import org.hqd.synth.GeneratorSettings;
import org.hqd.synth.SyntheticBudget;
import org.hqd.synth.ProvinceLayout;
import org.hqd.synth.SyntheticCosting;
import org.hqd.synth.SyntheticProvince;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd generate}: a synthetic province for demos, tests and benchmarks; the same seed gives the same files. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"生成合成数据（非真实患者）：医院名册 hospitals.csv、病案首页 abstracts.csv、机构月报 facility_reports.csv。",
            "相同参数与种子生成完全相同的文件。"})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--hospitals", defaultValue = "50", paramLabel = "<N>", description = "医院数；默认 ${DEFAULT-VALUE}")
    private int hospitals;

    @Option(names = "--records", defaultValue = "100000", paramLabel = "<M>", description = "病案数；默认 ${DEFAULT-VALUE}")
    private long records;

    @Option(names = "--months", defaultValue = "12", paramLabel = "<K>", description = "月数；默认 ${DEFAULT-VALUE}")
    private int months;

    @Option(names = "--first-month", defaultValue = "2024-01", paramLabel = "<YYYY-MM>", description = "起始月份；默认 ${DEFAULT-VALUE}")
    private YearMonth firstMonth;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "<S>", description = "随机种子；默认 ${DEFAULT-VALUE}")
    private long seed;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "<n>", description = "工作线程数（不影响输出）；0 表示每个处理器一个")
    private int threads;

    @Option(names = "--output", required = true, paramLabel = "<目录>", description = "输出目录")
    private Path output;

    @Option(names = "--layout", paramLabel = "<格式>",
            description = "病案写成此格式（见 hqd layouts，如 hqms-codes、hqms-chinese、settlement-flat、settlement-lines），"
                + "文件 abstracts.<格式>.<扩展名> 代替 abstracts.csv；医院以名册的组织机构代码标识")
    private String layout;

    @Option(names = "--layout-form", defaultValue = "CSV", paramLabel = "<csv|xlsx|xls|dbf>",
            description = "--layout 文件的形式；默认 csv")
    private String layoutFormName;

    @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "<编码>",
            description = "--layout 的 CSV/DBF 文件编码，如 GBK；默认 ${DEFAULT-VALUE}")
    private Charset encoding;

    @Option(names = "--budget", description = "同时在输出目录的 budget/ 下生成期间内每个年度的预算、财务实际数、绩效目标和成本分摊参数（与机构月报和病案一致）")
    private boolean budget;

    private LayoutFiles.Form form() {
        try {
            return LayoutFiles.Form.valueOf(layoutFormName.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--layout-form 应为 csv、xlsx、xls 或 dbf："
                    + layoutFormName);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        LayoutFiles.Form layoutForm = form(); // checked before anything is written
        GeneratorSettings settings = GeneratorSettings.of(hospitals, records, months, seed).withFirstMonth(firstMonth);
        if (threads > 0) {
            settings = settings.withThreads(threads);
        }
        GenerationSummary s = SyntheticProvince.standard().writeTo(settings, output);
        out.printf("已生成合成数据（%s）：医院 %,d 家，病案 %,d 份，机构月报 %,d 行，机构年报 %,d 行，共 %.1f MB；用时 %.2f 秒（%,.0f 份/秒）%n",
                s.directory(), s.hospitals(), s.abstracts(), s.facilityReports(), s.annualReports(), s.bytes() / 1e6,
                s.elapsed().toNanos() / 1e9, s.abstractsPerSecond());
        for (int year = firstMonth.getYear(); budget && year <= firstMonth.plusMonths(months - 1).getYear(); year++) {
            SyntheticBudget.Summary b = SyntheticBudget.writeTo(output, year, seed, output.resolve("budget"));
            out.printf("已生成 %d 年预算数据（%s）：医院 %d 家，预算 %,d 行，实际数 %,d 行，绩效目标 %d 个%n", year,
                    output.resolve("budget"), b.hospitals(), b.budgetRows(), b.actualRows(), b.targetRows());
            SyntheticCosting.Summary c = SyntheticCosting.writeTo(output, year, output.resolve("budget"));
            out.printf("已生成 %d 年成本分摊参数（%s）：医院 %d 家，%,d 行%n", year, c.file(), c.hospitals(), c.rows());
        }
        if (layout != null) {
            Layout l = LayoutCatalog.bundled().named(layout);
            LayoutFiles.Written w = ProvinceLayout.rewrite(output, l, layoutForm, encoding, threads);
            out.printf("病案已写成格式 %s（%s）：%s，%,d 份病案，%,d 行（合成数据）%n", l.name(), l.title(), w.file(),
                    w.abstracts(), w.rows());
        }
        out.flush();
        return 0;
    }
}

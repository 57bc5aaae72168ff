package org.hqd.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hqd.casemix.layout.HeaderMapping;
import org.hqd.casemix.layout.HeaderReport;
import org.hqd.casemix.layout.Layout;
import org.hqd.casemix.layout.LayoutCatalog;
import org.hqd.io.layout.AbstractFile;
import org.hqd.io.layout.UnknownLayoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hqd layouts}: the file layouts HQD reads; {@code check FILE}: which one a file is in and what it maps. */
@Command(name = "layouts", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"列出可读取的病案文件格式（病案首页、结算清单等）。格式定义是数据：地区自己的格式（如厂商导出的列名）写成 JSON 文件（format 为 hqd-layout/1，"
                + "可用 extends 继承内置格式、用 aliases 或 rename 改列名），放在数据目录的 layouts 文件夹或用 --layouts 指定的文件夹中，无需改程序。",
            "hqd layouts check 文件：识别文件的格式，列出每列的用途、忽略的列和缺少的列。"},
        subcommands = LayoutsCommand.Check.class)
final class LayoutsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--layouts", paramLabel = "<目录>", description = "另加的格式定义目录（*.json）")
    private Path folder;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LayoutCatalog catalog = folder == null ? LayoutCatalog.bundled() : LayoutCatalog.bundled().withFolder(folder);
        out.println("name,kind,codes,form,title,recognised_by,source");
        for (Layout l : catalog.layouts()) {
            out.println(String.join(",", l.name(), l.kind().label(), l.codeEdition().label(),
                    l.isLineForm() ? "每行一个诊断/手术" : "每次住院一行", l.title(), String.join("+", l.recognise()),
                    l.source()).replace("\n", " "));
        }
        out.flush();
        return 0;
    }

    /** {@code hqd layouts check FILE}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "识别文件格式并说明每列的用途；不属于任何格式时列出最接近的格式及缺少的列（退出码 3）")
    static final class Check implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private LayoutOptions formats;

        @Parameters(paramLabel = "FILE", description = "CSV、Excel（.xlsx/.xls）或 DBF 文件")
        private Path file;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            LayoutCatalog catalog = formats.catalog();
            String name = file.getFileName().toString();
            try (InputStream in = Files.newInputStream(file);
                 AbstractFile f = AbstractFile.open(in, name, new AbstractFile.Options(formats.charset(),
                         formats.layout(), catalog))) {
                out.println(file + "：" + (formats.layout().isPresent() ? "按指定格式 " : "识别为 ") + f.describe());
                HeaderReport.lines(f.mapping()).forEach(out::println);
                out.flush();
                return f.mapping().missing(org.hqd.casemix.abstracts.AbstractColumn.FOR_IMPORT).isEmpty()
                        && f.mapping().duplicates().isEmpty() ? 0 : ErrorReporter.DATA_ERROR;
            } catch (UnknownLayoutException e) {
                HeaderMapping closest = e.closest();
                out.println(file + "：不属于任何已知格式。最接近的是 " + closest.layout().name() + "（"
                        + closest.layout().title() + "），识别列 " + String.join("、", closest.layout().recognise())
                        + " 中文件有 " + closest.recognised() + " 个");
                HeaderReport.lines(closest).forEach(out::println);
                out.flush();
                return ErrorReporter.DATA_ERROR;
            }
        }
    }
}

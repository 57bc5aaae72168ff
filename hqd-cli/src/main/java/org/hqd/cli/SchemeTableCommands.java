package org.hqd.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.hqd.HqdException;
import org.hqd.casemix.rulepack.CompiledScheme;
import org.hqd.casemix.rulepack.PackFiles;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.casemix.rulepack.SchemeCompiler;
import org.hqd.casemix.rulepack.SchemeTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd schemes compile|export}: a scheme between its official 分组方案 tables and a rule pack. */
final class SchemeTableCommands {
    private SchemeTableCommands() {
    }

    @Command(name = "compile", mixinStandardHelpOptions = true,
            description = {"把地区收到的分组方案表（MDC 主诊表、ADRG 诊断/手术表、CC/MCC 表、排除表、DRG 细分规则…）编译为规则包；",
                "全部问题按表和行列出；输出为目录，或以 .zip 结尾的规则包文件。表的格式与 hqd schemes export 导出的表相同（可先导出一个内置方案作样例）。"})
    static final class Compile implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--tables", required = true, paramLabel = "<目录>", description = "分组方案表所在目录（UTF-8 TSV）")
        private Path tables;

        @Option(names = "--output", required = true, paramLabel = "<规则包>", description = "规则包目录或 .zip 文件")
        private Path output;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(tables)) {
                throw new HqdException("分组方案表目录不存在：" + tables);
            }
            Map<String, String> files = new LinkedHashMap<>();
            for (String name : SchemeTables.ALL) {
                Path f = tables.resolve(name);
                if (Files.isRegularFile(f)) {
                    files.put(name, Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            Path dictionary = tables.resolve("dictionary");
            if (Files.isDirectory(dictionary)) {
                try (Stream<Path> s = Files.list(dictionary)) {
                    for (Path f : s.filter(Files::isRegularFile).toList()) {
                        files.put("dictionary/" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
                    }
                }
            }
            RulePackCatalog catalog = RulePackCatalog.bundled();
            CompiledScheme c = SchemeCompiler.compile(files, catalog::dictionary);
            PackFiles.write(c.files(), output);
            RulePack p = c.pack();
            spec.commandLine().getOut().printf("已编译方案 %s（%s）：%d 个 MDC，%d 条 ADRG 规则，%d 个 DRG → %s%n用 --scheme %s 分组%n",
                    p.id(), p.manifest().scheme(), p.mdcs().size(), p.adrgs().size(), p.drgs().size(), output, output);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "把一个方案（内置方案 id、规则包目录或 .zip）写成分组方案表，可编辑后用 hqd schemes compile 编译")
    static final class Export implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--scheme", required = true, paramLabel = "<方案>", description = "方案 id 或规则包路径")
        private String scheme;

        @Option(names = "--tables", required = true, paramLabel = "<目录>", description = "写出表格的目录")
        private Path tables;

        @Override
        public Integer call() throws IOException {
            RulePack pack = RulePackCatalog.bundled().load(scheme);
            Files.createDirectories(tables);
            Map<String, String> t = SchemeTables.export(pack);
            for (Map.Entry<String, String> e : t.entrySet()) {
                Files.writeString(tables.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
            spec.commandLine().getOut().printf("已把方案 %s 写成 %d 张表：%s%n", pack.id(), t.size(), tables);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}

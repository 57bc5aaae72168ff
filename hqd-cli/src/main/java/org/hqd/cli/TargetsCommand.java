package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hqd.HqdException;
import org.hqd.app.Actor;
import org.hqd.app.Workspace;
import org.hqd.app.evaluation.EvaluationService;
import org.hqd.evaluation.LoadedTargets;
import org.hqd.evaluation.Target;
import org.hqd.evaluation.TargetSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hqd targets list|show|load}: the target sets of a data directory. */
@Command(name = "targets", mixinStandardHelpOptions = true,
        description = "目标集：list 列出，show 显示，load 载入地区自己的目标集（TSV）并设为默认",
        subcommands = {TargetsCommand.ListSets.class, TargetsCommand.Show.class, TargetsCommand.Load.class})
final class TargetsCommand extends CommandGroup {
    static final String HEADER = "indicator,tier,comparison,target,year,source";

    /** {@code hqd targets list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "列出目标集（* 为默认）")
    static final class ListSets extends DataCommand {
        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            EvaluationService service = new EvaluationService(w, Clock.systemUTC());
            String defaultId = service.defaultTargetId();
            for (String id : service.targetIds()) {
                TargetSet s = service.targetSet(Optional.of(id));
                out.printf("%s %s  %s（%d 条目标）%n", id.equals(defaultId) ? "*" : " ", id, s.name(),
                        s.targets().size());
            }
        }
    }

    /** {@code hqd targets show}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "显示一个目标集的全部目标（CSV）")
    static final class Show extends DataCommand {
        @Option(names = "--set", paramLabel = "<目标集>", description = "目标集编号；默认为当前默认目标集")
        private String set;

        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            TargetSet s = new EvaluationService(w, Clock.systemUTC()).targetSet(Optional.ofNullable(set));
            out.println(HEADER);
            for (Target t : s.targets()) {
                out.println(String.join(",", t.indicator(), t.tier().map(Enum::name).orElse("*"),
                        t.comparison().name(), Cells.plain(t.value()),
                        t.year().isPresent() ? String.valueOf(t.year().getAsInt()) : "", t.source()));
            }
        }
    }

    /** {@code hqd targets load}. */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "载入目标集 TSV（首行 '# id: 编号'，可有 '# name: 名称'；列 indicator、tier、comparison、target、year、source），"
                    + "检查后保存并设为默认；同编号的目标集被替换")
    static final class Load implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Parameters(paramLabel = "FILE", description = "目标集文件（UTF-8 TSV）")
        private Path file;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new HqdException("找不到目标集文件 " + file);
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace dir = data.open()) {
                LoadedTargets l = new EvaluationService(dir, Clock.systemUTC()).loadTargets(Actor.commandLine(), text,
                        file.getFileName().toString());
                out.printf("已%s目标集 %s（%s）：%d 条目标，并设为默认%n", l.replaced() ? "替换" : "载入", l.set().id(),
                        l.set().name(), l.set().targets().size());
            }
            out.flush();
            return 0;
        }
    }
}

package org.hqd.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.hqd.app.Workspace;
import org.hqd.app.intake.IntakeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hqd sql}: read-only SQL over the documented views, CSV to standard output. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"对数据目录执行只读 SQL，结果以 CSV 输出到标准输出。",
            "稳定视图：cases、rejects、hospitals、facility_reports；一个视图的列名可用 hqd sql \"SELECT * FROM cases LIMIT 0\" 查看（只输出表头）。",
            "只执行一条 SELECT；COPY、SET、PRAGMA、ATTACH、INSTALL、LOAD、多条语句、表函数和账户、会话表一律拒绝。"})
final class SqlCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Parameters(index = "0", paramLabel = "SQL", description = "一条 SELECT 语句")
    private String sql;

    @Override
    public Integer call() throws IOException {
        try (Workspace w = data.openForReading()) {
            Writer out = spec.commandLine().getOut() != null ? spec.commandLine().getOut()
                    : new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            new IntakeService(w, Clock.systemUTC()).sql(sql, out);
        }
        return 0;
    }
}

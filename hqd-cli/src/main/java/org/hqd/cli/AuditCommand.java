package org.hqd.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.hqd.access.AuditEntry;
import org.hqd.app.Workspace;
import org.hqd.app.access.AccessService;
import org.hqd.io.grouping.ResultCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd audit}: the latest entries of the audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "审计日志：登录、登录失败、导出、用户与设置变更（最新在前，CSV）")
final class AuditCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Option(names = "--limit", defaultValue = "100", paramLabel = "<n>", description = "条数；默认 ${DEFAULT-VALUE}")
    private int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace w = data.open()) {
            out.println("at,user,action,detail,client");
            for (AuditEntry e : new AccessService(w, Clock.systemUTC()).auditLog(Math.max(1, limit))) {
                StringBuilder s = new StringBuilder(e.at().toString()).append(',');
                ResultCsv.field(s, e.user().orElse("")).append(',');
                ResultCsv.field(s, e.action()).append(',');
                ResultCsv.field(s, e.detail() == null ? "" : e.detail()).append(',');
                ResultCsv.field(s, e.client());
                out.println(s);
            }
        }
        out.flush();
        return 0;
    }
}

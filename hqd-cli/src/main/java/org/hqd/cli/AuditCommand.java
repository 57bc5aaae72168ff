package org.hqd.cli;

import java.io.PrintWriter;
import java.time.Clock;
import org.hqd.access.AuditEntry;
import org.hqd.app.Workspace;
import org.hqd.app.access.AccessService;
import org.hqd.io.grouping.ResultCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hqd audit}: the latest entries of the audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "审计日志：登录、登录失败、导出、用户与设置变更（最新在前，CSV）")
final class AuditCommand extends DataCommand {
    @Option(names = "--limit", defaultValue = "100", paramLabel = "<n>", description = "条数；默认 ${DEFAULT-VALUE}")
    private int limit;

    @Override
    void run(Workspace w, PrintWriter out) {
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
}

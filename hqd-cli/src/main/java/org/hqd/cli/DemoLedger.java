package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hqd.app.Actor;
import org.hqd.app.DataAccess;
import org.hqd.app.ledger.LedgerCommit;
import org.hqd.app.ledger.LedgerService;
import org.hqd.ledger.ExtractedDocument;
import org.hqd.ledger.ExtractionRules;
import org.hqd.ledger.IndicatorLinks;
import org.hqd.ledger.LedgerSummary;
import org.hqd.ledger.Plan;
import org.hqd.ledger.PlanDocuments;
import org.hqd.ledger.PlanParser;
import org.hqd.ledger.TargetCheck;
import org.hqd.ledger.TaskStatus;
import org.hqd.ledger.TrackedTask;
import org.hqd.ledger.Tracking;

/** The demo's ledger step: plan documents committed and tracked through the ledger's service, as the commands do. */
final class DemoLedger {
    private DemoLedger() {
    }

    /**
     * Step 7: the task-progress ledger: the Tianjin gazette bundled with HQD (two plans of a region) and a synthetic
     * plan of the first hospital ({@code hospital}) whose targets HQD measures.
     */
    static void print(PrintWriter out, DataAccess data, String hospital, Path dataDirectory) throws IOException {
        out.println("7. 任务推进台账（从方案文件提取任务、责任单位、完成期限和量化目标；关联指标的目标按数据度量）：");
        PlanParser parser = new PlanParser(ExtractionRules.standard(), IndicatorLinks.standard());
        LedgerService ledger = new LedgerService(data, DemoCommand.CLOCK);
        for (String[] doc : new String[][] {
            {"/org/hqd/ledger/samples/tianjin-gazette-2022-19-20.txt", "tianjin-gazette-2022-19-20.txt", null},
            {"demo-hospital-plan.txt", "demo-hospital-plan.txt", hospital}}) {
            byte[] bytes;
            try (var in = doc[0].startsWith("/") ? PlanParser.class.getResourceAsStream(doc[0])
                    : DemoCommand.class.getResourceAsStream(doc[0])) {
                bytes = in.readAllBytes();
            }
            ExtractedDocument d = parser.parse(doc[1], new String(bytes, StandardCharsets.UTF_8)
                    .replace("H0001", hospital));
            LedgerCommit c = ledger.commit(Actor.demo("demo"), d, PlanDocuments.fingerprint(bytes),
                    Optional.ofNullable(doc[2]));
            out.printf("   %s%s：%d 个方案，%d 项任务（%s）%n", doc[1],
                    doc[2] == null ? "（区域方案）" : "（" + doc[2] + " 本院方案）", c.plans(), d.taskCount(),
                    c.added() + c.updated() + c.removed() == 0 ? "已导入过，未做任何更改" : "已写入台账");
            for (Plan p : d.plans()) {
                out.printf("     %s %s：%d 项任务，%d 项有责任单位，%d 个量化目标%n", p.planId(), p.title(), p.tasks().size(),
                        p.tasks().stream().filter(t -> !t.leadUnits().isEmpty()).count(),
                        p.tasks().stream().mapToLong(t -> t.targets().size()).sum());
            }
        }
        Tracking tracking = new Tracking(LocalDate.now(), Tracking.DEFAULT_WARNING_DAYS);
        List<TrackedTask> tasks = ledger.tasks(tracking, Optional.empty(), plan -> true);
        out.println("   关联到指标的目标与实际（最近 12 个月的数据；区域方案按各医院中位数）：");
        for (TrackedTask t : tasks) {
            for (TargetCheck ch : t.checks()) {
                out.printf("     %s %s %s：目标 %s%s，实际 %s（%s），%s%n", t.planId(), t.task().taskNo(), ch.target().phrase(),
                        ch.target().text(),
                        " → " + ch.target().indicator().orElse("") + " " + ch.target().comparator().symbol() + " "
                                + Tracking.format(ch.target().indicatorValue().orElse(Double.NaN)),
                        Tracking.format(ch.actual().orElse(Double.NaN)), ch.basis(),
                        ch.met().map(m -> m ? "已达到" : "未达到").orElse("无数据"));
            }
        }
        LedgerSummary s = LedgerSummary.of(tracking.asOf(), tasks);
        out.printf("   截至 %s：%d 项任务，已逾期 %d 项，有风险 %d 项（回头看：./hqd ledger followup --data %s）%n",
                tracking.asOf(), tasks.size(), s.followUp().stream().filter(t -> t.status() == TaskStatus.OVERDUE).count(),
                s.followUp().stream().filter(t -> t.status() == TaskStatus.AT_RISK).count(), dataDirectory);
    }
}

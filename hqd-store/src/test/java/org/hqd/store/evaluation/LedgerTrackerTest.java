package org.hqd.store.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.ledger.ExtractionRules;
import org.hqd.ledger.IndicatorLinks;
import org.hqd.ledger.PlanParser;
import org.hqd.ledger.TargetCheck;
import org.hqd.ledger.TaskStatus;
import org.hqd.ledger.TrackedTask;
import org.hqd.ledger.Tracking;
import org.hqd.store.DataDirectory;
import org.hqd.store.ledger.LedgerStore;
import org.hqd.store.ledger.LedgerTracker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ledger targets measured on the hand-made store of {@link MeasureQueryTest} (in this package to share it). Over
 * 2024-01..2024-03 the average length of stay is H001 36/10 = 3.6, H002 (R06 2 + R14 5)/2 = 3.5, H009 3/1 = 3.0;
 * H003 has no cases. A target "平均住院日控制在3.55天以内" is therefore missed by H001, and for a region plan the median
 * of 3.0, 3.5, 3.6 is 3.5, met, with 2 of 3 hospitals meeting it.
 */
final class LedgerTrackerTest {
    @TempDir
    static Path tmp;

    static Path data;

    static final String PLAN = """
            %s医院高质量发展实施方案

            一、重点任务

            (一)提高运行效率。到2026年，平均住院日控制在3.55天以内。(医务部负责)

            (二)加强文化建设。到2026年12月底前完成。(党办负责)
            """;

    @BeforeAll
    static void buildStore() throws java.io.IOException {
        data = MeasureQueryTest.build(tmp.resolve("shared"), MeasureQueryTest.abstracts());
    }

    static List<TrackedTask> track(Optional<String> hospital, String title, LocalDate asOf) {
        PlanParser parser = new PlanParser(ExtractionRules.standard(), IndicatorLinks.standard());
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            LedgerStore store = new LedgerStore(dir);
            var doc = parser.parse("p.txt", PLAN.formatted(title));
            store.commit(doc, "sha", hospital, "t");
            String planId = doc.plans().get(0).planId();
            return new LedgerTracker(dir, IndicatorCatalog.standard()).track(store.tasks(Optional.of(planId)),
                    new Tracking(asOf, 60), Optional.of(MeasureQueryTest.Q1));
        }
    }

    @Test
    void aHospitalPlanIsMeasuredOnItsHospital() {
        List<TrackedTask> tasks = track(Optional.of("H001"), "第一", LocalDate.of(2026, 11, 23));
        TargetCheck c = tasks.get(0).checks().get(0);
        assertThat(c.target().indicator()).contains("alos");
        assertThat(c.actual().getAsDouble()).isEqualTo(3.6);
        assertThat(c.met()).contains(false);
        assertThat(c.basis()).isEqualTo("H001");
        // due 2026-12-31 is 38 days away, the target is missed and the task not started: at risk
        assertThat(tasks.get(0).status()).isEqualTo(TaskStatus.AT_RISK);
        assertThat(tasks.get(0).reason()).isEqualTo("距完成期限 38 天仍未启动");
        assertThat(Tracking.refusal(TaskStatus.DONE, tasks.get(0).checks())).get().asString()
                .contains("平均住院日").contains("3.6").contains("3.55");
        assertThat(tasks.get(1).checks()).isEmpty();
    }

    @Test
    void aRegionPlanIsMeasuredAsTheMedianOfItsHospitals() {
        List<TrackedTask> tasks = track(Optional.empty(), "全市", LocalDate.of(2026, 1, 1));
        TargetCheck c = tasks.get(0).checks().get(0);
        assertThat(c.actual().getAsDouble()).isEqualTo(3.5);
        assertThat(c.met()).contains(true);
        assertThat(c.basis()).isEqualTo("3 家医院中位数，2 家达标");
        assertThat(tasks.get(0).status()).isEqualTo(TaskStatus.NOT_STARTED);
        // past the due date nothing declared matters but 已完成
        List<TrackedTask> late = track(Optional.empty(), "全市", LocalDate.of(2027, 1, 1));
        assertThat(late).extracting(TrackedTask::status).containsExactly(TaskStatus.OVERDUE, TaskStatus.OVERDUE);
        assertThat(late.get(1).reason()).isEqualTo("已过完成期限 2026-12-31");
    }
}

package org.hqd.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.ledger.ExtractedDocument;
import org.hqd.ledger.ExtractionRules;
import org.hqd.ledger.IndicatorLinks;
import org.hqd.ledger.PlanParser;
import org.hqd.ledger.PlanTask;
import org.hqd.ledger.ProgressNote;
import org.hqd.ledger.TaskStatus;
import org.hqd.store.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committing extractions and recording progress: round trip, idempotence, revisions that keep the tracking, atomicity. */
final class LedgerStoreTest {
    static final PlanParser PARSER = new PlanParser(ExtractionRules.standard(), IndicatorLinks.standard());

    static final String PLAN = """
            某市推动公立医院高质量发展实施方案

            一、总体要求

            到2025年，建成一批高水平医院。

            二、重点任务

            (一)打造高水平医院。到2025年，平均住院日控制在8天以内，四级手术占比达到35%。(市卫生健康委、
            市财政局按职责分工负责)

            (二)加强专科建设。2022年6月底前完成规划。(责任单位：市卫生健康委；各区人民政府)

            (三)改革薪酬制度。(市人社局负责)
            """;

    static ExtractedDocument parse(String text) {
        return PARSER.parse("plan.txt", text);
    }

    @Test
    void committedTasksReadBackAsExtracted(@TempDir Path tmp) {
        ExtractedDocument doc = parse(PLAN);
        try (DataDirectory dir = DataDirectory.openForWriting(tmp.resolve("d"))) {
            LedgerStore store = new LedgerStore(dir);
            LedgerStore.Committed c = store.commit(doc, "sha", Optional.empty(), "tester");
            assertThat(c).isEqualTo(new LedgerStore.Committed(1, 3, 0, 0, 0, List.of()));
            List<LedgerStore.StoredTask> tasks = store.tasks(Optional.empty());
            assertThat(tasks).extracting(LedgerStore.StoredTask::task).containsExactlyElementsOf(doc.plans().get(0).tasks());
            assertThat(tasks).extracting(LedgerStore.StoredTask::declared).containsOnly(TaskStatus.NOT_STARTED);
            assertThat(tasks.get(0).task().leadUnits()).containsExactly("市卫生健康委", "市财政局");
            assertThat(tasks.get(1).task().coUnits()).containsExactly("各区人民政府");
            assertThat(tasks.get(1).task().due()).contains(LocalDate.of(2022, 6, 30));
            assertThat(store.plans()).singleElement().satisfies(p -> {
                assertThat(p.title()).isEqualTo("某市推动公立医院高质量发展实施方案");
                assertThat(p.tasks()).isEqualTo(3);
                assertThat(p.hospitalId()).isEmpty();
                assertThat(p.importedBy()).isEqualTo("tester");
            });
        }
    }

    @Test
    void theSameDocumentAgainChangesNothingAndARevisionKeepsTheTracking(@TempDir Path tmp) {
        try (DataDirectory dir = DataDirectory.openForWriting(tmp.resolve("d"))) {
            LedgerStore store = new LedgerStore(dir);
            ExtractedDocument first = parse(PLAN);
            store.commit(first, "sha", Optional.empty(), "tester");
            String id1 = first.plans().get(0).tasks().get(0).taskId();
            store.update(id1, Optional.of(TaskStatus.IN_PROGRESS), Optional.empty(),
                    new ProgressNote(LocalDate.of(2026, 11, 1), "张三", Optional.of(TaskStatus.IN_PROGRESS), "已启动", "http://x/1"),
                    Instant.parse("2026-11-01T08:00:00Z"));

            assertThat(store.commit(parse(PLAN), "sha", Optional.empty(), "tester"))
                    .isEqualTo(new LedgerStore.Committed(1, 0, 0, 3, 0, List.of()));

            // revision: task (二) reworded, task (三) dropped, a task (四) added; the first lines stay, so the plan id does too
            String revised = PLAN.replace("2022年6月底前完成规划", "2023年6月底前完成规划")
                    .replace("(三)改革薪酬制度。(市人社局负责)", "(三)深化医保支付方式改革。(市医保局负责)\n\n(四)改革薪酬制度。(市人社局负责)");
            ExtractedDocument second = parse(revised);
            assertThat(second.plans().get(0).planId()).isEqualTo(first.plans().get(0).planId());
            LedgerStore.Committed c = store.commit(second, "sha2", Optional.empty(), "tester");
            // (一) unchanged; (二) updated (its text); 改革薪酬制度 updated (now (四), same id); 医保 added
            assertThat(c).isEqualTo(new LedgerStore.Committed(1, 1, 2, 1, 0, List.of()));
            PlanTask pay = first.plans().get(0).tasks().get(2);
            assertThat(store.task(pay.taskId()).orElseThrow().task().taskNo()).isEqualTo("(四)");
            LedgerStore.StoredTask kept = store.task(id1).orElseThrow();
            assertThat(kept.declared()).isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(kept.notes()).isEqualTo(1);
            assertThat(kept.lastNote()).contains(new ProgressNote(LocalDate.of(2026, 11, 1), "张三",
                    Optional.of(TaskStatus.IN_PROGRESS), "已启动", "http://x/1"));
            assertThat(store.tasks(Optional.empty())).hasSize(4);

            // back to the first version: the added task is marked removed, not deleted
            LedgerStore.Committed back = store.commit(parse(PLAN), "sha", Optional.empty(), "tester");
            assertThat(back).isEqualTo(new LedgerStore.Committed(1, 0, 2, 1, 1, List.of()));
            assertThat(store.tasks(Optional.empty())).extracting(t -> t.task().taskNo())
                    .containsExactly("(一)", "(二)", "(三)");
            assertThat(store.plans().get(0).tasks()).isEqualTo(3);
        }
    }

    @Test
    void progressNotesNewestFirstAndTheDueDateCanBeMoved(@TempDir Path tmp) {
        try (DataDirectory dir = DataDirectory.openForWriting(tmp.resolve("d"))) {
            LedgerStore store = new LedgerStore(dir);
            ExtractedDocument doc = parse(PLAN);
            store.commit(doc, "sha", Optional.empty(), "tester");
            String id = doc.plans().get(0).tasks().get(1).taskId();
            store.update(id, Optional.empty(), Optional.empty(), new ProgressNote(LocalDate.of(2026, 10, 1), "甲",
                    Optional.empty(), "第一次", ""), Instant.parse("2026-10-01T00:00:00Z"));
            store.update(id, Optional.of(TaskStatus.AT_RISK), Optional.of(LocalDate.of(2027, 3, 31)),
                    new ProgressNote(LocalDate.of(2026, 11, 2), "乙", Optional.of(TaskStatus.AT_RISK), "资金未到位", ""),
                    Instant.parse("2026-11-02T00:00:00Z"));
            assertThat(store.notes(id)).extracting(ProgressNote::text).containsExactly("资金未到位", "第一次");
            LedgerStore.StoredTask t = store.task(id).orElseThrow();
            assertThat(t.declared()).isEqualTo(TaskStatus.AT_RISK);
            assertThat(t.task().due()).contains(LocalDate.of(2027, 3, 31));
            assertThat(t.notes()).isEqualTo(2);
            assertThatThrownBy(() -> store.update("P0-99", Optional.empty(), Optional.empty(),
                    new ProgressNote(LocalDate.of(2026, 1, 1), "x", Optional.empty(), "n", ""), Instant.EPOCH))
                    .isInstanceOf(HqdException.class).hasMessageContaining("P0-99");
        }
    }

    @Test
    void aPlanKeepsItsOwnerAndAFailedCommitLeavesNothing(@TempDir Path tmp) {
        try (DataDirectory dir = DataDirectory.openForWriting(tmp.resolve("d"))) {
            LedgerStore store = new LedgerStore(dir);
            store.commit(parse(PLAN), "sha", Optional.of("H001"), "tester");
            String other = PLAN.replace("某市推动", "另一市推动");
            // a document with a new plan and the plan H001 owns, committed as a region's: refused as a whole
            ExtractedDocument both = parse(other + "\n\n" + PLAN);
            assertThat(both.plans()).hasSize(2);
            assertThatThrownBy(() -> store.commit(both, "sha3", Optional.empty(), "tester"))
                    .isInstanceOf(HqdException.class).hasMessageContaining("H001");
            assertThat(store.plans()).singleElement().satisfies(p -> assertThat(p.hospitalId()).contains("H001"));
            assertThat(store.tasks(Optional.empty())).hasSize(3);
        }
    }
}

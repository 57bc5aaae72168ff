package org.hqd.app.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hqd.HqdException;
import org.hqd.access.AuditEntry;
import org.hqd.app.Actor;
import org.hqd.app.AuditEntries;
import org.hqd.app.Register;
import org.hqd.app.StoreRows;
import org.hqd.app.TickingClock;
import org.hqd.app.Workspace;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetEvent;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.BudgetState;
import org.hqd.budget.BudgetVersion;
import org.hqd.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budget's changing use cases on a register of two hospitals: each writes its change and one audit entry naming
 * the actor and its channel, or (refused, or failing) neither; rejected rows go to a rejects file; accepted actual
 * amounts send one "measures changed" notice.
 *
 * <p>H1's 2025 budget: 财务科 人员经费 1,000 yuan a month; 全院 财政基本支出补助收入 (R0201) 6,000 in January and July.
 */
final class BudgetServiceTest {
    static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
    static final Actor HOSPITAL = Actor.web("hosp", "10.0.0.7");

    @TempDir
    Path tmp;

    Workspace w;
    int notices;
    BudgetService service;
    BudgetReports reports;

    @BeforeEach
    void open() {
        w = Workspace.open(tmp.resolve("data"));
        Register.importInto(w, tmp);
        Clock clock = new TickingClock(START);
        service = new BudgetService(w, clock, () -> notices++);
        reports = new BudgetReports(w, clock);
    }

    @AfterEach
    void close() {
        w.close();
    }

    static BudgetFile file(String name, String text) {
        return BudgetFile.of(name, text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, BudgetRowCheck.COLUMNS);
    }

    static BudgetFile budget() {
        StringBuilder b = new StringBuilder("hospital_id,year,department,item,month,amount\n");
        for (int m = 1; m <= 12; m++) {
            b.append("H1,2025,财务科,人员经费,").append(m).append(",1000\n");
        }
        b.append("H1,2025,全院,R0201,1,6000\nH1,2025,全院,R0201,7,6000\n");
        return file("budget.csv", b.toString());
    }

    /** Actual amounts of January–March, all valid. */
    static final String VALID_ACTUALS = """
            hospital_id,year,department,item,month,amount
            H1,2025,财务科,人员经费,1,1300
            H1,2025,财务科,人员经费,2,1300
            H1,2025,财务科,人员经费,3,1300
            H1,2025,全院,财政基本支出补助收入,1,6000
            """;

    static BudgetFile validActuals() {
        return file("actuals.csv", VALID_ACTUALS);
    }

    /** {@link #VALID_ACTUALS} and three refused rows of March (lines 6–8). */
    static BudgetFile actuals() {
        return file("actuals.csv", VALID_ACTUALS + """
                H1,2025,财务科,奖金,3,100
                H1,2025,财务科,药品费,3,一百
                H1,2025,眼科,药品费,3,100
                """);
    }

    BudgetState state() {
        return reports.list(h -> true).get(0).latest().state();
    }

    @Test
    void importBudget_storesTheDraft_andOneAuditEntryNamesTheActorAndItsClient() {
        BudgetImport r = service.importBudget(HOSPITAL, budget());

        assertThat(r.read()).isEqualTo(14);
        assertThat(r.accepted()).isEqualTo(14);
        assertThat(r.rejected()).isEmpty();
        assertThat(r.rejectsFile()).isEmpty();
        assertThat(r.changes()).containsExactly("H1 2025 年年初预算：新建草稿 14 行，合计 12000.00 元收入、12000.00 元支出");
        assertThat(state()).isEqualTo(BudgetState.DRAFT);
        List<AuditEntry> audit = AuditEntries.of(w, "预算编制");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).user()).contains("hosp");
        assertThat(audit.get(0).client()).isEqualTo("10.0.0.7");
        assertThat(audit.get(0).at()).as("stamped by the service's clock").isBetween(START, START.plusSeconds(60));
        assertThat(audit.get(0).detail()).startsWith("budget.csv：读取 14 行，接收 14 行，拒收 0 行；H1 2025 年年初预算：新建草稿 14 行");
        assertThat(notices).as("a budget is not a measure").isZero();
    }

    @Test
    void importActuals_rejectedRowsGoToARejectsFile_andOneMeasuresChangedNotice() throws IOException {
        service.importBudget(HOSPITAL, budget());

        BudgetImport r = service.importActuals(HOSPITAL, actuals());

        // March has three refused rows, so its good row (line 4) is held back too: a month is replaced whole or not
        assertThat(r.accepted()).isEqualTo(3);
        assertThat(r.rejected()).extracting(x -> x.row().line()).containsExactly(4, 6, 7, 8);
        assertThat(r.rejectedByRule()).isEqualTo(Map.of("MONTH_INCOMPLETE", 1, "UNKNOWN_ITEM", 1, "BAD_AMOUNT", 1,
                "UNKNOWN_DEPARTMENT", 1));
        assertThat(r.rejected().get(0).messages()).containsExactly(
                "H1 2025 年 3 月有被拒收的行：本月实际数未替换（已有的保持不变），更正后整月重新导入");
        Path rejects = r.rejectsFile().orElseThrow();
        assertThat(rejects.getParent()).isEqualTo(tmp.resolve("data").resolve("rejects"));
        assertThat(rejects.getFileName().toString()).startsWith("budget-actuals-").endsWith(".rejects.csv");
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("line,hospital_id,year,department,item,month,amount,rule_ids,reasons");
        assertThat(lines.get(1)).startsWith("4,H1,2025,财务科,人员经费,3,1300,MONTH_INCOMPLETE,");
        assertThat(lines.get(2)).startsWith("6,H1,2025,财务科,奖金,3,100,UNKNOWN_ITEM,");
        assertThat(notices).isEqualTo(1);
        assertThat(AuditEntries.of(w, "导入实际数")).singleElement().extracting(AuditEntry::detail).asString()
                .startsWith("actuals.csv：读取 7 行，接收 3 行，拒收 4 行");
    }

    @Test
    void importActuals_aMonthWithARefusedRow_keepsItsStoredActuals() {
        service.importBudget(HOSPITAL, budget());
        service.importActuals(HOSPITAL, file("march.csv", """
                hospital_id,year,department,item,month,amount
                H1,2025,财务科,人员经费,3,1300
                H1,2025,全院,财政基本支出补助收入,3,6000
                """));

        // a corrected March with one bad row: nothing of March is replaced, February is
        BudgetImport r = service.importActuals(HOSPITAL, file("again.csv", """
                hospital_id,year,department,item,month,amount
                H1,2025,财务科,人员经费,3,900
                H1,2025,财务科,药品费,3,一百
                H1,2025,财务科,人员经费,2,1200
                """));

        assertThat(r.accepted()).isEqualTo(1);
        assertThat(r.rejectedByRule()).isEqualTo(Map.of("MONTH_INCOMPLETE", 1, "BAD_AMOUNT", 1));
        assertThat(reports.status("H1", 2025, 3).lines().stream().mapToLong(l -> l.actualToDate()).sum())
                .as("March's two stored rows (1,300 + 6,000) and February's 1,200, in fen").isEqualTo(850_000L);
    }

    @Test
    void importActuals_nothingAccepted_sendsNoNotice() {
        service.importBudget(HOSPITAL, budget());

        BudgetImport r = service.importActuals(HOSPITAL, file("bad.csv", """
                hospital_id,year,department,item,month,amount
                H1,2025,财务科,奖金,3,100
                """));

        assertThat(r.accepted()).isZero();
        assertThat(notices).isZero();
    }

    @Test
    void step_refusedByTheWorkflow_changesNothingAndIsNotAudited() {
        service.importBudget(HOSPITAL, budget());
        int entries = AuditEntries.of(w).size();

        assertThatThrownBy(() -> service.step(HOSPITAL, "H1", 2025, BudgetAction.APPROVE, ""))
                .isInstanceOf(HqdException.class).hasMessageContaining("只有“已提交”的预算可以批准");

        assertThat(state()).isEqualTo(BudgetState.DRAFT);
        assertThat(AuditEntries.of(w)).hasSize(entries);
    }

    @Test
    void step_eachStepIsAuditedOnce_withItsActor() {
        service.importBudget(HOSPITAL, budget());

        service.step(Actor.demo("demo 财务科"), "H1", 2025, BudgetAction.SUBMIT, "");
        service.step(Actor.web("regulator", "10.0.0.8"), "H1", 2025, BudgetAction.APPROVE, "同意");

        List<AuditEntry> submitted = AuditEntries.of(w, "预算提交");
        assertThat(submitted).hasSize(1);
        assertThat(submitted.get(0).user()).isEmpty();
        assertThat(submitted.get(0).client()).isEqualTo("演示");
        assertThat(submitted.get(0).detail()).isEqualTo("H1 2025 年年初预算 → 已提交");
        List<AuditEntry> approved = AuditEntries.of(w, "预算批准");
        assertThat(approved).hasSize(1);
        assertThat(approved.get(0).user()).contains("regulator");
        assertThat(approved.get(0).detail()).isEqualTo("H1 2025 年年初预算 → 已批准：同意");
        assertThat(reports.history("H1", 2025).events()).extracting(BudgetEvent::user)
                .containsExactly("hosp", "demo 财务科", "regulator");
        assertThat(state()).isEqualTo(BudgetState.APPROVED);
    }

    @Test
    void aChangeWhoseAuditEntryCannotBeWritten_isNotStoredEither() {
        w.with(d -> {
            d.execute("ALTER TABLE audit_log RENAME TO audit_log_away");
            return null;
        });

        assertThatThrownBy(() -> service.importBudget(HOSPITAL, budget())).isInstanceOf(StoreException.class);

        w.with(d -> {
            d.execute("ALTER TABLE audit_log_away RENAME TO audit_log");
            return null;
        });
        assertThat(reports.list(h -> true)).as("the budget went with its audit entry").isEmpty();
        assertThat(StoreRows.count(w, "SELECT count(*) FROM budget_imports")).isZero();
        assertThat(StoreRows.count(w, "SELECT count(*) FROM budget_lines")).isZero();
    }

    @Test
    void adjust_oneBadRow_refusesTheWholeAdjustment() {
        service.importBudget(HOSPITAL, budget());
        service.step(HOSPITAL, "H1", 2025, BudgetAction.SUBMIT, "");
        service.step(HOSPITAL, "H1", 2025, BudgetAction.APPROVE, "");
        List<BudgetRowCheck.RawRow> rows = List.of(
                new BudgetRowCheck.RawRow(1, Map.of("hospital_id", "H1", "year", "2025", "department", "财务科",
                        "item", "人员经费", "month", "7", "amount", "1500")),
                new BudgetRowCheck.RawRow(2, Map.of("hospital_id", "H1", "year", "2025", "department", "财务科",
                        "item", "X999", "month", "7", "amount", "1")));

        assertThatThrownBy(() -> service.adjust(HOSPITAL, "H1", 2025, rows, "7 月调资"))
                .hasMessageContaining("调整内容有 1 行不合格，未做调整").hasMessageContaining("第 2 行").hasMessageContaining("X999");

        assertThat(reports.history("H1", 2025).versions()).hasSize(1);
        assertThat(AuditEntries.of(w, "预算调整")).isEmpty();

        BudgetVersion v = service.adjust(HOSPITAL, "H1", 2025, rows.subList(0, 1), "7 月调资");
        assertThat(v.label()).isEqualTo("第 1 次调整");
        assertThat(v.state()).isEqualTo(BudgetState.DRAFT);
        assertThat(AuditEntries.of(w, "预算调整")).singleElement().extracting(AuditEntry::detail)
                .isEqualTo("H1 2025 年第 1 次调整（1 行）：7 月调资");
    }

    @Test
    void loadTargets_rowsLeftOutAreSaidWithTheirLine_andTheLoadIsAudited() {
        BudgetFile targets = BudgetFile.of("targets.csv", """
                hospital_id,year,department,item,dimension,name,comparison,target,unit,weight,source
                H1,2025,财务科,人员经费,成本,人员经费执行率,LE,1.0,,60,EXECUTION_RATE
                H1,2025,财务科,人员经费,成本,坏行,LE,x,,40,EXECUTION_RATE
                """.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, TargetRows.TARGET_COLUMNS);

        Loaded l = service.loadTargets(Actor.commandLine(), targets);

        assertThat(l.stored()).isEqualTo(1);
        assertThat(l.problems()).containsExactly("第 3 行：target 和 weight 应为数字");
        assertThat(AuditEntries.of(w, "设置变更")).singleElement().extracting(AuditEntry::detail)
                .isEqualTo("载入预算绩效目标 targets.csv：1 个");
        assertThat(AuditEntries.of(w, "设置变更").get(0).client()).isEqualTo("命令行");
    }
}

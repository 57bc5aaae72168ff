package org.hqd.store.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetEvent;
import org.hqd.budget.BudgetLine;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.BudgetState;
import org.hqd.budget.BudgetVersion;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.FormulaOutcome;
import org.hqd.evaluation.HospitalMeasures;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.Measure;
import org.hqd.store.DataDirectory;
import org.hqd.store.evaluation.MeasureQuery;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The budget store: imports with bad rows, the workflow kept in the history, adjustments, actuals, the feed to the evaluation. */
final class BudgetStoreTest {
    @TempDir
    Path tmp;

    Path data;
    static final Instant T = Instant.parse("2026-01-05T08:00:00Z");

    @BeforeEach
    void register() throws IOException {
        data = tmp.resolve("data");
        Stores.importInto(data, Files.writeString(tmp.resolve("hospitals.csv"), """
                hospital_id,name,province_code,city_code,county_code,tier,type,beds
                H1,第一医院,620000,620100,620102,CITY_TERTIARY,GENERAL,500
                H2,第二医院,620000,620100,620103,COUNTY,GENERAL,200
                """));
    }

    static BudgetRowCheck.RawRow row(int line, String... v) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < BudgetRowCheck.COLUMNS.size(); i++) {
            m.put(BudgetRowCheck.COLUMNS.get(i), v[i]);
        }
        return new BudgetRowCheck.RawRow(line, m);
    }

    /** A year's budget of H1: 人员经费 1,000 a month at 财务科, 财政补助 12,000 in January at 全院. */
    static List<BudgetRowCheck.RawRow> budgetRows() {
        List<BudgetRowCheck.RawRow> rows = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            rows.add(row(m + 1, "H1", "2025", "财务科", "人员经费", String.valueOf(m), "1000"));
        }
        rows.add(row(14, "H1", "2025", "全院", "财政基本支出补助收入", "1", "12000"));
        return rows;
    }

    BudgetStore store(DataDirectory dir) {
        return new BudgetStore(dir, BudgetCatalog.standard());
    }

    @Test
    void badRowsAreKeptAsideAndTheRestGoesThrough_andTheSameFileAgainChangesNothing() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            BudgetStore s = store(dir);
            List<BudgetRowCheck.RawRow> rows = new ArrayList<>(budgetRows());
            rows.add(row(15, "H1", "2025", "不存在科", "人员经费", "1", "5"));
            rows.add(row(16, "H1", "2025", "财务科", "不存在项目", "1", "5"));
            rows.add(row(17, "H1", "2025", "财务科", "药品费", "1", "五元"));
            BudgetStore.ImportResult r = s.importBudget("b.csv", "sha", rows, "财务科 张三", T);
            assertThat(r.read()).isEqualTo(16);
            assertThat(r.accepted()).isEqualTo(13);
            assertThat(r.rejectedByRule()).containsExactly(Map.entry("UNKNOWN_DEPARTMENT", 1), Map.entry("UNKNOWN_ITEM", 1),
                    Map.entry("BAD_AMOUNT", 1));
            assertThat(r.changes()).containsExactly("H1 2025 年年初预算：新建草稿 13 行，合计 12000.00 元收入、12000.00 元支出");
            assertThat(Stores.rows(dir.connection(), "SELECT line, rule_ids FROM budget_rejects ORDER BY line"))
                    .containsExactly("15|UNKNOWN_DEPARTMENT", "16|UNKNOWN_ITEM", "17|BAD_AMOUNT");
            assertThat(s.latest("H1", 2025)).contains(new BudgetVersion("H1", 2025, 1, false, BudgetState.DRAFT, ""));
            assertThat(s.lines("H1", 2025, 1)).hasSize(13);
            BudgetStore.ImportResult again = s.importBudget("b.csv", "sha", budgetRows(), "财务科 张三", T);
            assertThat(again.changes()).containsExactly("H1 2025 年年初预算：与现有草稿相同，未做更改");
            assertThat(s.events("H1", 2025)).hasSize(1);
        }
    }

    @Test
    void theWorkflowIsKeptInTheHistory_andIllegalStepsLeaveNothing() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            BudgetStore s = store(dir);
            s.importBudget("b.csv", "sha", budgetRows(), "张三", T);
            assertThatThrownBy(() -> s.transition("H1", 2025, BudgetAction.APPROVE, "", "李四", T))
                    .isInstanceOf(HqdException.class).hasMessageContaining("只有“已提交”的预算可以批准");
            s.transition("H1", 2025, BudgetAction.SUBMIT, "", "张三", T.plusSeconds(1));
            s.transition("H1", 2025, BudgetAction.RETURN, "人员经费偏高", "卫健委 李四", T.plusSeconds(2));
            // a returned budget is compiled again, then submitted and approved
            List<BudgetRowCheck.RawRow> lower = new ArrayList<>(budgetRows());
            lower.set(0, row(2, "H1", "2025", "财务科", "人员经费", "1", "900"));
            s.importBudget("b2.csv", "sha2", lower, "张三", T.plusSeconds(3));
            s.transition("H1", 2025, BudgetAction.SUBMIT, "", "张三", T.plusSeconds(4));
            s.transition("H1", 2025, BudgetAction.APPROVE, "同意", "卫健委 李四", T.plusSeconds(5));
            assertThat(s.inForce("H1", 2025).orElseThrow().state()).isEqualTo(BudgetState.APPROVED);
            assertThatThrownBy(() -> s.importBudget("b3.csv", "sha3", budgetRows(), "张三", T.plusSeconds(6)))
                    .hasMessageContaining("只能调整");
            assertThat(s.events("H1", 2025)).extracting(e -> e.action() + " " + e.from().map(Enum::name).orElse("-")
                    + "→" + e.to() + " " + e.user()).containsExactly("COMPILE -→DRAFT 张三", "SUBMIT DRAFT→SUBMITTED 张三",
                    "RETURN SUBMITTED→RETURNED 卫健委 李四", "COMPILE RETURNED→DRAFT 张三", "SUBMIT DRAFT→SUBMITTED 张三",
                    "APPROVE SUBMITTED→APPROVED 卫健委 李四");
            assertThat(s.events("H1", 2025).get(2).comment()).isEqualTo("人员经费偏高");
        }
    }

    @Test
    void adjustmentsKeepEveryVersion_andTheApprovedOneStaysInForceUntilTheNextIsApproved() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            BudgetStore s = store(dir);
            s.importBudget("b.csv", "sha", budgetRows(), "张三", T);
            s.transition("H1", 2025, BudgetAction.SUBMIT, "", "张三", T);
            s.transition("H1", 2025, BudgetAction.APPROVE, "", "李四", T);
            BudgetVersion adj = s.adjust("H1", 2025, List.of(new BudgetLine("H1", 2025, "财务科", "E0101", 6, 150_000),
                    new BudgetLine("H1", 2025, "全院", "R0201", 1, 0)), "6 月调资", "张三", T.plusSeconds(10));
            assertThat(adj).isEqualTo(new BudgetVersion("H1", 2025, 2, true, BudgetState.DRAFT, "6 月调资"));
            assertThat(s.inForce("H1", 2025).orElseThrow().version()).isEqualTo(1);
            List<BudgetLine> v2 = s.lines("H1", 2025, 2);
            assertThat(v2).hasSize(12).contains(new BudgetLine("H1", 2025, "财务科", "E0101", 6, 150_000))
                    .noneMatch(l -> l.item().equals("R0201"));
            assertThat(s.lines("H1", 2025, 1)).hasSize(13).contains(new BudgetLine("H1", 2025, "财务科", "E0101", 6, 100_000));
            BudgetEvent e = s.events("H1", 2025).get(s.events("H1", 2025).size() - 1);
            // net change: +1,500 − 1,000 (June) − 12,000 (the removed subsidy)
            assertThat(e.comment()).isEqualTo("6 月调资（调整 2 行，净变动 -11500.00 元）");
            s.transition("H1", 2025, BudgetAction.SUBMIT, "", "张三", T.plusSeconds(11));
            s.transition("H1", 2025, BudgetAction.APPROVE, "", "李四", T.plusSeconds(12));
            assertThat(s.inForce("H1", 2025).orElseThrow().version()).isEqualTo(2);
            assertThat(s.versions("H1", 2025)).extracting(BudgetVersion::state)
                    .containsExactly(BudgetState.APPROVED, BudgetState.APPROVED);
        }
    }

    static List<BudgetRowCheck.RawRow> actualRows(int month, String staff, String energy) {
        return List.of(row(2, "H1", "2025", "财务科", "人员经费", String.valueOf(month), staff),
                row(3, "H1", "2025", "后勤保障科", "水电燃料能耗费", String.valueOf(month), energy),
                row(4, "H1", "2025", "门诊部", "门急诊诊察治疗收入", String.valueOf(month), "30000"),
                row(5, "H1", "2025", "门诊部", "门急诊药品收入", String.valueOf(month), "10000"));
    }

    @Test
    void actualsReplaceTheirMonth_closingNeedsTwelveMonths_andAClosedYearTakesNoMore() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            BudgetStore s = store(dir);
            s.importBudget("b.csv", "sha", budgetRows(), "张三", T);
            s.transition("H1", 2025, BudgetAction.SUBMIT, "", "张三", T);
            s.transition("H1", 2025, BudgetAction.APPROVE, "", "李四", T);
            s.importActuals("a1.csv", "x", actualRows(1, "1100", "300"), "张三", T);
            BudgetStore.ImportResult again = s.importActuals("a1.csv", "x", actualRows(1, "1100", "300"), "张三", T);
            assertThat(again.changes()).containsExactly("H1 2025 年 1 月：与已有实际数相同，未做更改");
            BudgetStore.ImportResult fix = s.importActuals("a1b.csv", "y", actualRows(1, "1200", "300"), "张三", T);
            assertThat(fix.changes()).containsExactly("H1 2025 年 1 月：替换为 4 行实际数");
            assertThat(s.actuals("H1", 2025)).contains(new BudgetLine("H1", 2025, "财务科", "E0101", 1, 120_000)).hasSize(4);
            assertThatThrownBy(() -> s.transition("H1", 2025, BudgetAction.CLOSE, "", "李四", T))
                    .hasMessageContaining("需要全年 12 个月的实际数，已有 1 个月（[1]）");
            for (int m = 2; m <= 12; m++) {
                s.importActuals("a" + m + ".csv", "z" + m, actualRows(m, "1000", "300"), "张三", T);
            }
            s.transition("H1", 2025, BudgetAction.CLOSE, "", "李四", T);
            BudgetStore.ImportResult late = s.importActuals("late.csv", "w", actualRows(12, "1", "1"), "张三", T);
            assertThat(late.accepted()).isZero();
            assertThat(late.rejectedByRule()).containsExactly(Map.entry("CLOSED_YEAR", 4));
            assertThat(s.actuals("H1", 2025).stream().filter(a -> a.month() == 12 && a.item().equals("E0101")))
                    .singleElement().extracting(BudgetLine::fen).isEqualTo(100_000L);
        }
    }

    /** H1's actual 门急诊诊察治疗收入 and 门急诊药品收入 in one month. */
    static List<BudgetRowCheck.RawRow> outpatientRevenue(int year, int month, String service, String drugs) {
        return List.of(row(2, "H1", String.valueOf(year), "门诊部", "门急诊诊察治疗收入", String.valueOf(month), service),
                row(3, "H1", String.valueOf(year), "门诊部", "门急诊药品收入", String.valueOf(month), drugs));
    }

    @Test
    void growthAcrossAYearBoundary_comparesTheSameMonthsAYearEarlier_andAMonthWithoutActualsLeavesNoFinanceMeasure() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            BudgetStore s = store(dir);
            s.importActuals("p1.csv", "p1", outpatientRevenue(2023, 12, "30000", "10000"), "张三", T);
            s.importActuals("p2.csv", "p2", outpatientRevenue(2024, 1, "30000", "10000"), "张三", T);
            s.importActuals("n1.csv", "n1", outpatientRevenue(2024, 12, "33000", "12000"), "张三", T);
            s.importActuals("n2.csv", "n2", outpatientRevenue(2025, 1, "33000", "12000"), "张三", T);
            MeasureQuery q = new MeasureQuery(dir);
            HospitalMeasures h = q.whole(EvaluationPeriod.parse("2024-12..2025-01"), q.hospitals(Optional.empty()), true)
                    .stream().filter(x -> x.hospitalId().equals("H1")).findFirst().orElseThrow();

            // this period: 2 × (33,000 + 12,000) = 90,000, drugs 24,000; 2023-12..2024-01: 80,000, drugs 20,000
            assertThat(h.measures()).containsEntry(Measure.FIN_MEDICAL_REVENUE, 90_000.0)
                    .containsEntry(Measure.FIN_OUTPATIENT_REVENUE, 90_000.0)
                    .containsEntry(Measure.FIN_OUTPATIENT_DRUG_REVENUE, 24_000.0)
                    .containsEntry(Measure.PERIOD_DAYS, 62.0);
            assertThat(h.prior()).containsEntry(Measure.FIN_MEDICAL_REVENUE, 80_000.0)
                    .containsEntry(Measure.FIN_OUTPATIENT_DRUG_REVENUE, 20_000.0);
            IndicatorCatalog c = IndicatorCatalog.standard();
            assertThat(c.indicator("medical_revenue_growth").orElseThrow().formula().outcome(h.measures(), h.prior())
                    .value().getAsDouble()).isCloseTo(90_000.0 / 80_000 - 1, within(1e-12));
            // per visit needs the facility reports' 门急诊人次, which H1 has not sent: no data, and it says so
            FormulaOutcome perVisit = c.indicator("outpatient_cost_growth").orElseThrow().formula()
                    .outcome(h.measures(), h.prior());
            assertThat(perVisit.value()).isEmpty();
            assertThat(perVisit.reason()).contains("门急诊人次");

            // 2024-11..2025-01: November has no actual amounts, so the period has no finance measure at all
            HospitalMeasures partial = q.whole(EvaluationPeriod.parse("2024-11..2025-01"),
                    q.hospitals(Optional.empty())).stream().filter(x -> x.hospitalId().equals("H1")).findFirst()
                    .orElseThrow();
            assertThat(partial.measures()).doesNotContainKeys(Measure.FIN_MEDICAL_REVENUE,
                    Measure.FIN_OUTPATIENT_REVENUE);
        }
    }

    @Test
    void financeActualsFeedTheEvaluation() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            BudgetStore s = store(dir);
            s.importActuals("a1.csv", "x", actualRows(1, "1100", "300"), "张三", T);
            s.importActuals("a2.csv", "x", actualRows(2, "900", "100"), "张三", T);
            MeasureQuery q = new MeasureQuery(dir);
            HospitalMeasures h = q.whole(EvaluationPeriod.parse("2025-01..2025-02"), q.hospitals(Optional.empty())).stream()
                    .filter(x -> x.hospitalId().equals("H1")).findFirst().orElseThrow();
            // staff 1100 + 900; operating = staff + energy = 2000 + 400; revenue 2 × 40,000; service 2 × 30,000
            assertThat(h.measures()).containsEntry(Measure.STAFF_SPENDING, 2000.0).containsEntry(Measure.OPERATING_SPENDING, 2400.0)
                    .containsEntry(Measure.ENERGY_SPENDING, 400.0).containsEntry(Measure.TOTAL_REVENUE, 80_000.0)
                    .containsEntry(Measure.MEDICAL_REVENUE, 80_000.0).containsEntry(Measure.FIN_MEDICAL_SERVICE_REVENUE, 60_000.0)
                    .doesNotContainKey(Measure.PHYSICIANS);
            IndicatorCatalog c = IndicatorCatalog.standard();
            assertThat(c.indicator("service_revenue_share").orElseThrow().formula().evaluate(h.measures()).getAsDouble())
                    .isEqualTo(0.75);
            assertThat(c.indicator("personnel_cost_share").orElseThrow().formula().evaluate(h.measures()).getAsDouble())
                    .isCloseTo(2000.0 / 2400, within(1e-12));
            assertThat(c.indicator("energy_per_10k_revenue").orElseThrow().formula().evaluate(h.measures()).getAsDouble())
                    .isEqualTo(50.0);
        }
    }
}

package org.hqd.app.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.hqd.access.AuditEntry;
import org.hqd.app.Actor;
import org.hqd.app.AuditEntries;
import org.hqd.app.NotFoundException;
import org.hqd.app.Register;
import org.hqd.app.TickingClock;
import org.hqd.app.Workspace;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetKind;
import org.hqd.budget.BudgetReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading budgets: the defaults of a selection, what a department user sees, the audited export. The budget and the
 * actual amounts of {@link BudgetServiceTest}: 财务科 人员经费 1,000 yuan a month (1,300 in January–March); 全院
 * 财政基本支出补助收入 6,000 in January and July (6,000 received in January). Amounts below are fen.
 */
final class BudgetReportsTest {
    @TempDir
    Path tmp;

    Workspace w;
    BudgetReports reports;

    @BeforeEach
    void open() {
        w = Workspace.open(tmp.resolve("data"));
        Register.importInto(w, tmp);
        reports = new BudgetReports(w, new TickingClock(BudgetServiceTest.START));
    }

    @AfterEach
    void close() {
        w.close();
    }

    void budgetWithActuals() {
        BudgetService service = new BudgetService(w, new TickingClock(BudgetServiceTest.START));
        service.importBudget(BudgetServiceTest.HOSPITAL, BudgetServiceTest.budget());
        service.step(BudgetServiceTest.HOSPITAL, "H1", 2025, BudgetAction.SUBMIT, "");
        service.step(BudgetServiceTest.HOSPITAL, "H1", 2025, BudgetAction.APPROVE, "");
        service.importActuals(BudgetServiceTest.HOSPITAL, BudgetServiceTest.validActuals());
    }

    @Test
    void select_withoutAnyBudget_isNotFound() {
        assertThatThrownBy(() -> reports.select(Optional.empty(), Optional.empty(), Optional.empty(), h -> true))
                .isInstanceOf(NotFoundException.class).hasMessage("还没有可以查看的预算");
        assertThatThrownBy(() -> reports.select(Optional.of("H1"), Optional.of(2024), Optional.empty(), h -> true))
                .isInstanceOf(NotFoundException.class).hasMessage("医院 H1 没有 2024 年的预算");
    }

    @Test
    void select_defaultsToTheVisibleBudget_andTheLastMonthWithActuals() {
        budgetWithActuals();

        Selection s = reports.select(Optional.empty(), Optional.empty(), Optional.empty(), h -> true);

        assertThat(s.hospital()).isEqualTo("H1");
        assertThat(s.year()).isEqualTo(2025);
        assertThat(s.months()).containsExactly(1, 2, 3);
        assertThat(s.month()).isEqualTo(3);
        assertThatThrownBy(() -> reports.select(Optional.empty(), Optional.empty(), Optional.empty(), h -> h.equals("H2")))
                .as("H1's budget is not H2's user's to see").isInstanceOf(NotFoundException.class);
    }

    @Test
    void view_ofADepartment_hasOnlyItsLines_andTheTotalsOfThose() {
        budgetWithActuals();
        Selection s = reports.select(Optional.of("H1"), Optional.of(2025), Optional.of(3), h -> true);

        BudgetView whole = reports.view(s, Optional.empty());
        BudgetView finance = reports.view(s, Optional.of("财务科"));

        assertThat(whole.lines()).extracting(l -> l.department()).containsExactlyInAnyOrder("全院", "财务科");
        assertThat(finance.lines()).extracting(l -> l.department()).containsExactly("财务科");
        assertThat(whole.versions().get(0).revenue()).isEqualTo(1_200_000);
        assertThat(finance.versions().get(0).revenue()).isZero();
        assertThat(finance.versions().get(0).expenditure()).isEqualTo(1_200_000);
        // 3,900 yuan spent of 12,000 by March
        assertThat(finance.totals().get(BudgetKind.EXPENDITURE).actualToDate()).isEqualTo(390_000);
        assertThat(finance.totals().get(BudgetKind.REVENUE).annualBudget()).isZero();
        assertThat(whole.totals().get(BudgetKind.REVENUE).actualToDate()).isEqualTo(600_000);
        assertThat(finance.byDepartment()).extracting(v -> v.key()).containsOnly("财务科");
    }

    @Test
    void export_isAuditedOnce_namingTheFileWritten() {
        budgetWithActuals();

        BudgetReport r = reports.export(Actor.web("regulator", "10.0.0.8"), "H1", 2025, 3, true,
                "budget-H1-2025-03-public.xlsx");

        assertThat(r.hospitalName()).isEqualTo("第一医院");
        assertThat(r.month()).isEqualTo(3);
        assertThat(AuditEntries.of(w, "导出")).singleElement().satisfies(e -> {
            assertThat(e.user()).contains("regulator");
            assertThat(e.detail()).isEqualTo("财务信息公开 H1 2025 年（截至 3 月）→ budget-H1-2025-03-public.xlsx");
        });
        assertThat(AuditEntries.of(w, "导出")).extracting(AuditEntry::client).containsExactly("10.0.0.8");
    }
    /** H1's 2025 budget with actuals, and one performance target read from the finance measures (人员支出占比 ≥ 40 %). */
    private void budgetWithStaffShareTarget() {
        budgetWithActuals();
        w.with(d -> {
            new org.hqd.store.budget.BudgetStore(d, org.hqd.budget.BudgetCatalog.standard()).saveTargets(java.util.List.of(
                    new org.hqd.budget.PerformanceTarget("H1", 2025, "全院", "", org.hqd.budget.PerformanceDimension.COST,
                            "人员支出占业务支出比重", org.hqd.evaluation.Comparison.GE, 0.4, "", 100,
                            org.hqd.budget.PerformanceTarget.INDICATOR + "personnel_cost_share")));
            return null;
        });
    }

    @Test
    void sharedMeasures_assessAsComputedEachTime_untilActualsChangeThem() {
        budgetWithStaffShareTarget();
        org.hqd.app.standards.StandardsService.forServer(w);
        BudgetReports shared = BudgetReports.forServer(w, new TickingClock(BudgetServiceTest.START));
        java.util.OptionalDouble before = staffShare(shared);
        assertThat(before).isPresent().isEqualTo(staffShare(reports));

        // more operating spending in March: the finance measures change
        new BudgetService(w, new TickingClock(BudgetServiceTest.START)).importActuals(BudgetServiceTest.HOSPITAL,
                BudgetServiceTest.file("more.csv", "hospital_id,year,department,item,month,amount\nH1,2025,全院,药品费,3,5000\n"));
        java.util.OptionalDouble fresh = staffShare(reports);
        assertThat(fresh).isPresent().isNotEqualTo(before);
        assertThat(staffShare(shared)).as("kept until told").isEqualTo(before);
        shared.measuresChanged();
        assertThat(staffShare(shared)).isEqualTo(fresh);
    }

    @Test
    void warmMonths_computesTheMeasuresOfEveryMonthOfTheLatestBudgetYearAhead() {
        budgetWithStaffShareTarget();
        org.hqd.app.standards.StandardsService.forServer(w);
        BudgetReports shared = BudgetReports.forServer(w, new TickingClock(BudgetServiceTest.START));
        shared.warmMonths();
        java.util.List<java.util.OptionalDouble> computed = new java.util.ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            computed.add(reports.assess("H1", 2025, month).results().get(0).actual());
        }
        // the measures change without the shared ones being told: what they answer was computed by the warm-up
        new BudgetService(w, new TickingClock(BudgetServiceTest.START)).importActuals(BudgetServiceTest.HOSPITAL,
                BudgetServiceTest.file("more.csv", "hospital_id,year,department,item,month,amount\nH1,2025,全院,药品费,3,5000\n"));
        assertThat(staffShare(reports)).isNotEqualTo(computed.get(2));
        for (int month = 1; month <= 12; month++) {
            assertThat(shared.assess("H1", 2025, month).results().get(0).actual()).as("month " + month)
                    .isEqualTo(computed.get(month - 1));
        }
        Selection march = shared.select(Optional.of("H1"), Optional.of(2025), Optional.of(3), h -> true);
        assertThat(shared.view(march, Optional.empty()).performance().results().get(0).actual())
                .isEqualTo(computed.get(2));
    }

    /**
     * A server reads a year's budgets once for every hospital: what it answers of every month, whole or for a
     * department, is what the store answers, until a budget changes and it is told so.
     */
    @Test
    void aServersYearReadOnce_answersAsTheStore_untilToldOfAChange() {
        budgetWithStaffShareTarget();
        w.with(d -> {
            org.hqd.store.budget.BudgetStore s = new org.hqd.store.budget.BudgetStore(d,
                    org.hqd.budget.BudgetCatalog.standard());
            s.saveTargets(java.util.List.of(new org.hqd.budget.PerformanceTarget("H1", 2025, "财务科", "",
                    org.hqd.budget.PerformanceDimension.QUALITY, "职工满意度", org.hqd.evaluation.Comparison.GE, 0.9,
                    "", 50, org.hqd.budget.PerformanceTarget.MANUAL)));
            s.saveTargetValues(java.util.List.of(new org.hqd.budget.TargetValue("H1", 2025, "职工满意度", 2, 0.85),
                    new org.hqd.budget.TargetValue("H1", 2025, "职工满意度", 5, 0.93)));
            return null;
        });
        org.hqd.app.standards.StandardsService.forServer(w);
        BudgetReports server = BudgetReports.forServer(w, new TickingClock(BudgetServiceTest.START));
        for (int month = 1; month <= 12; month++) {
            Optional<Integer> m = Optional.of(month);
            Selection s = reports.select(Optional.of("H1"), Optional.of(2025), m, h -> true);
            assertThat(server.select(Optional.of("H1"), Optional.of(2025), m, h -> true)).isEqualTo(s);
            for (Optional<String> department : java.util.List.of(Optional.<String>empty(), Optional.of("财务科"))) {
                assertThat(server.view(s, department)).as(month + " " + department).isEqualTo(reports.view(s, department));
            }
            assertThat(server.status("H1", 2025, month)).isEqualTo(reports.status("H1", 2025, month));
            assertThat(server.assess("H1", 2025, month)).isEqualTo(reports.assess("H1", 2025, month));
            assertThat(server.structure("H1", 2025, month)).isEqualTo(reports.structure("H1", 2025, month));
        }
        assertThat(server.assess("H1", 2025, 6).results()).extracting(r -> r.actual())
                .contains(java.util.OptionalDouble.of(0.93));
        assertThat(server.select(Optional.of("H1"), Optional.of(2025), Optional.empty(), h -> true))
                .isEqualTo(reports.select(Optional.of("H1"), Optional.of(2025), Optional.empty(), h -> true));
        assertThat(server.history("H1", 2025)).isEqualTo(reports.history("H1", 2025));

        new BudgetService(w, new TickingClock(BudgetServiceTest.START)).adjust(BudgetServiceTest.HOSPITAL, "H1", 2025,
                java.util.List.of(new org.hqd.budget.BudgetRowCheck.RawRow(1, java.util.Map.of("hospital_id", "H1",
                        "year", "2025", "department", "财务科", "item", "人员经费", "month", "7", "amount", "1500"))),
                "7 月调资");
        assertThat(server.history("H1", 2025)).as("read before the change").isNotEqualTo(reports.history("H1", 2025));
        server.budgetsChanged();
        assertThat(server.history("H1", 2025)).isEqualTo(reports.history("H1", 2025));
    }

    private static java.util.OptionalDouble staffShare(BudgetReports r) {
        return r.assess("H1", 2025, 3).results().get(0).actual();
    }
}

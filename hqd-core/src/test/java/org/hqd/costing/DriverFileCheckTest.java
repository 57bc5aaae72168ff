package org.hqd.costing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hqd.budget.BudgetRowCheck;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A driver file is taken whole or not at all, with every reason. */
final class DriverFileCheckTest {
    static final Set<String> DEPARTMENTS = Set.of("全院", "院办公室", "消毒供应中心", "检验科", "内科", "外科");

    /** H1 with the small hospital's departments; its 2024 actuals as in {@link SmallHospital}, none for 2025. */
    static final DriverFileCheck.Context CONTEXT = new DriverFileCheck.Context() {
        @Override
        public Set<String> hospitals() {
            return Set.of("H1");
        }

        @Override
        public Set<String> departments(String hospital) {
            return DEPARTMENTS;
        }

        @Override
        public CostCentreClasses classes(String hospital) {
            return CostCentreClasses.standard();
        }

        @Override
        public CostingRules rules(String hospital) {
            return SmallHospital.RULES;
        }

        @Override
        public Map<String, Set<String>> costItems(String hospital, int year) {
            if (year != 2024) {
                return Map.of();
            }
            Map<String, Set<String>> out = new LinkedHashMap<>();
            SmallHospital.input().directCosts().forEach((d, items) -> out.put(d, items.keySet()));
            return out;
        }
    };
    static final DriverFileCheck CHECK = new DriverFileCheck(SmallHospital.DRIVERS, CONTEXT);

    /** The small hospital's drivers as file rows from line 2. */
    static List<BudgetRowCheck.RawRow> goodRows(int year) {
        List<BudgetRowCheck.RawRow> rows = new ArrayList<>();
        SmallHospital.input().drivers().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(d ->
                d.getValue().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(v ->
                        rows.add(row(rows.size() + 2, "H1", String.valueOf(year), d.getKey(), v.getKey(),
                                v.getValue().toPlainString()))));
        return rows;
    }

    static BudgetRowCheck.RawRow row(int line, String... cells) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < DriverFileCheck.COLUMNS.size(); i++) {
            m.put(DriverFileCheck.COLUMNS.get(i), cells[i]);
        }
        return new BudgetRowCheck.RawRow(line, m);
    }

    @Test
    void check_theSmallHospitalsDrivers_allTaken() {
        DriverFileCheck.Result r = CHECK.check("drivers.csv", goodRows(2024));

        assertThat(r.problems()).isEmpty();
        assertThat(r.values()).hasSize(15).contains(new DriverValue("H1", 2024, "内科", "outpatient_revenue",
                new BigDecimal("3000")));
    }

    @Nested
    final class Rejected {
        @Test
        void check_badRows_everyReasonWithItsLine_andNoValues() {
            List<BudgetRowCheck.RawRow> rows = new ArrayList<>(goodRows(2024));
            rows.add(row(40, "H1", "2024", "眼科", "staff", "3"));
            rows.add(row(41, "H1", "2024", "内科", "beds", "40"));
            rows.add(row(42, "H1", "2024", "检验科", "outpatient_visits", "-20"));
            rows.add(row(43, "H1", "24", "外科", "staff", "二十"));
            rows.add(row(44, "H9", "2024", "外科", "staff", "1"));
            rows.add(row(45, "H1", "2024", "内科", "staff", "11"));

            DriverFileCheck.Result r = CHECK.check("drivers.csv", rows);

            assertThat(r.values()).isEmpty();
            assertThat(r.problems()).extracting(CostingProblem::toString).containsExactly(
                    "drivers.csv 第 40 行：科室 '眼科' 不是医院 H1 的科室或成本中心",
                    "drivers.csv 第 41 行：分摊参数 'beds' 不在目录中（可用：staff、area、workload、outpatient_visits、bed_days、outpatient_revenue、inpatient_revenue）",
                    "drivers.csv 第 42 行：参数值 -20 为负数：分摊参数应 ≥ 0",
                    "drivers.csv 第 43 行：年度 '24' 应为 2000–2100 的四位数字",
                    "drivers.csv 第 43 行：参数值 '二十' 不是数字",
                    "drivers.csv 第 44 行：医院 'H9' 不在名册中",
                    "drivers.csv 第 45 行：与第 " + line(rows, "内科", "staff") + " 行重复（同一医院、年度、科室和分摊参数）");
        }

        @Test
        void check_aClassWithNoDriver_rejectedWithTheClassAndTheDriver() {
            List<BudgetRowCheck.RawRow> rows = goodRows(2024).stream()
                    .filter(r -> !r.cell("driver").equals("workload") && !r.cell("driver").equals("area")).toList();

            DriverFileCheck.Result r = CHECK.check("drivers.csv", rows);

            assertThat(r.values()).isEmpty();
            assertThat(r.problems()).extracting(CostingProblem::toString).containsExactly(
                    "drivers.csv（H1 2024 年）：行政后勤类的固定资产折旧费按 房屋面积 分摊，但文件中没有接收科室的这项参数值",
                    "drivers.csv（H1 2024 年）：医疗辅助类按 工作量 分摊，但文件中没有接收科室的这项参数值");
        }

        @Test
        void check_clinicalDepartmentWithoutSplit_rejected() {
            List<BudgetRowCheck.RawRow> rows = goodRows(2024).stream()
                    .filter(r -> !(r.cell("department").equals("外科") && r.cell("driver").endsWith("_revenue"))).toList();

            assertThat(CHECK.check("drivers.csv", rows).problems()).extracting(CostingProblem::toString).containsExactly(
                    "drivers.csv（H1 2024 年） 外科：临床科室没有 门急诊医疗收入 + 住院医疗收入（outpatient_revenue+inpatient_revenue）的值，无法划分门诊与住院成本");
        }

        @Test
        void check_yearWithoutActuals_classLevelDriversStillRequired() {
            List<BudgetRowCheck.RawRow> rows = goodRows(2025).stream()
                    .filter(r -> !r.cell("driver").equals("staff")).toList();

            assertThat(CHECK.check("drivers.csv", rows).problems()).extracting(CostingProblem::toString).containsExactly(
                    "drivers.csv（H1 2025 年）：行政后勤类按 职工人数 分摊，但文件中没有接收科室的这项参数值");
        }
    }

    private static int line(List<BudgetRowCheck.RawRow> rows, String department, String driver) {
        return rows.stream().filter(r -> r.cell("department").equals(department) && r.cell("driver").equals(driver))
                .findFirst().orElseThrow().line();
    }
}

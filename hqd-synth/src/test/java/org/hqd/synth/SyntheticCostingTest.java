package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetItem;
import org.hqd.costing.CostCentreClasses;
import org.hqd.costing.CostClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic drivers and cost centres of a small province, checked against the generated files. */
final class SyntheticCostingTest {
    static final int YEAR = 2024;
    static final BudgetCatalog CATALOG = BudgetCatalog.standard();

    @TempDir
    static Path tmp;
    static Path generated;
    static Path budget;
    static SyntheticCosting.Summary summary;
    static List<Map<String, String>> drivers;
    static List<Map<String, String>> actuals;

    @BeforeAll
    static void generate() throws IOException {
        generated = tmp.resolve("province");
        SyntheticProvince.standard().writeTo(new GeneratorSettings(4, 5_000, 12, 21, YearMonth.of(YEAR, 1), 2), generated);
        budget = tmp.resolve("budget");
        SyntheticBudget.writeTo(generated, YEAR, 21, budget);
        summary = SyntheticCosting.writeTo(generated, YEAR, budget);
        drivers = CsvFiles.rows(summary.file());
        actuals = CsvFiles.rows(budget.resolve(SyntheticBudget.actualsFile(YEAR)));
    }

    static String key(Map<String, String> r) {
        return r.get("hospital_id") + " " + r.get("department");
    }

    static Map<String, BigDecimal> driver(String id) {
        Map<String, BigDecimal> out = new TreeMap<>();
        drivers.stream().filter(r -> r.get("driver").equals(id)).forEach(r -> out.put(key(r), new BigDecimal(r.get("value"))));
        return out;
    }

    @Test
    void writeTo_file_hasTheColumnsAndOneRowPerDepartmentAndDriver() throws IOException {
        assertThat(CsvFiles.header(summary.file())).containsExactly("hospital_id", "year", "department", "driver", "value");
        assertThat(summary.hospitals()).isEqualTo(4);
        assertThat(summary.rows()).isEqualTo(drivers.size());
        assertThat(drivers.stream().map(r -> key(r) + " " + r.get("driver")).distinct().count()).isEqualTo(drivers.size());
        assertThat(drivers).allSatisfy(r -> assertThat(new BigDecimal(r.get("value"))).isPositive());
        Path again = tmp.resolve("again");
        Files.createDirectories(again);
        Files.copy(budget.resolve(SyntheticBudget.actualsFile(YEAR)), again.resolve(SyntheticBudget.actualsFile(YEAR)));
        assertThat(Files.mismatch(SyntheticCosting.writeTo(generated, YEAR, again).file(), summary.file())).isEqualTo(-1);
    }

    @Test
    void bedDays_areTheStayDaysOfTheYearsDischarges() throws IOException {
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (Map<String, String> a : CsvFiles.rows(generated.resolve(SyntheticProvince.ABSTRACTS_FILE))) {
            if (a.get("discharge_date").startsWith(YEAR + "-")) {
                expected.merge(key(a), new BigDecimal(a.get("los_days")), BigDecimal::add);
            }
        }
        expected.values().removeIf(v -> v.signum() == 0);
        assertThat(driver("bed_days")).isEqualTo(expected);
    }

    @Test
    void revenues_areTheDepartmentsRevenueItemsOfTheActuals() {
        Map<String, BigDecimal> out = new TreeMap<>();
        Map<String, BigDecimal> in = new TreeMap<>();
        for (Map<String, String> r : actuals) {
            BudgetItem item = CATALOG.item(r.get("item")).orElseThrow();
            BigDecimal amount = new BigDecimal(r.get("amount"));
            if (!item.caseCharges().isEmpty()) {
                in.merge(key(r), amount, BigDecimal::add);
            } else if (item.measures().contains("medical_revenue")) {
                out.merge(key(r), amount, BigDecimal::add);
            }
        }
        assertThat(driver("inpatient_revenue")).isEqualTo(in);
        assertThat(driver("outpatient_revenue")).isEqualTo(out);
        assertThat(out.keySet()).allSatisfy(k -> assertThat(k).endsWith(" 门诊部"));
    }

    @Test
    void outpatientVisits_areTheReportsVisitsOfTheYear() throws IOException {
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (Map<String, String> r : CsvFiles.rows(generated.resolve(SyntheticProvince.FACILITY_REPORTS_FILE))) {
            if (r.get("period").startsWith(YEAR + "-")) {
                expected.merge(r.get("hospital_id") + " 门诊部", new BigDecimal(r.get("outpatient_visits")), BigDecimal::add);
            }
        }
        assertThat(driver("outpatient_visits")).isEqualTo(expected);
    }

    @Test
    void actuals_costCentresOfEveryClassHaveCosts_andEveryClinicalDepartmentASplit() {
        CostCentreClasses classes = CostCentreClasses.standard();
        Map<String, Map<CostClass, Long>> byClass = new HashMap<>();
        for (Map<String, String> r : actuals) {
            if (CATALOG.item(r.get("item")).orElseThrow().kind() == org.hqd.budget.BudgetKind.EXPENDITURE) {
                byClass.computeIfAbsent(r.get("hospital_id"), k -> new HashMap<>())
                        .merge(classes.classOf(r.get("department")), 1L, Long::sum);
            }
        }
        assertThat(byClass).hasSize(4).allSatisfy((h, m) -> assertThat(m).containsOnlyKeys(CostClass.values()));
        Map<String, BigDecimal> split = new TreeMap<>(driver("inpatient_revenue"));
        driver("outpatient_revenue").forEach((k, v) -> split.merge(k, v, BigDecimal::add));
        for (Map<String, String> r : actuals) {
            if (classes.classOf(r.get("department")) == CostClass.CLINICAL) {
                assertThat(split).as(key(r)).containsKey(key(r));
            }
        }
    }
}

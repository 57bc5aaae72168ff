package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hqd.HqdException;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetItem;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.PerformanceDimension;
import org.hqd.budget.PerformanceTarget;
import org.hqd.evaluation.Comparison;
import org.hqd.evaluation.IndicatorCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic budget of a small generated province, checked against the generated files by a computation of its
 * own: the actual amounts add up to the facility reports and the cases' charges, the budget lines spread evenly.
 */
final class SyntheticBudgetTest {
    static final int YEAR = 2024;
    static final GeneratorSettings SETTINGS = new GeneratorSettings(5, 8_000, 12, 13, YearMonth.of(2024, 1), 2);
    static final BudgetCatalog CATALOG = BudgetCatalog.standard();

    @TempDir
    static Path tmp;
    static Path generated;
    static Path out;
    static SyntheticBudget.Summary summary;
    static List<Map<String, String>> actuals;
    static List<Map<String, String>> budget;
    static List<Map<String, String>> reports;
    static List<Map<String, String>> abstracts;

    @BeforeAll
    static void generate() throws IOException {
        generated = tmp.resolve("province");
        SyntheticProvince.standard().writeTo(SETTINGS, generated);
        out = tmp.resolve("budget");
        summary = SyntheticBudget.writeTo(generated, YEAR, 99, out);
        actuals = CsvFiles.rows(out.resolve("actuals-2024.csv"));
        budget = CsvFiles.rows(out.resolve("budget-2024.csv"));
        reports = CsvFiles.rows(generated.resolve(SyntheticProvince.FACILITY_REPORTS_FILE));
        abstracts = CsvFiles.rows(generated.resolve(SyntheticProvince.ABSTRACTS_FILE));
    }

    static long fen(String yuan) {
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    static BudgetItem item(Map<String, String> row) {
        return CATALOG.item(row.get("item")).orElseThrow(() -> new AssertionError("not in the catalogue: " + row));
    }

    @Test
    void writeTo_everyHospital_financeServiceShareAsItsCasesShow() {
        Map<String, double[]> finance = new java.util.HashMap<>();
        for (Map<String, String> a : actuals) {
            BudgetItem i = item(a);
            double[] f = finance.computeIfAbsent(a.get("hospital_id"), k -> new double[2]);
            f[0] += i.measures().contains("medical_service_revenue") ? fen(a.get("amount")) : 0;
            f[1] += i.measures().contains("medical_revenue") ? fen(a.get("amount")) : 0;
        }
        Map<String, double[]> cases = new java.util.HashMap<>();
        for (Map<String, String> a : abstracts) {
            double[] c = cases.computeIfAbsent(a.get("hospital_id"), k -> new double[2]);
            double total = Double.parseDouble(a.get("total_cost"));
            double goods = 0;
            for (String col : List.of("cost_western_drug", "cost_herbal", "cost_patent_drug", "cost_material", "cost_exam",
                    "cost_lab")) {
                goods += Double.parseDouble(a.get(col));
            }
            c[0] += total - goods;
            c[1] += total;
        }
        assertThat(finance).hasSameSizeAs(cases);
        finance.forEach((h, f) -> assertThat(f[0] / f[1]).as(h)
                .isCloseTo(cases.get(h)[0] / cases.get(h)[1], org.assertj.core.data.Offset.offset(0.02)));
    }

    @Test
    void writeTo_sameSeed_identicalFiles() throws IOException {
        Path again = tmp.resolve("again");
        SyntheticBudget.Summary second = SyntheticBudget.writeTo(generated, YEAR, 99, again);
        assertThat(second).usingRecursiveComparison().ignoringFields("files").isEqualTo(summary);
        assertThat(summary.files()).hasSize(5);
        for (Path f : summary.files()) {
            assertThat(Files.mismatch(f, again.resolve(f.getFileName()))).as(f.getFileName().toString()).isEqualTo(-1L);
        }
    }

    @Test
    void writeTo_otherSeed_otherBudget() {
        Path other = tmp.resolve("other-seed");
        SyntheticBudget.writeTo(generated, YEAR, 100, other);
        assertThat(other.resolve("budget-2024.csv")).isNotEmptyFile();
        assertThat(mismatch(other.resolve("budget-2024.csv"), out.resolve("budget-2024.csv"))).isNotEqualTo(-1L);
    }

    static long mismatch(Path a, Path b) {
        try {
            return Files.mismatch(a, b);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void writeTo_files_haveTheColumnsAndCounts() throws IOException {
        assertThat(summary.files()).extracting(p -> p.getFileName().toString()).containsExactly("budget-2024.csv",
                "actuals-2024.csv", "targets-2024.csv", "target-values-2024.csv", "departments.csv");
        List<String> line = List.of("hospital_id", "year", "department", "item", "month", "amount");
        assertThat(CsvFiles.header(out.resolve("budget-2024.csv"))).isEqualTo(line);
        assertThat(CsvFiles.header(out.resolve("actuals-2024.csv"))).isEqualTo(line);
        assertThat(CsvFiles.header(out.resolve("targets-2024.csv"))).containsExactly("hospital_id", "year",
                "department", "item", "dimension", "name", "comparison", "target", "unit", "weight", "source");
        assertThat(CsvFiles.header(out.resolve("target-values-2024.csv")))
                .containsExactly("hospital_id", "year", "target", "month", "value");
        assertThat(CsvFiles.header(out.resolve("departments.csv"))).containsExactly("hospital_id", "department");
        assertThat(summary.hospitals()).isEqualTo(5);
        assertThat(summary.actualRows()).isEqualTo(actuals.size());
        assertThat(summary.budgetRows()).isEqualTo(budget.size());
        assertThat(summary.targetRows()).isEqualTo(25);
        for (Map<String, String> r : actuals) {
            assertThat(r.get("amount")).matches("-?\\d+\\.\\d\\d");
            assertThat(r.get("year")).isEqualTo("2024");
        }
    }

    @Test
    void actuals_everyHospitalMonth_addUpToTheFacilityReport() {
        Map<String, Map<String, Long>> sums = new HashMap<>();
        for (Map<String, String> r : actuals) {
            String key = r.get("hospital_id") + " " + r.get("month");
            for (String measure : item(r).measures()) {
                sums.computeIfAbsent(key, k -> new HashMap<>()).merge(measure, fen(r.get("amount")), Long::sum);
            }
        }
        assertThat(reports).hasSize(5 * 12);
        for (Map<String, String> rep : reports) {
            String key = rep.get("hospital_id") + " " + Integer.parseInt(rep.get("period").substring(5));
            Map<String, Long> s = sums.get(key);
            assertThat(s).as(key).isNotNull();
            for (String measure : List.of("total_revenue", "medical_revenue", "operating_spending", "staff_spending",
                    "energy_spending")) {
                assertThat(s.get(measure)).as(key + " " + measure).isEqualTo(fen(rep.get(measure)));
            }
            // Medical service revenue is a part of medical revenue.
            assertThat(s.get("medical_service_revenue")).isPositive().isLessThan(s.get("medical_revenue"));
        }
        assertThat(sums).hasSize(reports.size());
    }

    @Test
    void actuals_inpatientRevenue_isTheSumOfTheCasesCharges() {
        Map<String, Map<String, Long>> cases = new TreeMap<>();
        for (Map<String, String> a : abstracts) {
            String date = a.get("discharge_date");
            if (!date.startsWith("2024-")) {
                continue;
            }
            String key = a.get("hospital_id") + " " + a.get("department") + " " + Integer.parseInt(date.substring(5, 7));
            for (BudgetItem i : CATALOG.items()) {
                for (String charge : i.caseCharges()) {
                    cases.computeIfAbsent(key, k -> new TreeMap<>()).merge(i.name(), fen(a.get(charge)), Long::sum);
                }
            }
        }
        Map<String, Map<String, Long>> lines = new TreeMap<>();
        for (Map<String, String> r : actuals) {
            if (!item(r).caseCharges().isEmpty()) {
                String key = r.get("hospital_id") + " " + r.get("department") + " " + r.get("month");
                lines.computeIfAbsent(key, k -> new TreeMap<>()).merge(r.get("item"), fen(r.get("amount")), Long::sum);
            }
        }
        cases.values().forEach(m -> m.values().removeIf(v -> v == 0));
        assertThat(lines).isEqualTo(cases);
        assertThat(lines).hasSizeGreaterThan(100);
    }

    @Test
    void actuals_drugAndMaterialExpense_followTheRevenue() {
        Map<String, long[]> byDepartment = new HashMap<>();
        for (Map<String, String> r : actuals) {
            String code = item(r).code();
            int slot = switch (code) {
                case "R0103", "R0114" -> 0;
                case "R0104", "R0115" -> 1;
                case "E0201" -> 2;
                case "E0202" -> 3;
                default -> -1;
            };
            if (slot >= 0) {
                byDepartment.computeIfAbsent(r.get("hospital_id") + " " + r.get("department") + " " + r.get("month"),
                        k -> new long[4])[slot] += fen(r.get("amount"));
            }
        }
        byDepartment.forEach((k, v) -> {
            assertThat(Math.abs(v[2] - Math.round(v[0] * 0.92))).as(k).isLessThanOrEqualTo(1);
            assertThat(Math.abs(v[3] - Math.round(v[1] * 0.95))).as(k).isLessThanOrEqualTo(1);
        });
    }

    @Test
    void actuals_departmentsAndItems_areKnown() throws IOException {
        Map<String, Set<String>> clinical = new HashMap<>();
        for (Map<String, String> a : abstracts) {
            clinical.computeIfAbsent(a.get("hospital_id"), k -> new TreeSet<>()).add(a.get("department"));
        }
        Map<String, Set<String>> listed = new HashMap<>();
        for (Map<String, String> d : CsvFiles.rows(out.resolve("departments.csv"))) {
            listed.computeIfAbsent(d.get("hospital_id"), k -> new TreeSet<>()).add(d.get("department"));
        }
        assertThat(listed).isEqualTo(clinical);
        Set<String> seen = new HashSet<>();
        for (List<Map<String, String>> file : List.of(actuals, budget)) {
            for (Map<String, String> r : file) {
                String d = r.get("department");
                assertThat(clinical.get(r.get("hospital_id")).contains(d) || CATALOG.costCentres().contains(d))
                        .as(d).isTrue();
                assertThat(CATALOG.item(r.get("item"))).isPresent();
                assertThat(item(r).name()).isEqualTo(r.get("item"));
                seen.add(d);
            }
        }
        assertThat(seen).contains("全院", "门诊部", "后勤保障科");
        // HQD's own import check accepts every row.
        Set<String> hospitals = CsvFiles.rows(generated.resolve(SyntheticProvince.HOSPITALS_FILE)).stream()
                .map(h -> h.get("hospital_id")).collect(Collectors.toSet());
        BudgetRowCheck check = new BudgetRowCheck(CATALOG, hospitals, h -> listed.getOrDefault(h, Set.of()));
        for (String f : List.of("budget-2024.csv", "actuals-2024.csv")) {
            List<BudgetRowCheck.RawRow> raw = new ArrayList<>();
            List<Map<String, String>> rows = CsvFiles.rows(out.resolve(f));
            for (int i = 0; i < rows.size(); i++) {
                raw.add(new BudgetRowCheck.RawRow(i + 2, rows.get(i)));
            }
            BudgetRowCheck.Result result = check.check(raw);
            assertThat(result.rejected()).as(f).isEmpty();
            assertThat(result.accepted()).hasSize(rows.size());
        }
    }

    @Test
    void budget_everyLine_twelveEvenMonthsAroundTheAnnualActual() {
        Map<String, long[]> months = new TreeMap<>();
        for (Map<String, String> r : budget) {
            int m = Integer.parseInt(r.get("month"));
            assertThat(m).isBetween(1, 12);
            String key = r.get("hospital_id") + " " + r.get("department") + " " + r.get("item");
            long[] a = months.computeIfAbsent(key, k -> new long[13]);
            assertThat(a[m]).as("duplicate " + key + " " + m).isZero();
            a[m] = fen(r.get("amount"));
        }
        Map<String, Long> annualActual = new HashMap<>();
        for (Map<String, String> r : actuals) {
            annualActual.merge(r.get("hospital_id") + " " + r.get("department") + " " + r.get("item"),
                    fen(r.get("amount")), Long::sum);
        }
        assertThat(months.keySet()).isEqualTo(annualActual.keySet());
        int over = 0;
        int behind = 0;
        for (Map.Entry<String, long[]> e : months.entrySet()) {
            long[] a = e.getValue();
            long annual = 0;
            for (int m = 1; m <= 12; m++) {
                annual += a[m];
                assertThat(a[m] % 100).as("whole yuan " + e.getKey()).isZero();
                if (m < 12) {
                    assertThat(a[m]).as(e.getKey()).isEqualTo(a[1]);
                }
            }
            // The rounding remainder is in December: less than 12 yuan away from the other months.
            assertThat(Math.abs(a[12] - a[1])).as(e.getKey()).isLessThan(1200);
            long actual = annualActual.get(e.getKey());
            if (Math.abs(actual) >= 100_000) {
                double factor = (double) annual / actual;
                // the hospital's plan (1 + planned) / (1 + planned + surprise), revenue's surprise −4 % to +8 % and a
                // lax hospital's revenue up to 12 % higher, expenditure's ±5 % and up to 8 % lower, each line ±3 %:
                // revenue 1.02 / 1.10 × 0.97 – 1.14 / 0.98 × 1.03, expenditure 0.94 / 1.07 × 0.97 – 1.02 / 0.97 × 1.03
                // (BudgetPlan), give or take the rounding to whole yuan
                boolean revenue = CATALOG.item(e.getKey().split(" ")[2]).orElseThrow().kind().name().equals("REVENUE");
                assertThat(factor).as(e.getKey()).isBetween(revenue ? 0.898 : 0.851, revenue ? 1.199 : 1.084);
                over += actual > annual ? 1 : 0;
                behind += actual < annual ? 1 : 0;
            }
        }
        assertThat(over).isGreaterThan(20);
        assertThat(behind).isGreaterThan(20);
    }

    @Test
    void targets_fivePerHospital_onePerDimension_withValidSources() throws IOException {
        List<Map<String, String>> targets = CsvFiles.rows(out.resolve("targets-2024.csv"));
        IndicatorCatalog indicators = IndicatorCatalog.standard();
        Map<String, Set<PerformanceDimension>> byHospital = new HashMap<>();
        Set<String> manual = new HashSet<>();
        for (Map<String, String> t : targets) {
            PerformanceDimension d = PerformanceDimension.of(t.get("dimension")).orElseThrow();
            assertThat(byHospital.computeIfAbsent(t.get("hospital_id"), k -> EnumSet.noneOf(PerformanceDimension.class))
                    .add(d)).isTrue();
            assertThat(Comparison.of(t.get("comparison"))).isPresent();
            assertThat(Double.parseDouble(t.get("target"))).isPositive();
            assertThat(Double.parseDouble(t.get("weight"))).isPositive();
            String source = t.get("source");
            if (source.startsWith(PerformanceTarget.INDICATOR)) {
                assertThat(indicators.indicator(source.substring(PerformanceTarget.INDICATOR.length()))).isPresent();
            } else {
                assertThat(source).isIn(PerformanceTarget.MANUAL, PerformanceTarget.EXECUTION_RATE);
            }
            if (!t.get("item").isEmpty()) {
                assertThat(CATALOG.item(t.get("item"))).isPresent();
            }
            switch (d) {
                case COST -> assertThat(t).containsEntry("department", "全院").containsEntry("item", "")
                        .containsEntry("comparison", "LE").containsEntry("source", PerformanceTarget.EXECUTION_RATE);
                case QUANTITY -> {
                    assertThat(t).containsEntry("source", PerformanceTarget.EXECUTION_RATE);
                    assertThat(CATALOG.item(t.get("item")).orElseThrow().kind().name()).isEqualTo("REVENUE");
                    assertThat(budget).anyMatch(b -> b.get("hospital_id").equals(t.get("hospital_id"))
                            && b.get("department").equals(t.get("department")) && b.get("item").equals(t.get("item")));
                }
                case QUALITY -> assertThat(t).containsEntry("source", "indicator:cmi");
                case BENEFIT -> assertThat(t).containsEntry("source", "indicator:personnel_cost_share")
                        .containsEntry("target", "0.35");
                case TIMELINESS -> {
                    assertThat(t).containsEntry("source", PerformanceTarget.MANUAL).containsEntry("unit", "比率")
                            .containsEntry("name", SyntheticBudget.REPORTING_TARGET);
                    manual.add(t.get("hospital_id") + " " + t.get("name"));
                }
            }
        }
        assertThat(byHospital).hasSize(5).allSatisfy((h, d) -> assertThat(d).hasSize(5));
        List<Map<String, String>> values = CsvFiles.rows(out.resolve("target-values-2024.csv"));
        assertThat(values).hasSize(5 * 12);
        for (Map<String, String> v : values) {
            assertThat(manual).contains(v.get("hospital_id") + " " + v.get("target"));
            assertThat(Integer.parseInt(v.get("month"))).isBetween(1, 12);
            assertThat(v.get("value")).isIn("1.0", "0.9", "0.0");
        }
        assertThat(values).anyMatch(v -> v.get("value").equals("1.0"));
    }

    @Test
    void writeTo_reportsCoveringPartOfTheYear_actualsOnlyForThoseMonths() throws IOException {
        Path late = tmp.resolve("late");
        SyntheticProvince.standard().writeTo(new GeneratorSettings(3, 1_500, 4, 5, YearMonth.of(2023, 11), 1), late);
        SyntheticBudget.Summary s = SyntheticBudget.writeTo(late, YEAR, 1, late.resolve("budget"));
        assertThat(s.hospitals()).isEqualTo(3);
        List<Map<String, String>> rows = CsvFiles.rows(late.resolve("budget").resolve("actuals-2024.csv"));
        assertThat(rows).extracting(r -> r.get("month")).containsOnly("1", "2");
        assertThat(CsvFiles.rows(late.resolve("budget").resolve("budget-2024.csv"))).extracting(r -> r.get("month"))
                .contains("1", "6", "12");
        assertThat(CsvFiles.rows(late.resolve("budget").resolve("target-values-2024.csv"))).hasSize(3 * 2);
        assertThatThrownBy(() -> SyntheticBudget.writeTo(late, 2022, 1, late.resolve("none")))
                .isInstanceOf(HqdException.class).hasMessageContaining("2022");
    }

    @Test
    void apportion_anyWeights_partsSumExactly() {
        assertThat(SyntheticBudget.apportion(100, new double[] {1, 1, 1})).containsExactly(34, 33, 33);
        assertThat(SyntheticBudget.apportion(-7, new double[] {3, 1})).containsExactly(-5, -2);
        assertThat(SyntheticBudget.apportion(5, new double[] {0, 0})).containsExactly(5, 0);
        long[] parts = SyntheticBudget.apportion(987_654_321_987L, new double[] {0.24, 0.3, 0.38, 0.08, 1e-9});
        assertThat(java.util.Arrays.stream(parts).sum()).isEqualTo(987_654_321_987L);
        assertThat(SyntheticBudget.percent(1005, 92)).isEqualTo(925);
        assertThat(SyntheticBudget.percent(-1005, 92)).isEqualTo(-925);
    }
}

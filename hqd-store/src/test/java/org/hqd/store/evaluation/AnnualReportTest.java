package org.hqd.store.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.FormulaOutcome;
import org.hqd.evaluation.HospitalMeasures;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.Measure;
import org.hqd.intake.FileKind;
import org.hqd.intake.ImportSummary;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The yearly hospital report (机构年报): imported with bad rows kept aside, and its measures over whole years only.
 *
 * <pre>
 * line hospital year health_tech senior research_funding total_assets total_liabilities chief_accountant eqa
 * 2    H1       2023 1000        200    3,000,000        800,000,000  400,000,000       0                30
 * 3    H1       2024 1200        300    5,000,000        1,000,000,000 600,000,000      1                32
 * 4    H2       2024 500         (blank) 100,000         (blank)      (blank)            1                (blank)
 * 5    H1       24   …                                                                                   bad year
 * 6    H2       2023 …                                                                  2                bad flag
 * </pre>
 *
 * H1 over 2024: senior share 300/1200 = 0.25; debt-to-asset 6e8/1e9 = 0.6; research per 100 staff
 * 5,000,000/(1200/100) = 416,666.67. Over 2023..2024: staff (a stock) averaged (1000+1200)/2 = 1100, senior 250,
 * research funding (an amount) summed 8,000,000, the flag and the EQA count the last year's (1, 32).
 */
final class AnnualReportTest {
    static final String HEADER = "hospital_id,year,health_tech_staff,senior_title_staff,research_funding,"
            + "total_assets,total_liabilities,chief_accountant,eqa_items_passed";

    @TempDir
    Path tmp;

    Path store() throws IOException {
        Path data = tmp.resolve("data");
        List<ImportSummary> s = Stores.importInto(data, Files.writeString(tmp.resolve("hospitals.csv"), """
                hospital_id,name,province_code,city_code,county_code,tier,type,beds
                H1,第一医院,430000,430100,430102,CITY_TERTIARY,GENERAL,500
                H2,第二医院,430000,430100,430181,COUNTY,GENERAL,200
                """), Files.writeString(tmp.resolve("annual_reports.csv"), HEADER + "\n" + """
                H1,2023,1000,200,3000000,800000000,400000000,0,30
                H1,2024,1200,300,5000000,1000000000,600000000,1,32
                H2,2024,500,,100000,,,1,
                H1,24,1,1,1,1,1,1,1
                H2,2023,1,1,1,1,1,2,1
                """));
        ImportSummary annual = s.stream().filter(x -> x.kind() == FileKind.ANNUAL_REPORTS).findFirst().orElseThrow();
        assertThat(annual.imported()).isEqualTo(3);
        assertThat(annual.rejected()).isEqualTo(2);
        return data;
    }

    static HospitalMeasures of(DataDirectory dir, String period, String hospital) {
        MeasureQuery q = new MeasureQuery(dir);
        return q.whole(EvaluationPeriod.parse(period), q.hospitals(Optional.empty())).stream()
                .filter(h -> h.hospitalId().equals(hospital)).findFirst().orElseThrow();
    }

    @Test
    void importedYears_giveTheYearlyMeasures_andTheIndicatorsOverThem() throws IOException {
        try (DataDirectory dir = DataDirectory.openForWriting(store())) {
            assertThat(Stores.rows(dir.connection(), "SELECT hospital_id || ' ' || period || ' ' || line || ' '"
                    + " || message FROM quality_findings ORDER BY line")).satisfiesExactly(
                        r -> assertThat(r).startsWith("H1 24 5").contains("year 应为四位年份"),
                        r -> assertThat(r).startsWith("H2 2023 6").contains("chief_accountant 应为 1（是）或 0（否）"));
            HospitalMeasures h = of(dir, "2024", "H1");
            IndicatorCatalog c = IndicatorCatalog.standard();

            assertThat(value(c, "senior_title_share", h)).isEqualTo(0.25);
            assertThat(value(c, "debt_to_asset_ratio", h)).isEqualTo(0.6);
            assertThat(value(c, "research_funding_per_100_staff", h)).isCloseTo(5_000_000 / 12.0, within(1e-6));
            assertThat(value(c, "chief_accountant", h)).isEqualTo(1.0);
            // H2 left its balance sheet blank: no data, naming the input
            FormulaOutcome debt = c.indicator("debt_to_asset_ratio").orElseThrow().formula()
                    .outcome(of(dir, "2024", "H2").measures(), Map.of());
            assertThat(debt.value()).isEmpty();
            assertThat(debt.reason()).contains("机构年报 total_liabilities");
        }
    }

    @Test
    void severalYears_sumAmounts_averageStocks_andTakeFlagsFromTheLastYear_monthsHaveNone() throws IOException {
        try (DataDirectory dir = DataDirectory.openForWriting(store())) {
            HospitalMeasures two = of(dir, "2023-01..2024-12", "H1");

            assertThat(two.measures()).containsEntry(Measure.HEALTH_TECH_STAFF, 1100.0)
                    .containsEntry(Measure.SENIOR_TITLE_STAFF, 250.0)
                    .containsEntry(Measure.RESEARCH_FUNDING, 8_000_000.0)
                    .containsEntry(Measure.CHIEF_ACCOUNTANT, 1.0).containsEntry(Measure.EQA_ITEMS_PASSED, 32.0);
            // H2 has no 2023 row: its amounts and stocks are absent over the two years; its last-year flag stays
            HospitalMeasures h2 = of(dir, "2023-01..2024-12", "H2");
            assertThat(h2.measures()).doesNotContainKeys(Measure.HEALTH_TECH_STAFF, Measure.RESEARCH_FUNDING)
                    .containsEntry(Measure.CHIEF_ACCOUNTANT, 1.0);
            // a quarter is not a year: no yearly measure at all
            List<Measure> yearly = new ArrayList<>(Measure.annualReportColumns());
            assertThat(of(dir, "2024-01..2024-03", "H1").measures().keySet()).doesNotContainAnyElementsOf(yearly);
        }
    }

    @Test
    void theTable_hasTheColumnsOfTheMeasures_inTheirOrder() throws IOException {
        try (DataDirectory dir = DataDirectory.openForWriting(store())) {
            List<String> expected = new ArrayList<>(List.of("hospital_id", "year"));
            Measure.annualReportColumns().forEach(m -> expected.add(m.id()));
            expected.add("batch_id");
            assertThat(Stores.columns(dir.connection(), "annual_report_rows")).isEqualTo(expected);
        }
    }

    static double value(IndicatorCatalog c, String id, HospitalMeasures h) {
        return c.indicator(id).orElseThrow().formula().evaluate(h.measures()).getAsDouble();
    }
}

package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hqd.cli.EvaluateCommandTest.ok;
import static org.hqd.cli.EvaluateCommandTest.records;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hqd evaluate} rates only the hospitals a set applies to, and {@code --by-tier} gives every indicator's tier
 * figures. The generated province of 8 hospitals has the register HospitalRegister.tierCounts(8) makes, listed by tier:
 * H0001 NATIONAL_CENTER, H0002 NATIONAL_REGIONAL, H0003 PROVINCIAL_REGIONAL, H0004–H0005 CITY_TERTIARY (8 × 0.28 →
 * 2), H0006–H0008 COUNTY (the rest).
 */
final class EvaluateScopeTest {
    @TempDir
    static Path tmp;
    static String data;

    @BeforeAll
    static void generateAndImport() {
        Path source = tmp.resolve("src");
        ok("generate", "--hospitals", "8", "--records", "2000", "--months", "3", "--seed", "5", "--output",
                source.toString());
        data = tmp.resolve("data").toString();
        ok("import", "--data", data, source.toString());
    }

    private static Set<String> hospitals(List<Map<String, String>> rows) {
        Set<String> out = new LinkedHashSet<>();
        rows.forEach(r -> out.add(r.get("hospital_id")));
        return out;
    }

    @Test
    void evaluate_tertiarySet_ratesTheFiveTertiaryHospitals_andSaysTheThreeOthersAreNotRated() {
        CliRun run = ok("evaluate", "--data", data, "--period", "2024", "--set", "national-tertiary", "--all",
                "--format", "csv");

        List<Map<String, String>> rows = records(run.out());
        assertThat(hospitals(rows)).containsExactly("H0001", "H0002", "H0003", "H0004", "H0005");
        assertThat(rows).hasSize(5 * 56);
        assertThat(run.err()).contains("本指标体系适用于三级医院；不适用的 3 家医院未参评");
    }

    @Test
    void evaluate_secondarySet_ratesTheThreeCountyHospitals() {
        CliRun run = ok("evaluate", "--data", data, "--period", "2024", "--set", "national-secondary", "--all",
                "--format", "csv");

        assertThat(hospitals(records(run.out()))).containsExactly("H0006", "H0007", "H0008");
        assertThat(records(run.out())).hasSize(3 * 28);
        assertThat(run.err()).contains("本指标体系适用于二级医院（县级医院）；不适用的 5 家医院未参评");
        CliRun trend = ok("trend", "--data", data, "--period", "2024", "--set", "national-secondary");
        assertThat(trend.err()).contains("不适用的 5 家医院未参评");
    }

    @Test
    void byTier_csv_everyIndicatorsCountMeanAndMedian_equalTheHospitalsValuesWorkedOutAgain() {
        List<Map<String, String>> values = records(ok("evaluate", "--data", data, "--period", "2024", "--set",
                "national-tertiary", "--all", "--format", "csv").out());
        CliRun run = ok("evaluate", "--data", data, "--period", "2024", "--set", "national-tertiary", "--by-tier",
                "--format", "csv");

        assertThat(run.out()).startsWith(TierFiguresOutput.HEADER + "\n");
        List<Map<String, String>> figures = records(run.out());
        // 56 indicators × (4 tertiary tiers + all)
        assertThat(figures).hasSize(56 * 5);
        assertThat(figures.get(0)).containsEntry("indicator", "outpatient_inpatient_ratio")
                .containsEntry("national_no", "1").containsEntry("name", "门诊人次数与出院人次数比")
                .containsEntry("tier", "NATIONAL_CENTER").containsEntry("hospitals", "1");
        assertThat(figures.get(4)).containsEntry("tier", "ALL").containsEntry("hospitals", "5");
        for (Map<String, String> f : figures) {
            List<Double> of = new ArrayList<>();
            for (Map<String, String> v : values) {
                if (v.get("indicator").equals(f.get("indicator")) && !v.get("value").isEmpty()
                        && (f.get("tier").equals("ALL") || f.get("tier").equals(v.get("tier")))) {
                    of.add(Double.parseDouble(v.get("value")));
                }
            }
            assertThat(Integer.parseInt(f.get("with_value"))).as(f.toString()).isEqualTo(of.size());
            if (of.isEmpty()) {
                assertThat(f.get("mean")).isEmpty();
                assertThat(f.get("median")).isEmpty();
                continue;
            }
            Collections.sort(of);
            int n = of.size();
            double mean = of.stream().mapToDouble(Double::doubleValue).sum() / n;
            double median = n % 2 == 1 ? of.get(n / 2) : (of.get(n / 2 - 1) + of.get(n / 2)) / 2;
            // both sides were written with six decimals
            assertThat(Double.parseDouble(f.get("mean"))).as(f.toString()).isCloseTo(mean, within(2e-6));
            assertThat(Double.parseDouble(f.get("median"))).as(f.toString()).isCloseTo(median, within(2e-6));
        }
    }

    @Test
    void byTier_table_namesTheIndicatorsAndTheTiersInChinese() {
        CliRun run = ok("evaluate", "--data", data, "--period", "2024", "--by-tier");

        assertThat(run.out()).startsWith("各层级指标均值与中位数（按医院计：每家有值的医院权重相同，不按病例数加权）")
                .contains("【平均住院日】").contains("国家医学中心").contains("县级医院").contains("全部")
                .contains("有值 / 医院数");
    }
}

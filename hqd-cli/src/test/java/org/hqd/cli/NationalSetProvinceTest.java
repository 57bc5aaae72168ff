package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hqd.cli.EvaluateCommandTest.ok;
import static org.hqd.cli.EvaluateCommandTest.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The national assessment (国考, 56 indicators) on a generated province with two years of data, as a user gets it:
 * {@code hqd generate --months 24 --budget} (abstracts, monthly and yearly reports, each year's finance actuals) →
 * {@code hqd import} → {@code hqd budget actuals} for both years → {@code hqd evaluate --period 2025 --set
 * national-tertiary --all} (every indicator, with a target or not). 12 hospitals, 12,000 discharges: small, the
 * point is which inputs exist, not their volume.
 */
final class NationalSetProvinceTest {
    /** The indicators no generated input computes: published by other bodies, or the budget workflow's approval. */
    static final Set<String> WITHOUT_INPUT = Set.of("single_disease_quality", "teaching_outcomes",
            "public_credit_grade", "comprehensive_budgeting");

    @TempDir
    static Path tmp;
    static List<Map<String, String>> rows;
    static Set<String> tertiary;

    @BeforeAll
    static void generateImportEvaluate() throws IOException {
        Path source = tmp.resolve("src");
        Path data = tmp.resolve("data");
        ok("generate", "--hospitals", "12", "--records", "12000", "--months", "24", "--seed", "18", "--budget",
                "--output", source.toString());
        ok("import", "--data", data.toString(), source.toString());
        for (String year : List.of("2024", "2025")) {
            ok("budget", "actuals", "--data", data.toString(),
                    source.resolve("budget/actuals-" + year + ".csv").toString());
        }
        rows = records(ok("evaluate", "--data", data.toString(), "--period", "2025", "--set", "national-tertiary",
                "--all", "--format", "csv").out());
        tertiary = Files.readAllLines(source.resolve("hospitals.csv")).stream().skip(1)
                .map(l -> l.split(",")).filter(f -> !f[5].equals("COUNTY")).map(f -> f[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void onlyTheTertiaryHospitals_areRated() {
        // tierCounts(12): at least 2 a tier — NATIONAL_CENTER 2, NATIONAL_REGIONAL 2, PROVINCIAL_REGIONAL 2,
        // CITY_TERTIARY 3 (12 × 0.28 = 3.36) — and COUNTY the other 3, which the tertiary set does not rate
        assertThat(tertiary).hasSize(9);
        Set<String> rated = rows.stream().map(r -> r.get("hospital_id")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rated).isEqualTo(tertiary);
    }

    @Test
    void everyTertiaryHospital_hasAValueForAtLeast40OfThe56() {
        assertThat(tertiary).hasSizeGreaterThanOrEqualTo(8);
        Map<String, Long> withValue = new TreeMap<>();
        for (String h : tertiary) {
            List<Map<String, String>> own = rows.stream().filter(r -> r.get("hospital_id").equals(h)).toList();
            assertThat(own).as(h).hasSize(56);
            withValue.put(h, own.stream().filter(r -> !r.get("value").isEmpty()).count());
        }
        assertThat(withValue).allSatisfy((h, n) -> assertThat(n).as(h).isGreaterThanOrEqualTo(40));
    }

    @Test
    void noData_onlyWhereNoInputIsGenerated_andTheReasonNamesIt() {
        Set<String> noData = new TreeSet<>();
        for (Map<String, String> r : rows) {
            if (tertiary.contains(r.get("hospital_id")) && r.get("value").isEmpty()) {
                assertThat(r.get("status")).isIn("NO_DATA", ""); // empty: an indicator without a target (--all)
                assertThat(r.get("no_data")).as(r.toString()).isNotEmpty();
                noData.add(r.get("indicator"));
            }
        }
        assertThat(noData).isEqualTo(WITHOUT_INPUT);
    }
}

package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hqd.HqdException;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.hospital.FacilityReportColumn;
import org.hqd.hospital.HospitalColumn;
import org.hqd.hospital.HospitalTier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end properties of the files of a small synthetic province: determinism, headers, register, reports. */
final class SyntheticProvinceTest {
    static final GeneratorSettings SMALL = new GeneratorSettings(20, 20_000, 3, 7, YearMonth.of(2024, 1), 2);

    @TempDir
    static Path tmp;
    static SyntheticProvince province;
    static GenerationSummary summary;
    static Path twoThreads;

    @BeforeAll
    static void generate() throws IOException {
        province = SyntheticProvince.standard();
        twoThreads = tmp.resolve("two");
        summary = province.writeTo(SMALL, twoThreads);
    }

    @Test
    void writeTo_sameSeedOneOrTwoThreads_identicalBytes() throws IOException {
        Path one = tmp.resolve("one");
        province.writeTo(SMALL.withThreads(1), one);
        for (String f : List.of(SyntheticProvince.HOSPITALS_FILE, SyntheticProvince.ABSTRACTS_FILE,
                SyntheticProvince.FACILITY_REPORTS_FILE, SyntheticProvince.ANNUAL_REPORTS_FILE)) {
            assertThat(Files.mismatch(one.resolve(f), twoThreads.resolve(f))).as(f).isEqualTo(-1L);
        }
    }

    @Test
    void writeTo_otherSeed_differentFiles() throws IOException {
        Path other = tmp.resolve("other-seed");
        province.writeTo(new GeneratorSettings(20, 20_000, 3, 8, YearMonth.of(2024, 1), 2), other);
        assertThat(Files.mismatch(other.resolve(SyntheticProvince.ABSTRACTS_FILE),
                twoThreads.resolve(SyntheticProvince.ABSTRACTS_FILE))).isNotEqualTo(-1L);
        assertThat(Files.mismatch(other.resolve(SyntheticProvince.HOSPITALS_FILE),
                twoThreads.resolve(SyntheticProvince.HOSPITALS_FILE))).isNotEqualTo(-1L);
    }

    @Test
    void writeTo_anySettings_headersAreTheCanonicalColumns() throws IOException {
        assertThat(CsvFiles.header(twoThreads.resolve(SyntheticProvince.HOSPITALS_FILE))).isEqualTo(
                java.util.stream.Stream.concat(HospitalColumn.all().stream(), Stream.of("synthetic")).toList());
        assertThat(CsvFiles.rows(twoThreads.resolve(SyntheticProvince.HOSPITALS_FILE)))
                .allSatisfy(h -> assertThat(h.get("synthetic")).isEqualTo("1"));
        assertThat(CsvFiles.header(twoThreads.resolve(SyntheticProvince.ABSTRACTS_FILE)))
                .isEqualTo(Stream.concat(Stream.of(AbstractColumn.values()).map(AbstractColumn::column)
                        .limit(AbstractColumn.COST_OTHER.ordinal() + 1), Stream.of("admission_conditions", "proc_dates",
                        "proc_wound_classes", "proc_healing", "proc_anaesthesia")).toList());
        assertThat(CsvFiles.header(twoThreads.resolve(SyntheticProvince.FACILITY_REPORTS_FILE)))
                .isEqualTo(FacilityReportColumn.header());
        List<String> annual = new java.util.ArrayList<>(List.of("hospital_id", "year"));
        org.hqd.evaluation.Measure.annualReportColumns().forEach(m -> annual.add(m.id()));
        assertThat(CsvFiles.header(twoThreads.resolve(SyntheticProvince.ANNUAL_REPORTS_FILE))).isEqualTo(annual);
    }

    @Test
    void writeTo_smallProvince_summaryCountsTheRowsWritten() throws IOException {
        assertThat(summary.hospitals()).isEqualTo(20);
        assertThat(summary.abstracts()).isEqualTo(20_000);
        assertThat(summary.facilityReports()).isEqualTo(60);
        assertThat(summary.annualReports()).isEqualTo(20);
        assertThat(CsvFiles.records(twoThreads.resolve(SyntheticProvince.ABSTRACTS_FILE))).hasSize(20_001);
        assertThat(CsvFiles.records(twoThreads.resolve(SyntheticProvince.ANNUAL_REPORTS_FILE))).hasSize(21);
        assertThat(summary.bytes()).isEqualTo(Files.size(twoThreads.resolve(SyntheticProvince.HOSPITALS_FILE))
                + Files.size(twoThreads.resolve(SyntheticProvince.ABSTRACTS_FILE))
                + Files.size(twoThreads.resolve(SyntheticProvince.FACILITY_REPORTS_FILE))
                + Files.size(twoThreads.resolve(SyntheticProvince.ANNUAL_REPORTS_FILE)));
    }

    @Test
    void writeTo_twentyHospitals_registerHasEveryTierAndTheExampleProvinceCodes() throws IOException {
        List<Map<String, String>> register = CsvFiles.rows(twoThreads.resolve(SyntheticProvince.HOSPITALS_FILE));
        assertThat(register).hasSize(20);
        assertThat(register.stream().map(h -> h.get("tier")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Stream.of(HospitalTier.values()).map(Enum::name).toArray(String[]::new));
        assertThat(register.stream().map(h -> h.get("hospital_id")).distinct()).hasSize(20);
        assertThat(register.stream().map(h -> h.get("name")).distinct()).hasSize(20);
        Set<String> cities = ExampleDivisions.CITIES.stream().map(City::code).collect(Collectors.toSet());
        for (Map<String, String> h : register) {
            assertThat(h.get("province_code")).isEqualTo("990000");
            assertThat(cities).contains(h.get("city_code"));
            assertThat(h.get("county_code")).startsWith(h.get("city_code").substring(0, 4));
            assertThat(Integer.parseInt(h.get("beds"))).isBetween(60, 5000);
        }
    }

    @Test
    void writeTo_facilityReports_oneRowPerHospitalMonthCoveringItsInpatientCost() throws IOException {
        Map<String, Double> inpatient = new HashMap<>();
        for (Map<String, String> a : CsvFiles.rows(twoThreads.resolve(SyntheticProvince.ABSTRACTS_FILE))) {
            String key = a.get("hospital_id") + " " + a.get("discharge_date").substring(0, 7);
            inpatient.merge(key, Double.parseDouble(a.get("total_cost")), Double::sum);
        }
        List<Map<String, String>> reports = CsvFiles.rows(twoThreads.resolve(SyntheticProvince.FACILITY_REPORTS_FILE));
        Set<String> cells = new HashSet<>();
        for (Map<String, String> r : reports) {
            String key = r.get("hospital_id") + " " + r.get("period");
            assertThat(cells.add(key)).as("duplicate report " + key).isTrue();
            double medical = Double.parseDouble(r.get("medical_revenue"));
            double total = Double.parseDouble(r.get("total_revenue"));
            assertThat(medical).as(key).isGreaterThanOrEqualTo(inpatient.getOrDefault(key, 0.0) - 0.005);
            assertThat(total).as(key).isGreaterThanOrEqualTo(medical);
            int physicians = Integer.parseInt(r.get("physicians"));
            int nurses = Integer.parseInt(r.get("nurses"));
            assertThat(nurses).as(key).isBetween((int) (physicians * 1.4), (int) (physicians * 2.3));
            assertThat(Integer.parseInt(r.get("emr_level"))).isBetween(3, 6);
            assertThat(Double.parseDouble(r.get("patient_satisfaction"))).isBetween(75.0, 98.0);
            double eligible = Double.parseDouble(r.get("eligible_insurance_spending"));
            double paid = Double.parseDouble(r.get("drg_dip_paid_spending"));
            assertThat(paid).isBetween(0.5 * eligible - 0.01, 0.95 * eligible + 0.01);
        }
        assertThat(cells).hasSize(20 * 3);
        assertThat(cells).containsAll(inpatient.keySet());
    }

    @Test
    void writeTo_noRecords_writesHeadersRegisterAndReports() throws IOException {
        Path empty = tmp.resolve("empty");
        GenerationSummary s = province.writeTo(new GeneratorSettings(5, 0, 2, 1, YearMonth.of(2023, 11), 1), empty);
        assertThat(CsvFiles.records(empty.resolve(SyntheticProvince.ABSTRACTS_FILE))).hasSize(1);
        assertThat(CsvFiles.rows(empty.resolve(SyntheticProvince.FACILITY_REPORTS_FILE)))
                .extracting(r -> r.get("period")).containsOnly("2023-11", "2023-12");
        assertThat(s.facilityReports()).isEqualTo(10);
    }

    @Test
    void new_noTemplateGroups_throwsNamingTheScheme() {
        DrgGrouper grouper = DrgGrouper.of(RulePackCatalog.bundled().load("chs-drg-1.1"));
        DischargeAbstract unknown = DischargeAbstract.builder().recordId("X").sex(Sex.MALE).ageYears(40).losDays(3)
                .dischargeMethod("1").principalDx("XYZ.999").build();
        assertThatThrownBy(() -> new SyntheticProvince(grouper, List.of(unknown))).isInstanceOf(HqdException.class)
                .hasMessageContaining("chs-drg-1.1");
    }

    @Test
    void writeTo_oneTemplate_everyRowCopiesItsCodes() throws IOException {
        DrgGrouper grouper = DrgGrouper.of(RulePackCatalog.bundled().load("chs-drg-1.1"));
        DischargeAbstract appendicitis = DischargeAbstract.builder().recordId("A").sex(Sex.FEMALE).ageYears(30)
                .losDays(5).dischargeMethod("1").principalDx("K35.800x001").principalProc("47.0100").build();
        SyntheticProvince one = new SyntheticProvince(grouper, List.of(appendicitis));
        assertThat(one.drgs()).isEqualTo(1);
        Path out = tmp.resolve("one-template");
        one.writeTo(new GeneratorSettings(6, 500, 1, 3, YearMonth.of(2024, 5), 1), out);
        assertThat(CsvFiles.rows(out.resolve(SyntheticProvince.ABSTRACTS_FILE))).hasSize(500).allSatisfy(r -> {
            assertThat(r.get("principal_dx")).isEqualTo("K35.800x001");
            assertThat(r.get("principal_proc")).isEqualTo("47.0100");
            assertThat(r.get("proc_levels")).matches("[1-4]");
        });
    }
}

package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.evaluation.codes.CodeList;
import org.hqd.evaluation.codes.OperationLists;
import org.hqd.io.abstracts.ParsedAbstract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs of the national indicators the generator writes, read back from the files of a province of two years
 * (40 hospitals, 40,000 discharges, 2024–2025): the operations' incision, healing and anaesthesia, the elective
 * admissions, and the yearly hospital reports with their consistency with the abstracts and monthly reports.
 */
final class NationalInputsTest {
    static final GeneratorSettings TWO_YEARS =
            new GeneratorSettings(40, 40_000, 24, 20261123L, YearMonth.of(2024, 1), 2);

    @TempDir
    static Path dir;
    static List<DischargeAbstract> cases = new ArrayList<>();
    static List<Map<String, String>> annual;
    static List<Map<String, String>> monthly;
    static Map<String, String> tiers = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        SyntheticProvince.standard().writeTo(TWO_YEARS, dir);
        for (ParsedAbstract p : CsvFiles.abstracts(dir.resolve(SyntheticProvince.ABSTRACTS_FILE))) {
            assertThat(p.problems()).as("line " + p.line()).isEmpty();
            cases.add(p.abstract_());
        }
        annual = CsvFiles.rows(dir.resolve(SyntheticProvince.ANNUAL_REPORTS_FILE));
        monthly = CsvFiles.rows(dir.resolve(SyntheticProvince.FACILITY_REPORTS_FILE));
        CsvFiles.rows(dir.resolve(SyntheticProvince.HOSPITALS_FILE))
                .forEach(h -> tiers.put(h.get("hospital_id"), h.get("tier")));
    }

    private static String item(List<String> l, int i) {
        return i < l.size() ? l.get(i) : "";
    }

    private static List<String> procedures(DischargeAbstract a) {
        List<String> out = new ArrayList<>();
        if (!a.principalProc().isEmpty()) {
            out.add(a.principalProc());
            out.addAll(a.otherProcs());
        }
        return out;
    }

    @Test
    void operations_onlyOperationsHaveIncisionHealingAndAnaesthesia_withNationalRates() {
        CodeList operations = OperationLists.bundled().operations();
        long ops = 0;
        long clean = 0;
        long infected = 0;
        long obstetricOps = 0;
        long spinal = 0;
        for (DischargeAbstract a : cases) {
            List<String> procs = procedures(a);
            for (int i = 0; i < procs.size(); i++) {
                String wound = item(a.woundClasses(), i);
                String heal = item(a.woundHealing(), i);
                String anaesthesia = item(a.anaesthesia(), i);
                if (!operations.contains(procs.get(i))) {
                    assertThat(wound + heal + anaesthesia).as(a.recordId() + " " + procs.get(i)).isEmpty();
                    continue;
                }
                ops++;
                assertThat(wound).isIn("0", "1", "2", "3");
                assertThat(heal).isIn("1", "2", "3", "9");
                assertThat(heal.equals("9")).as(a.recordId()).isEqualTo(wound.equals("0"));
                assertThat(anaesthesia).isIn("1", "21", "22", "3", "4");
                if (wound.equals("1")) {
                    clean++;
                    infected += heal.equals("3") ? 1 : 0;
                }
                if (a.principalDx().startsWith("O")) {
                    obstetricOps++;
                    spinal += anaesthesia.equals("21") ? 1 : 0;
                }
            }
        }
        System.out.printf("operations %d: Ⅰ类 %.1f %%, infected %.2f %% of Ⅰ类; obstetric %d, spinal %.1f %%%n", ops,
                100.0 * clean / ops, 100.0 * infected / clean, obstetricOps, 100.0 * spinal / obstetricOps);
        assertThat(ops).isGreaterThan(5_000);
        assertThat((double) clean / ops).isBetween(0.3, 0.7);
        assertThat((double) infected / clean).isBetween(0.002, 0.015);
        assertThat(obstetricOps).isGreaterThan(300);
        assertThat((double) spinal / obstetricOps).isBetween(0.75, 0.95);
    }

    @Test
    void admissions_operatedStaysMostlyElective_daySurgeryAlwaysFromTheClinic() {
        CodeList operations = OperationLists.bundled().operations();
        long operated = 0;
        long elective = 0;
        for (DischargeAbstract a : cases) {
            if (a.daySurgery()) {
                assertThat(a.admissionRoute()).as(a.recordId()).isEqualTo("2");
            }
            if (procedures(a).stream().anyMatch(operations::contains)) {
                operated++;
                elective += a.admissionRoute().equals("1") ? 0 : 1;
            }
        }
        System.out.printf("operated stays %d, elective (入院途径 not 1) %.1f %%%n", operated, 100.0 * elective / operated);
        assertThat((double) elective / operated).isBetween(0.7, 0.92);
    }

    @Test
    void annualReports_oneRowPerHospitalAndYear_consistentWithTheMonthlyReportsAndCases() {
        assertThat(annual).hasSize(80);
        Map<String, BigDecimal> fund = new HashMap<>();
        Map<String, double[]> staff = new HashMap<>();
        for (Map<String, String> m : monthly) {
            String key = m.get("hospital_id") + "/" + m.get("period").substring(0, 4);
            fund.merge(key, new BigDecimal(m.get("eligible_insurance_spending")), BigDecimal::add);
            double[] s = staff.computeIfAbsent(key, k -> new double[2]);
            s[0] += Integer.parseInt(m.get("physicians")) + Integer.parseInt(m.get("nurses"))
                    + Integer.parseInt(m.get("pharmacists"));
            s[1]++;
        }
        Map<String, long[]> stays = new HashMap<>();
        for (DischargeAbstract a : cases) {
            long[] s = stays.computeIfAbsent(a.hospitalId() + "/" + a.dischargeDate().getYear(), k -> new long[2]);
            s[0]++;
            s[1] += a.losDays();
        }
        for (Map<String, String> r : annual) {
            String key = r.get("hospital_id") + "/" + r.get("year");
            assertThat(new BigDecimal(r.get("inpatient_insurance_revenue"))).as(key)
                    .isEqualByComparingTo(fund.get(key));
            double[] s = staff.get(key);
            double tech = d(r, "health_tech_staff");
            assertThat(tech).as(key).isBetween(1.15 * s[0] / s[1], 1.3 * s[0] / s[1]);
            assertThat(d(r, "senior_title_staff") / tech).as(key).isBetween(0.09, 0.29);
            long[] c = stays.get(key);
            assertThat(d(r, "antibiotic_ddds") * 100 / c[1]).as(key).isBetween(28.0, 53.0);
            assertThat(d(r, "inpatients_essential_drugs") / c[0]).as(key).isBetween(0.89, 0.99);
            assertThat(d(r, "large_equipment_positive") / d(r, "large_equipment_exams")).isBetween(0.6, 0.83);
            assertThat(d(r, "prescriptions_reviewed") / d(r, "prescriptions")).isBetween(0.03, 0.16);
            assertThat(d(r, "quality_nursing_wards")).isBetween(Math.floor(0.85 * d(r, "wards")), d(r, "wards"));
            assertThat(d(r, "essential_drug_varieties") / d(r, "drug_varieties")).isBetween(0.35, 0.6);
            assertThat(d(r, "vbp_drug_usage") / d(r, "vbp_molecule_usage")).isBetween(0.79, 0.96);
            assertThat(d(r, "total_liabilities") / d(r, "total_assets")).isBetween(0.2, 0.65);
            assertThat(d(r, "appointment_wait_minutes")).isBetween(4.0, 39.0);
            assertThat(d(r, "outpatient_satisfaction")).isBetween(80.0, 93.0);
            assertThat(d(r, "inpatient_satisfaction")).isBetween(86.0, 97.0);
            assertThat(r.get("chief_accountant")).isIn("0", "1");
            assertThat(d(r, "resident_exam_passed")).isLessThanOrEqualTo(d(r, "resident_exam_takers"));
            assertThat(d(r, "trainees_returned_independent")).isLessThanOrEqualTo(d(r, "trainees_received"));
        }
    }

    @Test
    void annualReports_researchAndSeniorStaffFollowTheTier() {
        double countyMax = 0;
        double centreMin = Double.MAX_VALUE;
        for (Map<String, String> r : annual) {
            double perHundred = d(r, "research_funding") / (d(r, "health_tech_staff") / 100);
            switch (tiers.get(r.get("hospital_id"))) {
                case "COUNTY" -> countyMax = Math.max(countyMax, perHundred);
                case "NATIONAL_CENTER" -> centreMin = Math.min(centreMin, perHundred);
                default -> { }
            }
        }
        assertThat(centreMin).isGreaterThan(1_000_000.0).isGreaterThan(10 * countyMax);
    }

    private static double d(Map<String, String> r, String column) {
        return Double.parseDouble(r.get(column));
    }
}

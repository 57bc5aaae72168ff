package org.hqd.store.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.EvaluationRequest;
import org.hqd.evaluation.EvaluationRow;
import org.hqd.evaluation.Evaluator;
import org.hqd.evaluation.HospitalMeasures;
import org.hqd.evaluation.Measure;
import org.hqd.evaluation.Status;
import org.hqd.evaluation.Weights;
import org.hqd.hospital.Hospital;
import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.HospitalType;
import org.hqd.intake.ImportSummary;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.hqd.store.standards.StandardsStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measures of {@link MeasureQuery} on a hand-made store whose every number is worked out below.
 *
 * <p>Every abstract row is {@link AbstractRow#valid} unless changed: charges western drug 1800, herbal 0, patent
 * drug 200 (drug 2000), material 1500, exam 800 + lab 600 (exam_lab 1400), and {@code total(t)} balances cost_other
 * so the 14 categories sum to t; the service revenue is then t − 4900.
 *
 * <pre>
 * rec  hosp  patient adm→dis (los)          procedures (levels)        day dies total     notes
 * R01  H001  PA  2023-12-20→2023-12-30 (10)  47.0100 (3)                0   -    10000     before the period
 * R02  H001  PA  2024-01-30→2024-02-03 (4)   none                       0   -    10000     readmitted 31 days after R01: counts
 * R03  H001  PB  2024-01-02→2024-01-05 (3)   47.0100 (4)                0   -    12000
 * R04  H001  PB  2024-02-06→2024-02-07 (1)   other only 45.2300 (3)     1   -    10000     32 days after R03: not a readmission
 * R05  H001  PC  2024-02-01→2024-02-05 (4)   47.0100|54.2100 (3|4)      0   -    15000     herbal 300 (drug 2300)
 * R06  H002  PC  2024-02-10→2024-02-12 (2)   none                       0   -    10000     5 days after R05 but another hospital
 * R07  H001  PD  2024-03-01→2024-03-05 (4)   none                       0   -    10000
 * R08  H001  PD  2024-03-05→2024-03-08 (3)   none                       0   yes  23456.78  readmitted the day of discharge: counts
 * R09  H001  --  2024-03-10→2024-03-12 (2)   47.0100 (2)                1   -    10000     no patient id
 * R10  H001  --  2024-03-13→2024-03-15 (2)   none                       0   -    10000     no patient id: never a readmission
 * R11  H001  PE  2024-03-28→2024-04-02 (5)   47.0100 (4)                0   yes  10000     discharged after the period
 * R12  H001  PF  2024-01-10→2024-01-20 (10)  47.0100 (1)                0   yes  20000
 * R13  H001  PG  2024-01-15→2024-01-18 (3)   none, but levels "4"       1   -    10000     not a surgery stay
 * R14  H002  PH  2024-01-03→2024-01-08 (5)   47.0100 (3)                0   -    11000
 * R16  H009  PI  2024-02-01→2024-02-04 (3)   none                       0   -    10000     H009 is not in the register
 * </pre>
 *
 * H001 over 2024-01..2024-03 (R02 R03 R04 R05 R07 R08 R09 R10 R12 R13): cases 10; deaths 2 (R08 R12); los
 * 4+3+1+4+4+3+2+2+10+3 = 36; total 6×10000 + 12000 + 15000 + 23456.78 + 20000 = 130456.78; drug 9×2000 + 2300 =
 * 20300; material 10×1500 = 15000; exam_lab 10×1400 = 14000; service 130456.78 − 20300 − 15000 − 14000 = 81156.78;
 * surgery R03 R04 R05 R09 R12 = 5; grade 4 R03 R05 = 2; grade 3 or 4 R03 R04 R05 = 3; day surgery R04 R09 = 2 (R13
 * is flagged but has no procedure); readmissions R02 R08 = 2.
 */
final class MeasureQueryTest {
    static final Optional<HospitalType> GENERAL = Optional.of(HospitalType.GENERAL);
    static final String REGISTER = """
            hospital_id,name,province_code,city_code,county_code,tier,type,beds
            H001,第一医院,430000,430100,430102,CITY_TERTIARY,GENERAL,500
            H002,第二医院,430000,430100,430181,COUNTY,GENERAL,200
            H003,第三医院,430000,430200,430202,COUNTY,GENERAL,100
            """;

    /**
     * H001: 2023-12 and 2024-04 outside the first quarter (distinctive values); 2024-01..03 physicians 100+102+104
     * = 306, nurses 200+210+220 = 630, staff 3,750,000, operating 9,300,000, energy 156,000, total revenue
     * 15,600,000, medical revenue 12,300,000, emr 4, 6, 5 (latest: 5), outpatients 33,000, appointments 13,500,
     * patient satisfaction (90+92+94)/3 = 92, staff satisfaction (80+84+85.5)/3, DRG/DIP paid 2,130,000, eligible
     * 3,000,000. H002: February only, no staff satisfaction. H003: no cases; emr 2, 3, blank (latest reported: 3).
     */
    static final String REPORTS = """
            hospital_id,period,beds,physicians,nurses,pharmacists,total_revenue,medical_revenue,operating_spending,\
            staff_spending,energy_spending,emr_level,outpatient_visits,appointments,patient_satisfaction,\
            staff_satisfaction,drg_dip_paid_spending,eligible_insurance_spending
            H001,2023-12,500,99,199,9,1000000,900000,800000,300000,10000,8,1000,100,10,10,1,1
            H001,2024-01,500,100,200,10,5000000,4000000,3000000,1200000,50000,4,10000,4000,90,80,700000,1000000
            H001,2024-02,500,102,210,10,5200000,4100000,3100000,1250000,52000,6,11000,4500,92,84,710000,1000000
            H001,2024-03,500,104,220,10,5400000,4200000,3200000,1300000,54000,5,12000,5000,94,85.5,720000,1000000
            H001,2024-04,500,999,999,9,1,1,1,1,1,1,1,1,1,1,1,1
            H002,2024-02,200,50,60,5,2000000,1800000,1500000,600000,20000,4,3000,1000,88,,300000,500000
            H003,2024-01,100,20,30,3,900000,800000,700000,300000,9000,2,2000,500,85,81,100000,200000
            H003,2024-02,100,21,31,3,900000,800000,700000,300000,9000,3,2000,500,86,82,100000,200000
            H003,2024-03,100,22,32,3,900000,800000,700000,300000,9000,,2000,500,87,83,100000,200000
            """;

    static final EvaluationPeriod Q1 = EvaluationPeriod.parse("2024-01..2024-03");

    @TempDir
    static Path tmp;

    static Path data;

    static List<AbstractRow> abstracts() {
        return List.of(
                AbstractRow.valid("H001", "R01").set(AbstractColumn.PATIENT_ID, "PA")
                        .stay("2023-12-20", "2023-12-30", 10).total("10000.00"),
                medical("H001", "R02", "PA").stay("2024-01-30", "2024-02-03", 4).total("10000.00"),
                AbstractRow.valid("H001", "R03").set(AbstractColumn.PATIENT_ID, "PB")
                        .stay("2024-01-02", "2024-01-05", 3).set(AbstractColumn.PROC_LEVELS, "4").total("12000.00"),
                medical("H001", "R04", "PB").set(AbstractColumn.OTHER_PROCS, "45.2300")
                        .set(AbstractColumn.PROC_LEVELS, "3").set(AbstractColumn.DAY_SURGERY, "1")
                        .stay("2024-02-06", "2024-02-07", 1).total("10000.00"),
                AbstractRow.valid("H001", "R05").set(AbstractColumn.PATIENT_ID, "PC")
                        .set(AbstractColumn.OTHER_PROCS, "54.2100").set(AbstractColumn.PROC_LEVELS, "3|4")
                        .stay("2024-02-01", "2024-02-05", 4).total("15000.00")
                        .set(AbstractColumn.COST_HERBAL, "300.00").set(AbstractColumn.COST_OTHER, "4900.00"),
                medical("H002", "R06", "PC").stay("2024-02-10", "2024-02-12", 2).total("10000.00"),
                medical("H001", "R07", "PD").stay("2024-03-01", "2024-03-05", 4).total("10000.00"),
                medical("H001", "R08", "PD").set(AbstractColumn.PRINCIPAL_DX, "J18.900")
                        .set(AbstractColumn.DISCHARGE_METHOD, "5").stay("2024-03-05", "2024-03-08", 3)
                        .total("23456.78"),
                AbstractRow.valid("H001", "R09").set(AbstractColumn.PATIENT_ID, "")
                        .set(AbstractColumn.PROC_LEVELS, "2").set(AbstractColumn.DAY_SURGERY, "1")
                        .stay("2024-03-10", "2024-03-12", 2).total("10000.00"),
                medical("H001", "R10", "").stay("2024-03-13", "2024-03-15", 2).total("10000.00"),
                AbstractRow.valid("H001", "R11").set(AbstractColumn.PATIENT_ID, "PE")
                        .set(AbstractColumn.PROC_LEVELS, "4").set(AbstractColumn.DISCHARGE_METHOD, "5")
                        .stay("2024-03-28", "2024-04-02", 5).total("10000.00"),
                AbstractRow.valid("H001", "R12").set(AbstractColumn.PATIENT_ID, "PF")
                        .set(AbstractColumn.PROC_LEVELS, "1").set(AbstractColumn.DISCHARGE_METHOD, "5")
                        .stay("2024-01-10", "2024-01-20", 10).total("20000.00"),
                medical("H001", "R13", "PG").set(AbstractColumn.PROC_LEVELS, "4")
                        .set(AbstractColumn.DAY_SURGERY, "1").stay("2024-01-15", "2024-01-18", 3).total("10000.00"),
                AbstractRow.valid("H002", "R14").set(AbstractColumn.PATIENT_ID, "PH")
                        .stay("2024-01-03", "2024-01-08", 5).total("11000.00"),
                medical("H009", "R16", "PI").stay("2024-02-01", "2024-02-04", 3).total("10000.00"));
    }

    /** A hypertension stay without procedure. */
    static AbstractRow medical(String hospital, String record, String patient) {
        return AbstractRow.valid(hospital, record).set(AbstractColumn.PATIENT_ID, patient)
                .set(AbstractColumn.PRINCIPAL_DX, "I10.x00x002").set(AbstractColumn.DEPARTMENT, "心内科").noProcedure();
    }

    @BeforeAll
    static void buildStore() throws IOException {
        data = build(tmp.resolve("shared"), abstracts());
    }

    /** Imports the register, the reports and these abstracts into a new data directory; nothing is rejected. */
    static Path build(Path root, List<AbstractRow> rows) throws IOException {
        Files.createDirectories(root);
        Path dir = root.resolve("data");
        List<ImportSummary> s = Stores.importInto(dir,
                Files.writeString(root.resolve("hospitals.csv"), REGISTER),
                Files.writeString(root.resolve("facility_reports.csv"), REPORTS),
                Files.writeString(root.resolve("abstracts.csv"), AbstractRow.file(rows)));
        assertThat(s).extracting(ImportSummary::rejected).containsOnly(0L);
        assertThat(s.get(2).imported()).isEqualTo((long) rows.size());
        return dir;
    }

    static Map<String, HospitalMeasures> byId(List<HospitalMeasures> list) {
        Map<String, HospitalMeasures> out = new HashMap<>();
        list.forEach(h -> out.put(h.hospitalId(), h));
        return out;
    }

    static Map<String, HospitalMeasures> whole(String period, Optional<String> region) {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            MeasureQuery q = new MeasureQuery(dir);
            return byId(q.whole(EvaluationPeriod.parse(period), q.hospitals(region)));
        }
    }

    /** Asserts that each expected measure is present with its value (within 1e-6). */
    static void assertMeasures(HospitalMeasures h, Map<Measure, Double> expected) {
        for (Map.Entry<Measure, Double> e : expected.entrySet()) {
            assertThat(h.measures()).as(h.hospitalId() + " " + e.getKey()).containsKey(e.getKey());
            assertThat(h.measures().get(e.getKey())).as(h.hospitalId() + " " + e.getKey())
                    .isCloseTo(e.getValue(), within(1e-6));
        }
    }

    static Map<Measure, Double> m(Object... pairs) {
        Map<Measure, Double> out = new EnumMap<>(Measure.class);
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((Measure) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return out;
    }

    @Test
    void dischargeMonths_implausibleDatesStoredEarlier_areNotADefaultPeriod() throws IOException {
        Path store = build(tmp.resolve("implausible"), List.of(medical("H001", "R1", "P1"), medical("H001", "R2", "P2"),
                medical("H001", "R3", "P3")));
        try (DataDirectory dir = DataDirectory.openForWriting(store)) {
            // as a version without range rules could have stored them
            dir.execute("UPDATE case_records SET discharge_date = DATE '9999-12-31' WHERE record_id = 'R2'");
            dir.execute("UPDATE case_records SET discharge_date = DATE '0001-01-01' WHERE record_id = 'R3'");

            assertThat(new MeasureQuery(dir).dischargeMonths()).contains(EvaluationPeriod.parse("2024-03..2024-03"));
        }
    }

    @Test
    void whole_firstQuarter_caseMeasuresOfH001_areTheHandComputedSums() {
        HospitalMeasures h = whole("2024-01..2024-03", Optional.empty()).get("H001");

        assertMeasures(h, m(Measure.CASES, 10, Measure.DEATHS, 2, Measure.LOS_DAYS, 36,
                Measure.TOTAL_COST, 130456.78, Measure.DRUG_COST, 20300, Measure.MATERIAL_COST, 15000,
                Measure.EXAM_LAB_COST, 14000, Measure.SERVICE_REVENUE, 81156.78, Measure.OPERATED_STAYS, 4,
                Measure.OPERATION_SESSIONS, 4, Measure.MINIMALLY_INVASIVE_SESSIONS, 4, Measure.GRADE4_SESSIONS, 1,
                Measure.GRADE3_SESSIONS, 1, Measure.DAY_SURGERY_SESSIONS, 1, Measure.ELECTIVE_SESSIONS, 0,
                Measure.COMPLICATION_STAYS, 0, Measure.REFERRALS_DOWN_INPATIENT, 0, Measure.READMISSIONS_31D, 2,
                Measure.PERIOD_DAYS, 91));
        // no wound class recorded: the clean-wound counts depend on it and are absent
        assertThat(h.measures()).doesNotContainKeys(Measure.CLEAN_WOUND_SESSIONS, Measure.CLEAN_WOUND_INFECTIONS);
    }

    @Test
    void whole_firstQuarter_caseMeasuresOfH002_countZeroesAsZeroNotAbsent() {
        // R06 (medical, 2 days, 10000; PC's earlier stay R05 was in H001) and R14 (grade 3, 5 days, 11000)
        HospitalMeasures h = whole("2024-01..2024-03", Optional.empty()).get("H002");

        assertMeasures(h, m(Measure.CASES, 2, Measure.DEATHS, 0, Measure.LOS_DAYS, 7, Measure.TOTAL_COST, 21000,
                Measure.DRUG_COST, 4000, Measure.MATERIAL_COST, 3000, Measure.EXAM_LAB_COST, 2800,
                Measure.SERVICE_REVENUE, 11200, Measure.OPERATED_STAYS, 1, Measure.OPERATION_SESSIONS, 1,
                Measure.GRADE4_SESSIONS, 0, Measure.GRADE3_SESSIONS, 1, Measure.DAY_SURGERY_SESSIONS, 0,
                Measure.READMISSIONS_31D, 0));
    }

    @Test
    void whole_firstQuarter_reportMeasuresOfH001_sumTheMonthsAndTakeTheLatestEmrLevelAndMeanSatisfaction() {
        HospitalMeasures h = whole("2024-01..2024-03", Optional.empty()).get("H001");

        assertMeasures(h, m(Measure.REPORT_MONTHS, 3, Measure.PHYSICIANS, 306, Measure.NURSES, 630,
                Measure.STAFF_SPENDING, 3_750_000, Measure.OPERATING_SPENDING, 9_300_000,
                Measure.ENERGY_SPENDING, 156_000, Measure.TOTAL_REVENUE, 15_600_000,
                Measure.MEDICAL_REVENUE, 12_300_000, Measure.EMR_LEVEL, 5, Measure.OUTPATIENT_VISITS, 33_000,
                Measure.APPOINTMENTS, 13_500, Measure.PATIENT_SATISFACTION, 92,
                Measure.STAFF_SATISFACTION, (80 + 84 + 85.5) / 3, Measure.DRG_DIP_PAID_SPENDING, 2_130_000,
                Measure.ELIGIBLE_INSURANCE_SPENDING, 3_000_000));
    }

    @Test
    void whole_emrLevel_isTheLatestReportedMonth_blankMonthsSkipped() {
        // H003: 2024-01 level 2, 2024-02 level 3, 2024-03 blank → 3
        HospitalMeasures h = whole("2024-01..2024-03", Optional.empty()).get("H003");

        assertMeasures(h, m(Measure.EMR_LEVEL, 3, Measure.REPORT_MONTHS, 3, Measure.PHYSICIANS, 63,
                Measure.PATIENT_SATISFACTION, 86, Measure.STAFF_SATISFACTION, 82));
    }

    @Test
    void whole_blankSatisfactionInEveryMonth_isAbsentNotZero() {
        HospitalMeasures h = whole("2024-01..2024-03", Optional.empty()).get("H002");

        assertMeasures(h, m(Measure.REPORT_MONTHS, 1, Measure.PHYSICIANS, 50, Measure.NURSES, 60,
                Measure.EMR_LEVEL, 4, Measure.PATIENT_SATISFACTION, 88));
        assertThat(h.measures()).doesNotContainKey(Measure.STAFF_SATISFACTION);
    }

    @Test
    void whole_february_seesOnlyFebruaryStaysAndReports_andStillFindsTheReadmissionAfterAJanuaryDischarge() {
        // H001 discharged in February: R02 (readmission of R01, discharged 2023-12-30), R04 (day surgery, grade 3),
        // R05 (grades 3|4): cases 3, los 4+1+4 = 9, total 35000; reports of 2024-02 only
        Map<String, HospitalMeasures> all = whole("2024-02", Optional.empty());
        HospitalMeasures h = all.get("H001");

        assertMeasures(h, m(Measure.CASES, 3, Measure.DEATHS, 0, Measure.LOS_DAYS, 9, Measure.TOTAL_COST, 35000,
                Measure.OPERATION_SESSIONS, 1, Measure.GRADE4_SESSIONS, 0, Measure.GRADE3_SESSIONS, 1,
                Measure.DAY_SURGERY_SESSIONS, 0, Measure.READMISSIONS_31D, 1, Measure.REPORT_MONTHS, 1,
                Measure.PHYSICIANS, 102, Measure.NURSES, 210, Measure.EMR_LEVEL, 6, Measure.PATIENT_SATISFACTION, 92,
                Measure.STAFF_SATISFACTION, 84, Measure.TOTAL_REVENUE, 5_200_000));
        assertMeasures(all.get("H002"), m(Measure.CASES, 1, Measure.READMISSIONS_31D, 0, Measure.PHYSICIANS, 50));
        assertMeasures(all.get("H003"), m(Measure.REPORT_MONTHS, 1, Measure.PHYSICIANS, 21, Measure.EMR_LEVEL, 3));
    }

    @Test
    void whole_registeredHospitalWithoutCases_hasNoCaseMeasures() {
        HospitalMeasures h = whole("2024-01..2024-03", Optional.empty()).get("H003");

        for (Measure m : Measure.values()) {
            if (m.source() == Measure.Source.ABSTRACTS) {
                assertThat(h.measures()).as(m.id()).doesNotContainKey(m);
            }
        }
        assertThat(h.name()).isEqualTo("第三医院");
        assertThat(h.tier()).contains(HospitalTier.COUNTY);
    }

    @Test
    void evaluate_registeredHospitalWithoutCases_caseIndicatorsAreNoData() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            Evaluation e = new RegionEvaluation(dir, Weights.standard()).evaluate(
                    new EvaluationRequest(Q1, Optional.of("430200"), Optional.empty(),
                            Evaluator.DEFAULT_MARGIN, false));

            assertThat(e.rows()).extracting(EvaluationRow::hospitalId).containsOnly("H003");
            Map<String, EvaluationRow> rows = new HashMap<>();
            e.rows().forEach(r -> rows.put(r.indicator().id(), r));
            for (String id : List.of("cmi", "alos", "grade3_4_surgery_share", "service_revenue_share")) {
                assertThat(rows.get(id).status()).as(id).contains(Status.NO_DATA);
                assertThat(rows.get(id).value()).as(id).isEmpty();
                assertThat(rows.get(id).rankInPeers()).as(id).isEmpty();
            }
            // emr level 3 against COUNTY ≥ 4: 3 < 4 − 0.4, not met
            assertThat(rows.get("emr_level").value().getAsDouble()).isEqualTo(3.0);
            assertThat(rows.get("emr_level").status()).contains(Status.NOT_MET);
        }
    }

    @Test
    void hospitals_withoutRegion_areTheRegisterPlusHospitalsWithCasesOnly_inIdOrder() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            List<Hospital> all = new MeasureQuery(dir).hospitals(Optional.empty());

            assertThat(all).containsExactly(
                    new Hospital("H001", "第一医院", Optional.of(HospitalTier.CITY_TERTIARY), GENERAL),
                    new Hospital("H002", "第二医院", Optional.of(HospitalTier.COUNTY), GENERAL),
                    new Hospital("H003", "第三医院", Optional.of(HospitalTier.COUNTY), GENERAL),
                    new Hospital("H009", "H009", Optional.empty()));
            HospitalMeasures h009 = byId(new MeasureQuery(dir).whole(Q1, all)).get("H009");
            assertMeasures(h009, m(Measure.CASES, 1, Measure.LOS_DAYS, 3));
            assertThat(h009.measures()).doesNotContainKey(Measure.REPORT_MONTHS);
        }
    }

    @Test
    void hospitals_byRegionCode_matchTheProvinceCityOrCounty_andLeaveOutUnregisteredHospitals() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            MeasureQuery q = new MeasureQuery(dir);

            assertThat(q.hospitals(Optional.of("430100"))).extracting(Hospital::id)
                    .containsExactly("H001", "H002");
            assertThat(q.hospitals(Optional.of("430200"))).extracting(Hospital::id)
                    .containsExactly("H003");
            assertThat(q.hospitals(Optional.of("430102"))).extracting(Hospital::id)
                    .containsExactly("H001");
            assertThat(q.hospitals(Optional.of("430000"))).extracting(Hospital::id)
                    .containsExactly("H001", "H002", "H003");
            assertThat(q.hospitals(Optional.of("999999"))).isEmpty();
            assertThat(q.whole(Q1, q.hospitals(Optional.of("430100")))).extracting(HospitalMeasures::hospitalId)
                    .containsExactly("H001", "H002");
        }
    }

    @Test
    void monthly_givesEveryMonthOfThePeriodInOrder_emptyMonthsIncluded() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            MeasureQuery q = new MeasureQuery(dir);
            List<Hospital> hospitals = q.hospitals(Optional.empty());

            Map<String, List<HospitalMeasures>> months = q.monthly(EvaluationPeriod.parse("2023-11..2024-05"),
                    hospitals);

            assertThat(new ArrayList<>(months.keySet())).containsExactly("2023-11", "2023-12", "2024-01", "2024-02",
                    "2024-03", "2024-04", "2024-05");
            for (List<HospitalMeasures> list : months.values()) {
                assertThat(list).extracting(HospitalMeasures::hospitalId).containsExactly("H001", "H002", "H003",
                        "H009");
            }
            // H001: Dec R01; Jan R03 R12 R13; Feb R02 R04 R05; Mar R07 R08 R09 R10; Apr R11; none in Nov or May
            double[] cases = {-1, 1, 3, 3, 4, 1, -1};
            double[] readmissions = {-1, 0, 0, 1, 1, 0, -1};
            double[] physicians = {-1, 99, 100, 102, 104, 999, -1};
            int k = 0;
            for (Map.Entry<String, List<HospitalMeasures>> e : months.entrySet()) {
                HospitalMeasures h = e.getValue().get(0);
                if (cases[k] < 0) {
                    assertThat(h.measures()).as(e.getKey()).doesNotContainKeys(Measure.CASES, Measure.PHYSICIANS);
                } else {
                    assertMeasures(h, m(Measure.CASES, cases[k], Measure.READMISSIONS_31D, readmissions[k],
                            Measure.PHYSICIANS, physicians[k], Measure.REPORT_MONTHS, 1));
                }
                k++;
            }
            // May has nothing but its 31 days
            assertThat(months.get("2024-05")).allSatisfy(h -> assertThat(h.measures())
                    .isEqualTo(Map.of(Measure.PERIOD_DAYS, 31.0)));
            assertMeasures(months.get("2024-01").get(0), m(Measure.LOS_DAYS, 3 + 10 + 3, Measure.DEATHS, 1,
                    Measure.EMR_LEVEL, 4, Measure.GRADE4_SESSIONS, 1, Measure.DAY_SURGERY_SESSIONS, 0));
            assertMeasures(months.get("2024-03").get(0), m(Measure.LOS_DAYS, 4 + 3 + 2 + 2, Measure.DEATHS, 1,
                    Measure.EMR_LEVEL, 5, Measure.DAY_SURGERY_SESSIONS, 1, Measure.OPERATION_SESSIONS, 1));
            // April: R11 died, grade 4
            assertMeasures(months.get("2024-04").get(0), m(Measure.DEATHS, 1, Measure.GRADE4_SESSIONS, 1));
        }
    }

    @Test
    void monthly_sumsOfTheMonths_equalTheWholePeriodForAdditiveMeasures() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            MeasureQuery q = new MeasureQuery(dir);
            List<Hospital> hospitals = q.hospitals(Optional.empty());
            Map<String, HospitalMeasures> whole = byId(q.whole(Q1, hospitals));
            Map<String, List<HospitalMeasures>> months = q.monthly(Q1, hospitals);

            List<Measure> additive = List.of(Measure.CASES, Measure.DEATHS, Measure.LOS_DAYS, Measure.TOTAL_COST,
                    Measure.DRUG_COST, Measure.SERVICE_REVENUE, Measure.OPERATION_SESSIONS, Measure.GRADE3_SESSIONS,
                    Measure.DAY_SURGERY_SESSIONS, Measure.READMISSIONS_31D, Measure.PHYSICIANS, Measure.NURSES,
                    Measure.TOTAL_REVENUE, Measure.REPORT_MONTHS);
            for (Hospital h : hospitals) {
                for (Measure m : additive) {
                    double sum = 0;
                    boolean any = false;
                    for (List<HospitalMeasures> list : months.values()) {
                        Double v = byId(list).get(h.id()).measures().get(m);
                        if (v != null) {
                            sum += v;
                            any = true;
                        }
                    }
                    assertThat(any).as(h.id() + " " + m).isEqualTo(whole.get(h.id()).measures().containsKey(m));
                    if (any) {
                        assertThat(whole.get(h.id()).measures().get(m)).as(h.id() + " " + m)
                                .isCloseTo(sum, within(1e-6));
                    }
                }
            }
        }
    }

    @Test
    void whole_weights_absentBeforeStandards_thenEqualSumOfRwOverGroupedCasesOfTheCasesView() throws IOException {
        Path own = build(tmp.resolve("standards"), abstracts());
        String periodSql = "discharge_date BETWEEN DATE '2024-01-01' AND DATE '2024-03-31'";
        try (DataDirectory dir = DataDirectory.openForWriting(own)) {
            MeasureQuery q = new MeasureQuery(dir);
            List<Hospital> hospitals = q.hospitals(Optional.empty());
            Map<String, HospitalMeasures> before = byId(q.whole(Q1, hospitals));
            for (String id : List.of("H001", "H002", "H009")) {
                assertThat(before.get(id).measures()).as(id).doesNotContainKey(Measure.TOTAL_WEIGHT)
                        .containsKey(Measure.GROUPED_CASES);
            }

            new StandardsStore(dir).ensureComputed("chs-drg-1.1");
            Map<String, HospitalMeasures> after = byId(q.whole(Q1, hospitals));

            List<String> expected = Stores.rows(dir.connection(), "SELECT hospital_id, sum(rw), count(*), "
                    + "count(DISTINCT drg) FROM cases WHERE status = 'GROUPED' AND " + periodSql
                    + " GROUP BY 1 ORDER BY 1");
            assertThat(expected).isNotEmpty();
            long grouped = 0;
            for (String row : expected) {
                String[] f = row.split("\\|");
                Map<Measure, Double> got = after.get(f[0]).measures();
                assertThat(got.get(Measure.GROUPED_CASES)).as(f[0]).isEqualTo(Double.parseDouble(f[2]));
                assertThat(got.get(Measure.DRG_COUNT)).as(f[0]).isEqualTo(Double.parseDouble(f[3]));
                if (f[1].equals("NULL")) {
                    assertThat(got).as(f[0]).doesNotContainKey(Measure.TOTAL_WEIGHT);
                } else {
                    assertThat(got.get(Measure.TOTAL_WEIGHT)).as(f[0])
                            .isCloseTo(Double.parseDouble(f[1]), within(1e-9));
                }
                grouped += Long.parseLong(f[2]);
            }
            assertThat(grouped).isEqualTo(Stores.number(dir.connection(),
                    "SELECT count(*) FROM cases WHERE status = 'GROUPED' AND " + periodSql));
            // hospitals without grouped cases in the period have grouped_cases 0 (or no case at all: absent)
            for (Hospital h : hospitals) {
                if (expected.stream().noneMatch(r -> r.startsWith(h.id() + "|"))) {
                    Double g = after.get(h.id()).measures().get(Measure.GROUPED_CASES);
                    assertThat(g == null || g == 0.0).as(h.id()).isTrue();
                }
            }
            // low-risk cases and deaths: grouped cases of DRGs at risk level 1 of the latest standards
            for (String row : Stores.rows(dir.connection(), "SELECT c.hospital_id, count(*), "
                    + "count(*) FILTER (WHERE c.discharge_method = '5') FROM cases c JOIN standards s USING (drg) "
                    + "WHERE c.status = 'GROUPED' AND s.risk_level = 1 AND " + periodSql.replace("discharge_date",
                    "c.discharge_date") + " GROUP BY 1")) {
                String[] f = row.split("\\|");
                assertThat(after.get(f[0]).measures().get(Measure.LOW_RISK_CASES)).as(f[0])
                        .isEqualTo(Double.parseDouble(f[1]));
                assertThat(after.get(f[0]).measures().get(Measure.LOW_RISK_DEATHS)).as(f[0])
                        .isEqualTo(Double.parseDouble(f[2]));
            }
        }
    }

    /**
     * A readmission is a stay admitted 0–31 days after the same patient's previous discharge in the same hospital,
     * however long the readmission stay lasts. Here the previous stay was discharged 2023-08-20 and the patient
     * came back on 2023-09-01 (12 days later) for a 131-day stay discharged 2024-01-10, inside the period: one
     * readmission.
     */
    @Test
    void whole_readmissionWithALongStay_isCountedWhateverTheGapBetweenPreviousDischargeAndThePeriod()
            throws IOException {
        Path own = build(tmp.resolve("longstay"), List.of(
                medical("H001", "L1", "PL").stay("2023-08-01", "2023-08-20", 19).total("10000.00"),
                medical("H001", "L2", "PL").stay("2023-09-01", "2024-01-10", 131).total("10000.00")));
        try (DataDirectory dir = DataDirectory.openForWriting(own)) {
            MeasureQuery q = new MeasureQuery(dir);
            HospitalMeasures h = byId(q.whole(Q1, q.hospitals(Optional.empty()))).get("H001");

            assertMeasures(h, m(Measure.CASES, 1, Measure.LOS_DAYS, 131, Measure.READMISSIONS_31D, 1));
        }
    }
}

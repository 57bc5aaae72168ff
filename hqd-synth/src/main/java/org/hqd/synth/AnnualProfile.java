package org.hqd.synth;

import java.util.EnumMap;
import java.util.SplittableRandom;
import org.hqd.evaluation.Measure;
import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.HospitalType;

/**
 * A hospital's steady levels for its yearly report (drawn once) and the values of one year around them. The ranges
 * are set by hand in the order of magnitude of published national figures for public hospitals (三级公立医院绩效考核
 * national reports and the health statistics yearbook): 高级职称 about 12 % of health technicians in county hospitals
 * to 24 % in national centres; anaesthesia, paediatric, intensive-care, pathology and TCM physicians about a fifth of
 * physicians (paediatrics a quarter more in maternal-child hospitals, TCM over half in TCM hospitals); large-equipment
 * positive rate 62–82 %; 30–50 antibiotic DDDs per 100 bed-days; 4–15 % of prescriptions reviewed; essential drugs in
 * 50–70 % of outpatient prescriptions and 90–98 % of inpatients; 80–95 % of 集采 molecules' use on the selected drugs;
 * appointment waits of 5–35 minutes; debt-to-asset ratio 25–60 %; survey satisfaction 82–92 (outpatient) and 88–96
 * (inpatient); research funding per 100 health technicians from tens of thousands of yuan in county hospitals to
 * millions in national centres.
 */
final class AnnualProfile {
    private final Hospital hospital;
    private final int tier;
    private final double senior;
    private final double[] specialties;
    private final double research;
    private final double debt;
    private final double assetsPerRevenue;
    private final boolean chiefAccountant;
    private final double outpatientSatisfaction;
    private final double inpatientSatisfaction;
    private final double ddd;
    private final double essential;
    private final double wait;
    private final double eqa;
    private final double varieties;

    private AnnualProfile(Hospital hospital, SplittableRandom r) {
        this.hospital = hospital;
        this.tier = hospital.tier().ordinal();
        HospitalType type = hospital.type();
        senior = new double[] {0.24, 0.22, 0.20, 0.17, 0.12}[tier] * (0.85 + 0.3 * r.nextDouble());
        specialties = new double[] {
            0.045 + 0.02 * r.nextDouble(),
            type == HospitalType.MATERNAL_CHILD ? 0.25 + 0.1 * r.nextDouble()
                : type == HospitalType.SPECIALTY ? 0.01 + 0.01 * r.nextDouble() : 0.05 + 0.03 * r.nextDouble(),
            0.02 + 0.015 * r.nextDouble(),
            (tier == HospitalTier.COUNTY.ordinal() ? 0.008 : 0.012) + 0.008 * r.nextDouble(),
            type == HospitalType.TCM ? 0.55 + 0.15 * r.nextDouble() : 0.03 + 0.03 * r.nextDouble()};
        double[][] funding = {{2e6, 6e6}, {8e5, 2.5e6}, {3e5, 1e6}, {5e4, 3e5}, {0, 3e4}};
        research = funding[tier][0] + (funding[tier][1] - funding[tier][0]) * r.nextDouble();
        debt = 0.25 + 0.35 * r.nextDouble();
        assetsPerRevenue = 1.0 + 0.8 * r.nextDouble();
        chiefAccountant = r.nextDouble() < new double[] {0.95, 0.95, 0.9, 0.75, 0.45}[tier];
        outpatientSatisfaction = 82 + 10 * r.nextDouble();
        inpatientSatisfaction = 88 + 8 * r.nextDouble();
        ddd = (tier == HospitalTier.COUNTY.ordinal() ? 35 : 30) + 15 * r.nextDouble();
        essential = 0.5 + 0.2 * r.nextDouble();
        wait = (tier == HospitalTier.COUNTY.ordinal() ? 5 : 10) + 25 * r.nextDouble();
        eqa = new double[] {150, 130, 110, 80, 40}[tier] + 60 * r.nextDouble();
        varieties = new double[] {1300, 1100, 1000, 800, 500}[tier] + 350 * r.nextDouble();
    }

    static AnnualProfile draw(Hospital h, SplittableRandom r) {
        return new AnnualProfile(h, r);
    }

    /** The report of one year: every measure of the yearly report, in its unit (yuan, persons, minutes, 0–100). */
    EnumMap<Measure, Double> year(AnnualReportWriter.YearInputs y, SplittableRandom r) {
        EnumMap<Measure, Double> v = new EnumMap<>(Measure.class);
        double physicians = y.physicians();
        double staff = Math.round((physicians + y.nurses() + y.pharmacists()) * (1.20 + 0.08 * r.nextDouble()));
        v.put(Measure.HEALTH_TECH_STAFF, staff);
        v.put(Measure.SENIOR_TITLE_STAFF, (double) Math.round(staff * senior * jitter(r, 0.03)));
        Measure[] five = {Measure.ANAESTHESIA_PHYSICIANS, Measure.PAEDIATRIC_PHYSICIANS,
            Measure.CRITICAL_CARE_PHYSICIANS, Measure.PATHOLOGY_PHYSICIANS, Measure.TCM_PHYSICIANS};
        for (int i = 0; i < five.length; i++) {
            v.put(five[i], (double) Math.round(physicians * specialties[i] * jitter(r, 0.04)));
        }
        double teaching = new double[] {1.0, 0.65, 0.4, 0.18, 0.04}[tier];
        double trainees = Math.round(300 * teaching * (0.7 + 0.6 * r.nextDouble()));
        v.put(Measure.TRAINEES_RECEIVED, trainees);
        v.put(Measure.TRAINEES_RETURNED_INDEPENDENT, (double) Math.round(trainees * (0.75 + 0.2 * r.nextDouble())));
        double takers = Math.max(2, Math.round(120 * teaching * (0.7 + 0.6 * r.nextDouble())));
        v.put(Measure.RESIDENT_EXAM_TAKERS, takers);
        v.put(Measure.RESIDENT_EXAM_PASSED, (double) Math.round(takers * (0.65 + 0.3 * r.nextDouble())));
        double months = y.months / 12.0;
        double revenue = y.totalRevenueCents / 100.0;
        v.put(Measure.TRAINING_FUNDING, revenue * (0.002 + 0.006 * r.nextDouble()));
        double funding = research * months * staff / 100 * jitter(r, 0.1);
        v.put(Measure.RESEARCH_FUNDING, funding);
        v.put(Measure.RESEARCH_TRANSFER_AMOUNT, funding * 0.12 * r.nextDouble());
        double exams = Math.round((y.visits * 0.05 + y.stays * 0.8) * jitter(r, 0.1));
        v.put(Measure.LARGE_EQUIPMENT_EXAMS, exams);
        v.put(Measure.LARGE_EQUIPMENT_POSITIVE, (double) Math.round(exams * (0.62 + 0.2 * r.nextDouble())));
        v.put(Measure.LARGE_EQUIPMENT_QC, r.nextDouble() < 0.93 ? 1.0 : 0.0);
        double national = Math.round(eqa + 6 * (r.nextDouble() - 0.5));
        v.put(Measure.EQA_ITEMS_PASSED, national);
        double provincial = Math.round(national * (1.2 + 0.3 * r.nextDouble()));
        v.put(Measure.PROVINCIAL_EQA_PARTICIPATED, provincial);
        v.put(Measure.PROVINCIAL_EQA_PASSED, (double) Math.round(provincial * (0.95 + 0.05 * r.nextDouble())));
        double wards = Math.max(2, Math.round(hospital.beds() / 42.0));
        v.put(Measure.WARDS, wards);
        v.put(Measure.QUALITY_NURSING_WARDS, (double) Math.round(wards * (0.85 + 0.15 * r.nextDouble())));
        double outpatient = Math.round(y.visits * (0.55 + 0.2 * r.nextDouble()));
        double prescriptions = outpatient + Math.round(y.stays * (6 + 4 * r.nextDouble()));
        v.put(Measure.PRESCRIPTIONS, prescriptions);
        v.put(Measure.PRESCRIPTIONS_REVIEWED, (double) Math.round(prescriptions * (0.04 + 0.11 * r.nextDouble())));
        v.put(Measure.ANTIBIOTIC_DDDS, y.bedDays * ddd / 100 * jitter(r, 0.05));
        v.put(Measure.OUTPATIENT_PRESCRIPTIONS, outpatient);
        v.put(Measure.OUTPATIENT_ESSENTIAL_PRESCRIPTIONS,
                (double) Math.round(outpatient * essential * jitter(r, 0.02)));
        v.put(Measure.INPATIENTS_ESSENTIAL_DRUGS, (double) Math.round(y.stays * (0.90 + 0.08 * r.nextDouble())));
        double drugs = Math.round(varieties + 40 * (r.nextDouble() - 0.5));
        v.put(Measure.DRUG_VARIETIES, drugs);
        double essentialShare = (tier == HospitalTier.COUNTY.ordinal() ? 0.45 : 0.38) + 0.12 * r.nextDouble();
        v.put(Measure.ESSENTIAL_DRUG_VARIETIES, (double) Math.round(drugs * essentialShare));
        double molecules = Math.round(y.visits * 0.4 + y.stays * 10.0);
        v.put(Measure.VBP_MOLECULE_USAGE, molecules);
        v.put(Measure.VBP_DRUG_USAGE, (double) Math.round(molecules * (0.80 + 0.15 * r.nextDouble())));
        double outpatientRevenue = y.outpatientCents() / 100.0;
        double inpatientRevenue = y.inpatientCents / 100.0;
        // drug revenue: 38 % of outpatient revenue (as the synthetic finance), about a quarter of inpatient charges
        double drugRevenue = 0.38 * outpatientRevenue + 0.25 * inpatientRevenue;
        double purchase = 0.92 * drugRevenue;
        v.put(Measure.DRUG_PURCHASE_AMOUNT, purchase);
        v.put(Measure.ESSENTIAL_DRUG_PURCHASE_AMOUNT, purchase * (0.25 + 0.15 * r.nextDouble()));
        v.put(Measure.VBP_PURCHASE_AMOUNT, purchase * (0.08 + 0.12 * r.nextDouble()));
        v.put(Measure.KEY_MONITORED_DRUG_REVENUE, drugRevenue * (0.02 + 0.06 * r.nextDouble()));
        v.put(Measure.KEY_MONITORED_CONSUMABLES_REVENUE, 0.2 * inpatientRevenue * (0.05 + 0.15 * r.nextDouble()));
        v.put(Measure.APPOINTMENT_WAIT_MINUTES, wait * jitter(r, 0.1));
        double down = tier == HospitalTier.COUNTY.ordinal() ? 0.0002 + 0.0008 * r.nextDouble()
                : 0.001 + 0.005 * r.nextDouble();
        v.put(Measure.OUTPATIENT_REFERRALS_DOWN, (double) Math.round(y.visits * down));
        double special = tier <= HospitalTier.NATIONAL_REGIONAL.ordinal() ? 0.02
                : tier == HospitalTier.COUNTY.ordinal() ? 0.0 : 0.008;
        v.put(Measure.SPECIAL_NEEDS_REVENUE, y.medicalRevenueCents / 100.0 * special * r.nextDouble());
        v.put(Measure.OUTPATIENT_INSURANCE_REVENUE, outpatientRevenue * (0.18 + 0.22 * r.nextDouble()));
        v.put(Measure.INPATIENT_INSURANCE_REVENUE, y.fundCents / 100.0);
        double assets = revenue / months * assetsPerRevenue * jitter(r, 0.03);
        v.put(Measure.TOTAL_ASSETS, assets);
        v.put(Measure.TOTAL_LIABILITIES, assets * Math.min(0.95, debt + 0.03 * (r.nextDouble() - 0.5)));
        v.put(Measure.CHIEF_ACCOUNTANT, chiefAccountant ? 1.0 : 0.0);
        v.put(Measure.OUTPATIENT_SATISFACTION, Math.min(100, outpatientSatisfaction + 2 * (r.nextDouble() - 0.5)));
        v.put(Measure.INPATIENT_SATISFACTION, Math.min(100, inpatientSatisfaction + 2 * (r.nextDouble() - 0.5)));
        return v;
    }

    /** 1 ± up to {@code spread}, uniformly. */
    private static double jitter(SplittableRandom r, double spread) {
        return 1 + spread * (2 * r.nextDouble() - 1);
    }
}

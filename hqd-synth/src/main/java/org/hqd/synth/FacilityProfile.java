package org.hqd.synth;

import java.util.SplittableRandom;

/**
 * The steady levels of one hospital's facility reports, drawn once per hospital: staffing ratios, the inpatient
 * share of medical revenue, subsidies, spending shares, outpatient visits per discharge, EMR level (and the month it
 * rises, if it does), appointment rate, satisfaction and the DRG/DIP-paid share with their trends.
 */
record FacilityProfile(int beds, double physiciansPerBed, double nursesPerPhysician, double pharmacistsPerBed,
                       double inpatientShare, double otherIncome, double operatingShare, double staffShare,
                       double energyShare, double visitsPerDischarge, double appointmentRate, double appointmentTrend,
                       double patientSatisfaction, double staffSatisfaction, int emrLevel, int emrRiseMonth,
                       double drgShare, double drgTrend) {

    static FacilityProfile draw(Hospital h, int months, SplittableRandom r) {
        TierTraits t = TierTraits.of(h.tier());
        int emr = Math.max(3, Math.min(6, (int) Math.floor(t.emr() + r.nextDouble())));
        int rise = emr < 6 && r.nextDouble() < 0.35 ? 1 + r.nextInt(Math.max(1, months)) : Integer.MAX_VALUE;
        return new FacilityProfile(h.beds(), uniform(r, 0.30, 0.45), uniform(r, 1.5, 2.2), uniform(r, 0.03, 0.05),
                uniform(r, 0.55, 0.65), uniform(r, 0.05, 0.14), uniform(r, 0.87, 0.96), uniform(r, 0.32, 0.43),
                uniform(r, 0.006, 0.014), t.visitsPerDischarge() * uniform(r, 0.75, 1.25), uniform(r, 0.5, 0.68),
                uniform(r, 0.002, 0.006), uniform(r, 82, 94), uniform(r, 78, 90), emr, rise, uniform(r, 0.5, 0.75),
                uniform(r, 0.004, 0.012));
    }

    /**
     * Month {@code m} of the report, given the month's discharges, their cost and insurance-fund spending (cents).
     * Medical revenue is at least the inpatient cost; total revenue at least medical revenue. Outpatient visits
     * follow the discharges (门诊人次数与出院人次数比 is a steady level of the hospital), not the outpatient
     * revenue: a hospital of costly stays does not see more outpatients for it.
     */
    FacilityMonth month(int m, long inpatientCents, long fundCents, int discharges, SplittableRandom r) {
        int physicians = (int) Math.round(beds * physiciansPerBed * (1 + 0.002 * m) * (1 + 0.005 * Normal.draw(r)));
        int nurses = (int) Math.round(physicians * nursesPerPhysician * (1 + 0.005 * Normal.draw(r)));
        int pharmacists = Math.max(1, (int) Math.round(beds * pharmacistsPerBed));
        double share = clamp(inpatientShare + 0.02 * Normal.draw(r), 0.5, 0.7);
        long medical = (long) Math.ceil(inpatientCents / share);
        long total = medical + Math.round(medical * otherIncome * clamp(1 + 0.1 * Normal.draw(r), 0.7, 1.3));
        long operating = Math.round(total * clamp(operatingShare + 0.01 * Normal.draw(r), 0.85, 0.98));
        long staff = Math.round(operating * clamp(staffShare + 0.01 * Normal.draw(r), 0.30, 0.45));
        long energy = Math.round(total * clamp(energyShare + 0.0005 * Normal.draw(r), 0.005, 0.015));
        int emr = m >= emrRiseMonth ? emrLevel + 1 : emrLevel;
        long visits = Math.round(discharges * visitsPerDischarge * (1 + 0.03 * Normal.draw(r)));
        long appointments = Math.round(visits * Math.min(0.8, appointmentRate + appointmentTrend * m));
        int patient = tenths(clamp(patientSatisfaction + Normal.draw(r), 75, 98));
        int staffScore = tenths(clamp(staffSatisfaction + Normal.draw(r), 75, 98));
        double paidShare = clamp(drgShare + drgTrend * m + 0.01 * Normal.draw(r), 0.5, 0.95);
        return new FacilityMonth(physicians, nurses, pharmacists, total, medical, operating, staff, energy, emr, visits,
                appointments, patient, staffScore, Math.round(fundCents * paidShare), fundCents);
    }

    private static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    private static int tenths(double score) {
        return (int) Math.round(score * 10);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}

package org.hqd.synth;

import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.HospitalType;

/**
 * One hospital of a synthetic province: its register entry and the traits that shape its cases.
 *
 * @param index           position in the register, from 0
 * @param costFactor      its prices and intensity against peers (0.8 cheaper … 1.3 dearer)
 * @param readmissionRate share of its patients who come back within 31 days
 * @param leans           where it stands against its tier's targets, in standard deviations ({@link Leans})
 * @param physicianSeed   seed of its physicians' numbers and efficiency factors
 */
record Hospital(int index, String id, String name, City city, County county, HospitalTier tier, HospitalType type,
                Specialty specialty, int beds, double costFactor, double readmissionRate,
                Leans leans, long physicianSeed) {

    /**
     * How far a hospital's CMI, average length of stay, share of medical-service revenue and day-surgery share lie
     * from its tier's targets, in standard deviations of the spread among peers: positive is a higher value (a
     * longer stay for {@code alos}). The calibration turns them into case mix, stay lengths, charge structure and
     * the share of eligible operations done as day surgery.
     */
    record Leans(double cmi, double alos, double service, double daySurgery) {
    }

    /**
     * How much more often than its tier a procedure here is graded one level up (positive) or down (negative): a
     * hospital that treats heavier cases than its peers (its CMI lean) also operates at higher grades, so its
     * 四级手术比例 lies on the same side of its tier's target.
     */
    double gradeShift() {
        return GRADE_SPREAD * leans.cmi();
    }

    /** The grade shift of a hospital one standard deviation from its tier. */
    static final double GRADE_SPREAD = 0.12;

    /** How many attending physicians (主治医师) a department has: several, more in larger hospitals. */
    int physiciansIn(Department d) {
        double base = Math.min(16.0, 2.0 + beds / 150.0);
        double u = Seeds.unit(Seeds.mix(physicianSeed + 31L * d.ordinal()));
        return Math.max(2, (int) Math.round(base * (0.6 + 0.8 * u)));
    }

    /**
     * The persistent efficiency factor of physician {@code k} of a department: the same every time that
     * physician treats a patient (0.75–1.35, mostly 0.9–1.1).
     */
    double physicianFactor(Department d, int k) {
        double z = Seeds.gaussian(Seeds.mix(physicianSeed + 1009L * d.ordinal() + 7L * k + 1));
        return Math.max(0.75, Math.min(1.35, StrictMath.exp(0.12 * z)));
    }
}

package org.hqd.synth;

import org.hqd.hospital.HospitalTier;

/**
 * How hospitals of one tier differ in a synthetic province: size, volume, prices, length of stay, case mix,
 * surgery, referrals, insurance and information systems. Factors are relative to a city tertiary hospital (1.0).
 *
 * @param minBeds        fewest beds of a general hospital of the tier
 * @param maxBeds        most beds of a general hospital of the tier
 * @param volume         discharges per bed
 * @param cost           price and intensity of care
 * @param los            length of stay
 * @param surgical       frequency of surgical DRGs
 * @param nonOr          frequency of non-operating-room procedure DRGs
 * @param medical        frequency of medical DRGs
 * @param mcc            frequency of DRGs with an MCC (and of MDCA)
 * @param cc             frequency of DRGs with a CC
 * @param heavySurgery   frequency of the heaviest surgical ADRGs (second letter A–C)
 * @param gradeUp        chance that a procedure is graded one level higher than usual
 * @param gradeDown      chance that it is graded one level lower
 * @param transferIn     share of stays admitted from another hospital (入院途径 3)
 * @param transferOut    share of stays discharged to another hospital (离院方式 2)
 * @param employeeInsured share of patients with employee insurance (城镇职工基本医疗保险)
 * @param emr            typical EMR application level; a hospital's is this plus a uniform [0, 1), rounded down
 * @param visitsPerDischarge typical outpatient and emergency visits per discharge (门诊人次数与出院人次数比); a
 *                   hospital's is drawn within ±25 % of it
 */
record TierTraits(int minBeds, int maxBeds, double volume, double cost, double los, double surgical, double nonOr,
                  double medical, double mcc, double cc, double heavySurgery, double gradeUp,
                  double gradeDown, double transferIn, double transferOut, double employeeInsured, double emr,
                  double visitsPerDischarge) {

    static TierTraits of(HospitalTier tier) {
        switch (tier) {
            case NATIONAL_CENTER:
                return new TierTraits(2500, 4500, 1.3, 1.28, 0.88, 2.0, 1.4, 0.6, 1.8, 1.3, 1.9,
                        0.45, 0.0, 0.10, 0.010, 0.42, 5.6, 18);
            case NATIONAL_REGIONAL:
                return new TierTraits(1500, 3000, 1.25, 1.25, 0.92, 1.7, 1.3, 0.7, 1.5, 1.2, 1.6,
                        0.40, 0.02, 0.08, 0.012, 0.40, 5.2, 17.5);
            case PROVINCIAL_REGIONAL:
                return new TierTraits(900, 2000, 1.15, 1.15, 0.95, 1.4, 1.2, 0.8, 1.3, 1.15, 1.3,
                        0.24, 0.05, 0.06, 0.015, 0.37, 4.8, 17);
            case CITY_TERTIARY:
                return new TierTraits(500, 1500, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
                        0.10, 0.10, 0.04, 0.020, 0.33, 4.2, 16);
            default:
                return new TierTraits(200, 800, 0.9, 0.8, 1.05, 0.75, 0.85, 1.2, 0.75, 0.9, 0.5,
                        0.0, 0.25, 0.015, 0.045, 0.18, 3.4, 11);
        }
    }
}

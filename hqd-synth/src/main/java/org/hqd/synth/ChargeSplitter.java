package org.hqd.synth;

import java.util.SplittableRandom;

/**
 * Splits the cost of a stay over the 14 charge categories of the settlement list (in {@code ChargeCategory}
 * order) with shares typical of its kind of care: surgical stays spend more on the operation and on materials,
 * medical stays on drugs, examinations and laboratory tests; TCM hospitals on herbal and patent medicines. Every
 * part is rounded to the cent and the total is the sum of the rounded parts, so they always add up exactly.
 */
final class ChargeSplitter {
    /** bed, consultation, exam, lab, treatment, surgery, nursing, material, western, herbal, patent, general, registration, other. */
    private static final double[] SURGICAL =
        {0.04, 0.010, 0.06, 0.07, 0.08, 0.16, 0.04, 0.28, 0.18, 0.003, 0.020, 0.030, 0, 0.017};
    private static final double[] NON_OR =
        {0.05, 0.015, 0.10, 0.10, 0.15, 0.02, 0.05, 0.18, 0.24, 0.005, 0.030, 0.035, 0, 0.025};
    private static final double[] MEDICAL =
        {0.07, 0.020, 0.13, 0.14, 0.12, 0.00, 0.06, 0.07, 0.28, 0.010, 0.050, 0.040, 0, 0.020};
    private static final int SURGERY = 5;
    private static final int MATERIAL = 7;
    private static final int WESTERN = 8;
    private static final int HERBAL = 9;
    private static final int PATENT = 10;
    private static final int TREATMENT = 4;
    private static final int REGISTRATION = 12;
    /** The medical-service categories (医疗服务收入: total − drugs − material − exam − lab). */
    private static final boolean[] SERVICE =
        {true, true, false, false, true, true, true, false, false, false, false, true, true, true};

    private ChargeSplitter() {
    }

    /**
     * Fills {@code parts} with cents per category and returns their sum.
     *
     * @param cents     the cost to split, in cents
     * @param procedure whether the stay had a procedure (no operation fee without one)
     * @param cancer    whether the stay is cancer care (chemotherapy drugs)
     * @param service   the hospital's factor on the medical-service categories
     * @param weights   scratch space of 14 numbers (overwritten), so that a split allocates nothing
     */
    static long split(SplittableRandom r, GroupKind kind, boolean tcm, boolean procedure, boolean cancer,
                      double service, long cents, long[] parts, double[] weights) {
        double[] base = kind == GroupKind.SURGICAL ? SURGICAL : kind == GroupKind.NON_OR ? NON_OR : MEDICAL;
        for (int i = 0; i < 14; i++) {
            weights[i] = base[i] * (0.7 + 0.6 * r.nextDouble()) * (SERVICE[i] ? service : 1.0);
        }
        if (!procedure) {
            weights[SURGERY] = 0;
            weights[MATERIAL] *= 0.6;
        }
        if (cancer && kind != GroupKind.SURGICAL) {
            weights[WESTERN] *= 1.7;
        }
        if (tcm) {
            weights[HERBAL] *= 8;
            weights[PATENT] *= 2.5;
            weights[WESTERN] *= 0.7;
            weights[TREATMENT] *= 1.2;
        } else if (r.nextDouble() < 0.6) {
            weights[HERBAL] = 0;
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        long registration = r.nextDouble() < 0.25 && cents > 50_000 ? 100L * (1 + r.nextInt(20)) : 0;
        long rest = cents - registration;
        long total = registration;
        for (int i = 0; i < 14; i++) {
            parts[i] = Math.round(rest * weights[i] / sum);
            total += parts[i];
        }
        parts[REGISTRATION] += registration;
        return total;
    }

    /**
     * The share of medical-service charges a stay of this kind has on average with this service factor (a stay
     * with a procedure, not cancer care; TCM hospitals' drug weights; herbal drugs in 40 % of other stays).
     */
    static double expectedServiceShare(GroupKind kind, boolean tcm, double service) {
        double[] base = kind == GroupKind.SURGICAL ? SURGICAL : kind == GroupKind.NON_OR ? NON_OR : MEDICAL;
        double in = 0;
        double out = 0;
        for (int i = 0; i < 14; i++) {
            double w = base[i];
            if (tcm) {
                w *= i == HERBAL ? 8 : i == PATENT ? 2.5 : i == WESTERN ? 0.7 : i == TREATMENT ? 1.2 : 1;
            } else if (i == HERBAL) {
                w *= 0.4;
            }
            if (SERVICE[i]) {
                in += w * service;
            } else {
                out += w;
            }
        }
        return in / (in + out);
    }
}

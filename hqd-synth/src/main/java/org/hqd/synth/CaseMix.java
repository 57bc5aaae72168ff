package org.hqd.synth;

import java.util.List;
import java.util.SplittableRandom;
import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.HospitalType;

/**
 * The DRG frequencies of one kind of hospital (tier, type, specialty): the province's {@link DrgPopularity},
 * shifted towards surgical, complex and MCC groups in higher tiers, towards medical and simple groups in county
 * hospitals, and towards the field of a TCM, maternal-child or specialty hospital. {@link Calibration} then tilts
 * these frequencies per hospital towards heavier or lighter groups to reach the hospital's CMI.
 */
final class CaseMix {
    private final List<DrgGroup> groups;
    private final AliasTable table;

    CaseMix(List<DrgGroup> groups, double[] weights) {
        this.groups = groups;
        this.table = new AliasTable(weights);
    }

    /** The frequencies of the groups, in the order of {@code groups}, for hospitals of this tier, type and specialty. */
    static double[] weights(List<DrgGroup> groups, double[] popularity, HospitalTier tier, HospitalType type,
                            Specialty specialty) {
        TierTraits t = TierTraits.of(tier);
        double[] w = new double[groups.size()];
        for (int i = 0; i < w.length; i++) {
            DrgGroup g = groups.get(i);
            w[i] = popularity[i] * tierFactor(g, t) * typeFactor(g, type, specialty);
        }
        return w;
    }

    DrgGroup sample(SplittableRandom r) {
        return groups.get(table.sample(r));
    }

    private static double tierFactor(DrgGroup g, TierTraits t) {
        double f;
        switch (g.kind()) {
            case SURGICAL:
                f = t.surgical() * (g.code().charAt(1) <= 'C' ? t.heavySurgery() : 1.0);
                break;
            case NON_OR: f = t.nonOr(); break;
            default: f = t.medical(); break;
        }
        if (g.complication() == Complication.MCC) {
            f *= t.mcc();
        } else if (g.complication() == Complication.CC) {
            f *= t.cc();
        }
        return g.mdc() == 'A' ? f * t.mcc() * t.mcc() : f;
    }

    private static double typeFactor(DrgGroup g, HospitalType type, Specialty specialty) {
        char mdc = g.mdc();
        switch (type) {
            case TCM:
                double kind = g.kind() == GroupKind.SURGICAL ? 0.5 : g.kind() == GroupKind.NON_OR ? 0.8 : 1.3;
                return kind * (mdc == 'X' ? 2.0 : mdc == 'I' ? 1.3 : mdc == 'O' || mdc == 'P' ? 0.3 : 1.0);
            case MATERNAL_CHILD:
                // gynaecology, but not the radical cancer surgery of oncology departments
                return mdc == 'O' || mdc == 'P' ? 25.0 : mdc == 'N' ? (g.cancerShare() > 0.5 ? 1.0 : 8.0) : 0.1;
            case SPECIALTY:
                return specialtyFactor(g, specialty);
            default:
                return 1.0;
        }
    }

    private static double specialtyFactor(DrgGroup g, Specialty specialty) {
        char mdc = g.mdc();
        switch (specialty) {
            case ONCOLOGY: return 0.05 + 30.0 * g.cancerShare() + (mdc == 'R' ? 30.0 : 0.0);
            case ORTHOPEDICS: return mdc == 'I' ? 30.0 : mdc == 'Z' ? 5.0 : 0.05;
            case OPHTHALMOLOGY: return mdc == 'C' ? 20.0 : 0.02;
            case PSYCHIATRY: return mdc == 'T' ? 20.0 : mdc == 'U' ? 12.0 : 0.02;
            default: return 1.0;
        }
    }
}

package org.hqd.synth;

import java.util.Optional;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.Target;
import org.hqd.evaluation.TargetSet;
import org.hqd.hospital.HospitalTier;

/**
 * The tier targets a synthetic province is calibrated against: CMI, average length of stay and share of
 * medical-service revenue and day-surgery share of a target set (by default the bundled {@code design-default}), for a year. A tier the
 * set gives no target falls back to the province's mean CMI 1, 8 days, 35 % and 10 %.
 */
final class TierTargets {
    static final String CMI = "cmi";
    static final String ALOS = "alos";
    static final String SERVICE_SHARE = "service_revenue_share";
    static final String DAY_SURGERY = "day_surgery_share";

    private final TargetSet set;
    private final int year;

    TierTargets(TargetSet set, int year) {
        this.set = set;
        this.year = year;
    }

    /** The bundled target set, for the targets of {@code year}. */
    static TierTargets standard(int year) {
        return new TierTargets(TargetSet.standard(IndicatorCatalog.standard()), year);
    }

    double cmi(HospitalTier tier) {
        return value(CMI, tier, 1.0);
    }

    double alos(HospitalTier tier) {
        return value(ALOS, tier, 8.0);
    }

    double daySurgery(HospitalTier tier) {
        return value(DAY_SURGERY, tier, 0.10);
    }

    double serviceShare(HospitalTier tier) {
        return value(SERVICE_SHARE, tier, 0.35);
    }

    private double value(String indicator, HospitalTier tier, double fallback) {
        Optional<Target> t = set.applicable(indicator, Optional.of(tier), year);
        return t.map(Target::value).orElse(fallback);
    }
}

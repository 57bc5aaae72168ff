package org.hqd.payment;

import java.util.List;

/**
 * The high-outlier rule (高倍率): the multiple by weight band, and how such a case's points are computed.
 *
 * @param bands ascending by {@code weightAtMost}, the last one open-ended
 */
public record HighOutliers(String source, List<OutlierBand> bands, PointsFormula points) {
    public HighOutliers {
        bands = List.copyOf(bands);
    }

    /** The multiple for a group of this weight: that of the first band whose upper weight is at least it. */
    public double multipleFor(double weight) {
        for (OutlierBand b : bands) {
            if (weight <= b.weightAtMost()) {
                return b.multiple();
            }
        }
        return bands.get(bands.size() - 1).multiple();
    }
}

package org.hqd.payment;

/**
 * A weight band of the high-outlier rule: a case of a group whose weight is at most {@code weightAtMost} (and above
 * the previous band's) is a high outlier when its charges are at least {@code multiple} times the group's mean cost.
 *
 * @param weightAtMost the band's upper weight; {@link Double#POSITIVE_INFINITY} for the last band
 */
public record OutlierBand(double weightAtMost, double multiple) {
    public OutlierBand {
        if (!(multiple > 0) || Double.isNaN(weightAtMost)) {
            throw new IllegalArgumentException("multiple > 0, weightAtMost a number");
        }
    }
}

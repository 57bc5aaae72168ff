package org.hqd.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The province-wide frequency of each DRG before hospitals differ: a plausible share of discharges per MDC
 * (circulatory and respiratory diseases most, HIV and multiple trauma least), split over the MDC's DRGs by a
 * Zipf–Mandelbrot law 1 / (rank + 2) over a ranking drawn from the seed, in which medical and uncomplicated groups
 * tend to rank high. So a few DRGs are common and many are rare.
 */
final class DrgPopularity {
    /** Relative share of discharges of MDC A, B, …, Z. */
    private static final double[] MDC_SHARES = {
        0.5, 9, 3, 4, 12, 13, 9, 5, 8, 3, 4, 4, 2, 4, 6, 2, 1.5, 6, 2, 1, 0.3, 1, 0.3, 1.5, 0.1, 0.5};
    private static final double OFFSET = 2.0;

    private DrgPopularity() {
    }

    /** The popularity of each group, in the order of {@code groups}; they sum to the shares of the MDCs present. */
    static double[] of(List<DrgGroup> groups, long seed) {
        int n = groups.size();
        SplittableRandom r = new SplittableRandom(Seeds.of(seed, Seeds.POPULARITY, 0));
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            score[i] = bias(groups.get(i)) * StrictMath.exp(Normal.draw(r));
        }
        double[] popularity = new double[n];
        for (char mdc = 'A'; mdc <= 'Z'; mdc++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (groups.get(i).mdc() == mdc) {
                    members.add(i);
                }
            }
            members.sort(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparing(i -> i));
            double sum = 0;
            for (int rank = 0; rank < members.size(); rank++) {
                sum += 1.0 / (rank + OFFSET);
            }
            for (int rank = 0; rank < members.size(); rank++) {
                popularity[members.get(rank)] = MDC_SHARES[mdc - 'A'] / (rank + OFFSET) / sum;
            }
        }
        return popularity;
    }

    private static double bias(DrgGroup g) {
        double kind = g.kind() == GroupKind.MEDICAL ? 3.0 : g.kind() == GroupKind.NON_OR ? 1.5 : 1.0;
        switch (g.complication()) {
            case MCC: return kind * 0.6;
            case CC: return kind * 1.2;
            default: return kind * 2.0;
        }
    }
}

package org.hqd.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The province-wide frequency of each DRG before hospitals differ. The ADRGs of {@link CommonAdrgs} (respiratory
 * infection, cerebral ischaemia, delivery, chemotherapy, …) get their listed share of discharges, split over their
 * DRGs by complication (no complication most often). The other groups share the rest: a plausible share per MDC
 * (circulatory and respiratory diseases most, HIV and multiple trauma least), split over the MDC's unlisted DRGs by
 * a Zipf–Mandelbrot law 1 / (rank + 4) over a ranking drawn from the seed, in which medical and uncomplicated
 * groups tend to rank high. So the common conditions lead, and an odd group never does.
 */
final class DrgPopularity {
    /** Relative share of discharges of MDC A, B, …, Z. */
    private static final double[] MDC_SHARES = {
        0.5, 9, 3, 4, 12, 13, 9, 5, 8, 3, 4, 4, 2, 4, 6, 2, 1.5, 6, 2, 1, 0.3, 1, 0.3, 1.5, 0.1, 0.5};
    private static final double OFFSET = 4.0;

    private DrgPopularity() {
    }

    /** The popularity of each group, in the order of {@code groups}; they sum to 100 (percent). */
    static double[] of(List<DrgGroup> groups, long seed) {
        int n = groups.size();
        SplittableRandom r = new SplittableRandom(Seeds.of(seed, Seeds.POPULARITY, 0));
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            score[i] = bias(groups.get(i)) * StrictMath.exp(Normal.draw(r));
        }
        Map<String, Double> common = CommonAdrgs.percents();
        double[] popularity = new double[n];
        Map<String, Double> splitSums = new HashMap<>();
        for (DrgGroup g : groups) {
            if (common.containsKey(adrg(g))) {
                splitSums.merge(adrg(g), bias(g), Double::sum);
            }
        }
        double listed = 0;
        for (Map.Entry<String, Double> e : splitSums.entrySet()) {
            listed += common.get(e.getKey());
        }
        double other = 0;
        for (char mdc = 'A'; mdc <= 'Z'; mdc++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                DrgGroup g = groups.get(i);
                if (g.mdc() == mdc && !common.containsKey(adrg(g))) {
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
                other += popularity[members.get(rank)];
            }
        }
        double scale = other > 0 ? Math.max(0, 100 - listed) / other : 0;
        for (int i = 0; i < n; i++) {
            DrgGroup g = groups.get(i);
            Double percent = common.get(adrg(g));
            popularity[i] = percent == null ? popularity[i] * scale : percent * bias(g) / splitSums.get(adrg(g));
        }
        return popularity;
    }

    private static String adrg(DrgGroup g) {
        return g.code().substring(0, 3);
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

package org.hqd.casemix.standards;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The standards of every DRG of a baseline, computed from its grouped cases (DESIGN §3.3): cases with cost ≤ 0
 * are left out of weights and standards; each DRG is trimmed; RW = kept mean cost of the DRG / kept mean cost
 * of all kept cases; mortality and risk level are over all grouped cases of the DRG.
 */
public final class Standards {
    private final Map<String, GroupStandard> byDrg;
    private final double overallMeanCost;
    private final StandardsParameters parameters;

    private Standards(Map<String, GroupStandard> byDrg, double overallMeanCost, StandardsParameters parameters) {
        this.byDrg = Collections.unmodifiableMap(byDrg);
        this.overallMeanCost = overallMeanCost;
        this.parameters = parameters;
    }

    /** Standards of these grouped cases. */
    public static Standards of(List<CaseValues> cases, StandardsParameters p) {
        Map<String, List<CaseValues>> groups = new TreeMap<>();
        Map<String, int[]> deaths = new TreeMap<>(); // drg → {deaths, cases}
        for (CaseValues c : cases) {
            int[] d = deaths.computeIfAbsent(c.drg(), k -> new int[2]);
            d[1]++;
            if (c.died()) {
                d[0]++;
            }
            if (c.totalCost() > 0) {
                groups.computeIfAbsent(c.drg(), k -> new ArrayList<>()).add(c);
            }
        }
        Map<String, List<CaseValues>> keptByDrg = new TreeMap<>();
        double keptSum = 0;
        long keptN = 0;
        for (Map.Entry<String, List<CaseValues>> e : groups.entrySet()) {
            List<CaseValues> g = e.getValue();
            boolean[] keep = Trimming.kept(g.stream().mapToDouble(CaseValues::totalCost).toArray(), p);
            List<CaseValues> kept = new ArrayList<>();
            for (int i = 0; i < g.size(); i++) {
                if (keep[i]) {
                    kept.add(g.get(i));
                    keptSum += g.get(i).totalCost();
                    keptN++;
                }
            }
            keptByDrg.put(e.getKey(), kept);
        }
        double overall = keptN == 0 ? 0 : keptSum / keptN;
        Map<String, Double> mortality = new TreeMap<>();
        deaths.forEach((drg, d) -> mortality.put(drg, (double) d[0] / d[1]));
        Map<String, Integer> levels = RiskLevels.of(mortality);
        Map<String, GroupStandard> out = new TreeMap<>();
        keptByDrg.forEach((drg, kept) -> out.put(drg, standard(drg, groups.get(drg).size(), kept, overall,
                mortality.get(drg), levels.get(drg))));
        return new Standards(out, overall, p);
    }

    private static GroupStandard standard(String drg, int cases, List<CaseValues> kept, double overall,
                                          double mortality, int level) {
        double[] costs = kept.stream().mapToDouble(CaseValues::totalCost).sorted().toArray();
        double mean = Arrays.stream(costs).average().orElse(0);
        return new GroupStandard(drg, cases, kept.size(), overall == 0 ? 0 : mean / overall, mean,
                Quantiles.of(costs, 0.5), Quantiles.of(costs, 0.25), Quantiles.of(costs, 0.75),
                Quantiles.of(costs, 0.9), kept.stream().mapToInt(CaseValues::losDays).average().orElse(0),
                kept.stream().mapToDouble(CaseValues::drugCost).average().orElse(0),
                kept.stream().mapToDouble(CaseValues::materialCost).average().orElse(0),
                kept.stream().mapToDouble(CaseValues::examLabCost).average().orElse(0), mortality, level);
    }

    /** The standard of a DRG, when the baseline has cases of it with a cost. */
    public Optional<GroupStandard> of(String drg) {
        return Optional.ofNullable(byDrg.get(drg));
    }

    /** Every DRG's standard, by DRG code. */
    public Map<String, GroupStandard> byDrg() {
        return byDrg;
    }

    /** The mean cost of all kept cases: the denominator of every RW. */
    public double overallMeanCost() {
        return overallMeanCost;
    }

    public StandardsParameters parameters() {
        return parameters;
    }
}

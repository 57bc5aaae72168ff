package org.hqd.casemix.performance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hqd.casemix.standards.GroupStandard;
import org.hqd.casemix.standards.Standards;

/**
 * What a unit is compared with: per DRG the relative weight and risk level (from the standards) and the mean
 * cost, LOS, drug and consumable cost of all grouped cases of the DRG in the benchmark (default: every hospital
 * in the store, same period).
 */
public final class Benchmark {
    /** Means of one DRG over the benchmark's grouped cases. */
    public record DrgMeans(long cases, double cost, double los, double drug, double material) { }

    private final Map<String, DrgMeans> means;
    private final Standards standards;

    private Benchmark(Map<String, DrgMeans> means, Standards standards) {
        this.means = means;
        this.standards = standards;
    }

    /** The benchmark of these cases (only grouped ones count), with weights and risk levels from the standards. */
    public static Benchmark of(List<UnitCase> cases, Standards standards) {
        Map<String, double[]> sums = new HashMap<>(); // n, cost, los, drug, material
        for (UnitCase c : cases) {
            if (c.grouped()) {
                double[] s = sums.computeIfAbsent(c.drg(), k -> new double[5]);
                s[0]++;
                s[1] += c.cost();
                s[2] += c.losDays();
                s[3] += c.drugCost();
                s[4] += c.materialCost();
            }
        }
        Map<String, DrgMeans> means = new HashMap<>();
        sums.forEach((drg, s) -> means.put(drg, new DrgMeans((long) s[0], s[1] / s[0], s[2] / s[0], s[3] / s[0],
                s[4] / s[0])));
        return new Benchmark(means, standards);
    }

    /** The DRG's relative weight; 0 for a DRG without a standard (no baseline case with a cost). */
    public double rw(String drg) {
        return standards.of(drg).map(GroupStandard::rw).orElse(0.0);
    }

    /** The DRG's risk level (0–4); 0 for a DRG without a standard. */
    public int riskLevel(String drg) {
        return standards.of(drg).map(GroupStandard::riskLevel).orElse(0);
    }

    /** The benchmark means of a DRG, when the benchmark has grouped cases of it. */
    public java.util.Optional<DrgMeans> means(String drg) {
        return java.util.Optional.ofNullable(means.get(drg));
    }
}

package org.hqd.casemix.performance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/*
 * DESIGN §3.4. Over the unit's GROUPED cases: DRG count = distinct DRGs; total weight = Σ RW; CMI = total weight /
 * grouped cases. Cost index = Σ_g n_g·(e_g / E_g) / Σ_g n_g, e_g the unit's mean cost in g, E_g the benchmark's;
 * DRGs whose benchmark mean is 0 cannot be compared and are left out of both sums. Time, drug and consumable
 * indices likewise with LOS, drug and material cost. Low-risk mortality = deaths / cases in level-1 DRGs,
 * mid-low-risk likewise with level 2. ALOS, mortality and mean cost are over all the unit's cases.
 */
/** Computes a unit's {@link UnitPerformance} against a {@link Benchmark}. */
public final class UnitPerformanceCalculator {
    private UnitPerformanceCalculator() {
    }

    public static UnitPerformance of(String unit, List<UnitCase> cases, Benchmark benchmark) {
        Map<String, double[]> byDrg = new HashMap<>(); // n, cost, los, drug, material
        long grouped = 0;
        double totalWeight = 0;
        long[] risk = new long[4]; // level-1 cases, deaths, level-2 cases, deaths
        double los = 0;
        double cost = 0;
        long deaths = 0;
        for (UnitCase c : cases) {
            los += c.losDays();
            cost += c.cost();
            deaths += c.died() ? 1 : 0;
            if (!c.grouped()) {
                continue;
            }
            grouped++;
            totalWeight += benchmark.rw(c.drg());
            double[] s = byDrg.computeIfAbsent(c.drg(), k -> new double[5]);
            s[0]++;
            s[1] += c.cost();
            s[2] += c.losDays();
            s[3] += c.drugCost();
            s[4] += c.materialCost();
            int level = benchmark.riskLevel(c.drg());
            if (level == 1 || level == 2) {
                int at = (level - 1) * 2;
                risk[at]++;
                risk[at + 1] += c.died() ? 1 : 0;
            }
        }
        long n = cases.size();
        return new UnitPerformance(unit, n, grouped, byDrg.size(), totalWeight,
                grouped == 0 ? OptionalDouble.empty() : OptionalDouble.of(totalWeight / grouped),
                index(byDrg, benchmark, 1, Benchmark.DrgMeans::cost), index(byDrg, benchmark, 2, Benchmark.DrgMeans::los),
                index(byDrg, benchmark, 3, Benchmark.DrgMeans::drug),
                index(byDrg, benchmark, 4, Benchmark.DrgMeans::material),
                ratio(risk[1], risk[0]), ratio(risk[3], risk[2]), ratio(los, n), ratio(deaths, n), ratio(cost, n));
    }

    private static OptionalDouble index(Map<String, double[]> byDrg, Benchmark benchmark, int field,
                                        ToDoubleFunction<Benchmark.DrgMeans> reference) {
        double weighted = 0;
        double count = 0;
        for (Map.Entry<String, double[]> e : byDrg.entrySet()) {
            var means = benchmark.means(e.getKey());
            if (means.isEmpty() || reference.applyAsDouble(means.get()) == 0) {
                continue;
            }
            double[] s = e.getValue();
            weighted += s[0] * (s[field] / s[0]) / reference.applyAsDouble(means.get());
            count += s[0];
        }
        return ratio(weighted, count);
    }

    private static OptionalDouble ratio(double part, double whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of(part / whole);
    }
}

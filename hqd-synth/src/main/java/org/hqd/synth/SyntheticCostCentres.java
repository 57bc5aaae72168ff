package org.hqd.synth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hqd.budget.BudgetCatalog;
import org.hqd.costing.Apportion;

/**
 * Puts part of a hospital's monthly spending on its medical-technical and auxiliary cost centres, so that the cost
 * accounting of the synthetic province has all three levels to allocate: a share of each clinical department's
 * staff spending (17–23 %, the hospital's own level) goes to 检验科, 放射科, 药剂科, 消毒供应中心, 病案室 and
 * 挂号收费处; 35 % of the hospital-wide maintenance to 检验科 and 放射科; 15 % of the hospital-wide other spending to
 * 检验科, 放射科 and 消毒供应中心. Amounts only move between departments of the same month and item, exactly, so every
 * measure of the month — and its agreement with the facility report — is unchanged. No random draws: the level is a
 * hash of the hospital id, so the budget's own random stream is untouched.
 */
final class SyntheticCostCentres {
    /** Where the moved staff spending goes, and in which proportions. */
    static final Map<String, Double> STAFF = shares("检验科", 0.30, "放射科", 0.25, "药剂科", 0.15, "消毒供应中心", 0.12,
            "病案室", 0.08, "挂号收费处", 0.10);
    private static final Map<String, Double> MAINTENANCE = shares("检验科", 0.5, "放射科", 0.5);
    private static final Map<String, Double> OTHER = shares("检验科", 0.6, "放射科", 0.2, "消毒供应中心", 0.2);
    private static final double MIN_STAFF_SHARE = 0.17;
    private static final double STAFF_SHARE_RANGE = 0.06;
    private static final double MAINTENANCE_SHARE = 0.35;
    private static final double OTHER_SHARE = 0.15;
    private static final String WHOLE = SyntheticBudget.WHOLE;

    private SyntheticCostCentres() {
    }

    /** Moves the amounts of {@code months} within {@code lines} (department → [month][item] in fen). */
    static void spread(String hospital, Map<String, long[][]> lines, Set<Integer> months, BudgetItems items,
                       BudgetCatalog catalog) {
        double staffShare = MIN_STAFF_SHARE + STAFF_SHARE_RANGE * Seeds.unit(Seeds.ofText(hospital + "\u0001成本中心"));
        int staff = items.of("E0101");
        int maintenance = items.of("E0402");
        int other = items.of("E0404");
        List<String> clinical = lines.keySet().stream().filter(d -> !catalog.costCentres().contains(d)).sorted().toList();
        for (int m : months) {
            long moved = 0;
            for (String d : clinical) {
                long take = Math.round(lines.get(d)[m][staff] * staffShare);
                lines.get(d)[m][staff] -= take;
                moved += take;
            }
            give(lines, m, staff, moved, STAFF, items.size());
            long[] whole = lines.containsKey(WHOLE) ? lines.get(WHOLE)[m] : null;
            if (whole != null) {
                long repair = Math.round(whole[maintenance] * MAINTENANCE_SHARE);
                whole[maintenance] -= repair;
                give(lines, m, maintenance, repair, MAINTENANCE, items.size());
                long goods = Math.round(whole[other] * OTHER_SHARE);
                whole[other] -= goods;
                give(lines, m, other, goods, OTHER, items.size());
            }
        }
    }

    private static void give(Map<String, long[][]> lines, int month, int item, long amount, Map<String, Double> to,
                             int items) {
        if (amount == 0) {
            return;
        }
        List<String> names = List.copyOf(to.keySet());
        long[] weights = to.values().stream().mapToLong(v -> Math.round(v * 1000)).toArray();
        long[] parts = Apportion.of(amount, weights);
        for (int i = 0; i < parts.length; i++) {
            lines.computeIfAbsent(names.get(i), k -> new long[13][items])[month][item] += parts[i];
        }
    }

    private static Map<String, Double> shares(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return m;
    }
}

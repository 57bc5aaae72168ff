package org.hqd.costing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.hqd.budget.Money;
import org.hqd.casemix.abstracts.ChargeCategory;

/**
 * The cost of each discharge of a clinical department from the department's 住院 full cost (fen), exactly.
 *
 * <ol>
 *   <li>The full cost by item is gathered into the {@link CasePools pools} (药品, 卫生材料, 医疗服务 …).</li>
 *   <li>Each pool's cost is divided among its charge categories: by the categories' charges (成本收入比法 — every
 *       category of a pool then has the pool's cost-to-charge ratio), or, when the hospital loaded item costs for
 *       the department (项目叠加法, on the 14 categories of the settlement list), by those item costs; a category
 *       without a loaded item cost counts at its charges. Only categories with charges take cost.</li>
 *   <li>Each category's cost is divided among the cases by their charges in it; a case's cost is the sum over the
 *       categories (成本叠加).</li>
 * </ol>
 * A pool whose categories carry no charges gives its cost to all the department's charges instead (noted). Every
 * division is {@link Apportion}, so the case costs add up to the department's 住院 full cost to the fen — unless the
 * department has no charges at all, when nothing can be placed and the cost is reported as unplaced.
 */
public final class CaseCosting {
    private static final int CATEGORIES = ChargeCategory.values().length;

    /** How the cost was spread over the categories. */
    public enum Method {
        COST_TO_CHARGE("成本收入比法"),
        ITEM_COSTS("项目叠加法");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A category's cost and charges in the department (fen), and the pool it came from. */
    public record CategoryCost(ChargeCategory category, String pool, long cost, long charges) {
        /** Cost-to-charge ratio (成本收入比); empty without charges. */
        public OptionalDouble ratio() {
            return charges == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) cost / charges);
        }
    }

    /**
     * The department's result: method, 住院 full cost, each case's cost and its supplies cost (物耗: the cost of its
     * drug and material categories; same order as the charges given), the categories, the cost that could not be
     * placed on any case, and notes in Chinese.
     */
    public record Result(String department, Method method, long cost, long[] caseCosts, long[] suppliesCosts,
                         List<CategoryCost> categories, long unplaced, List<String> notes) {
        public Result {
            caseCosts = caseCosts.clone();
            suppliesCosts = suppliesCosts.clone();
            categories = List.copyOf(categories);
            notes = List.copyOf(notes);
        }

        @Override
        public long[] caseCosts() {
            return caseCosts.clone();
        }

        @Override
        public long[] suppliesCosts() {
            return suppliesCosts.clone();
        }

        public long caseCost(int i) {
            return caseCosts[i];
        }

        public long suppliesCost(int i) {
            return suppliesCosts[i];
        }
    }

    private CaseCosting() {
    }

    /**
     * @param fullByItem the department's 住院 full cost by item code (fen)
     * @param charges    each case's charges in fen by {@link ChargeCategory} ordinal (negative counts as 0)
     * @param itemCosts  loaded item costs of the department by category (yuan); empty for 成本收入比法
     */
    public static Result cost(String department, Map<String, Long> fullByItem, long[][] charges, CasePools pools,
                              Map<ChargeCategory, BigDecimal> itemCosts) {
        List<CasePools.Pool> ps = pools.pools();
        long[] poolCost = new long[ps.size()];
        long cost = 0;
        for (Map.Entry<String, Long> e : fullByItem.entrySet()) {
            poolCost[pools.poolOf(e.getKey())] += e.getValue();
            cost += e.getValue();
        }
        long[] categoryCharges = new long[CATEGORIES];
        for (long[] c : charges) {
            for (int k = 0; k < CATEGORIES; k++) {
                categoryCharges[k] += Math.max(0, c[k]);
            }
        }
        Method method = itemCosts.isEmpty() ? Method.COST_TO_CHARGE : Method.ITEM_COSTS;
        List<String> notes = new ArrayList<>();
        long[] categoryCost = new long[CATEGORIES];
        String[] poolOf = new String[CATEGORIES];
        long fallback = 0;
        for (int p = 0; p < ps.size(); p++) {
            for (ChargeCategory c : ps.get(p).categories()) {
                poolOf[c.ordinal()] = ps.get(p).name();
            }
            if (poolCost[p] == 0) {
                continue;
            }
            if (!spread(poolCost[p], ps.get(p).categories(), categoryCharges, itemCosts, categoryCost)) {
                fallback += poolCost[p];
                notes.add(ps.get(p).name() + "成本 " + Money.yuan(poolCost[p]) + " 元：本科室病例无对应收费，按全部收费分摊");
            }
        }
        if (fallback != 0 && !spread(fallback, java.util.EnumSet.allOf(ChargeCategory.class), categoryCharges, itemCosts,
                categoryCost)) {
            notes.add("本科室出院病例没有收费，住院成本 " + Money.yuan(cost) + " 元无法分到病例");
            return new Result(department, method, cost, new long[charges.length], new long[charges.length],
                    categories(categoryCost, categoryCharges, poolOf), cost, notes);
        }
        long[] caseCosts = new long[charges.length];
        long[] supplies = new long[charges.length];
        long[] weights = new long[charges.length];
        for (int k = 0; k < CATEGORIES; k++) {
            if (categoryCost[k] == 0) {
                continue;
            }
            for (int i = 0; i < charges.length; i++) {
                weights[i] = Math.max(0, charges[i][k]);
            }
            long[] parts = Apportion.of(categoryCost[k], weights);
            boolean goods = ChargeCategory.values()[k].isDrug() || k == ChargeCategory.MATERIAL.ordinal();
            for (int i = 0; i < parts.length; i++) {
                caseCosts[i] += parts[i];
                if (goods) {
                    supplies[i] += parts[i];
                }
            }
        }
        return new Result(department, method, cost, caseCosts, supplies, categories(categoryCost, categoryCharges,
                poolOf), 0, notes);
    }

    /** Spreads an amount over the categories that have charges; false when none has. */
    private static boolean spread(long amount, java.util.Set<ChargeCategory> categories, long[] charges,
                                  Map<ChargeCategory, BigDecimal> itemCosts, long[] into) {
        List<ChargeCategory> with = categories.stream().filter(c -> charges[c.ordinal()] > 0).sorted().toList();
        if (with.isEmpty()) {
            return false;
        }
        BigDecimal[] w = new BigDecimal[with.size()];
        for (int i = 0; i < w.length; i++) {
            ChargeCategory c = with.get(i);
            BigDecimal item = itemCosts.get(c);
            w[i] = item != null && item.signum() >= 0 ? item : BigDecimal.valueOf(charges[c.ordinal()], 2);
        }
        if (java.util.Arrays.stream(w).allMatch(x -> x.signum() == 0)) {
            for (int i = 0; i < w.length; i++) {
                w[i] = BigDecimal.valueOf(charges[with.get(i).ordinal()], 2);
            }
        }
        long[] parts = Apportion.of(amount, w);
        for (int i = 0; i < parts.length; i++) {
            into[with.get(i).ordinal()] += parts[i];
        }
        return true;
    }

    private static List<CategoryCost> categories(long[] cost, long[] charges, String[] pool) {
        List<CategoryCost> out = new ArrayList<>();
        for (ChargeCategory c : ChargeCategory.values()) {
            if (cost[c.ordinal()] != 0 || charges[c.ordinal()] != 0) {
                out.add(new CategoryCost(c, pool[c.ordinal()], cost[c.ordinal()], charges[c.ordinal()]));
            }
        }
        return out;
    }
}

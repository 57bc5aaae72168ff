package org.hqd.costing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hqd.TsvRows;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetItem;
import org.hqd.casemix.abstracts.ChargeCategory;

/**
 * The cost pools of case costing ({@code case-cost-pools.tsv}): which cost items make up each pool and over which
 * charge categories of the settlement list its cost is spread. Every category and every item is in exactly one
 * pool; {@code *} takes the rest.
 */
public final class CasePools {
    /** A pool: its name, its items (codes) and its charge categories. */
    public record Pool(String name, Set<String> items, Set<ChargeCategory> categories) {
        public Pool {
            items = Set.copyOf(items);
            categories = Set.copyOf(categories);
        }
    }

    private final String id;
    private final List<Pool> pools;

    private CasePools(String id, List<Pool> pools) {
        this.id = id;
        this.pools = List.copyOf(pools);
    }

    public static CasePools standard(BudgetCatalog items) {
        return parse(DriverCatalog.resource("case-cost-pools.tsv"), "case-cost-pools.tsv", items);
    }

    /** Pools from TSV text (columns pool, items, categories); every problem at once. */
    public static CasePools parse(String text, String source, BudgetCatalog items) {
        TsvRows t = TsvRows.parse(text, source, List.of("pool", "items", "categories"));
        List<CostingProblem> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Set<String>> itemSets = new ArrayList<>();
        List<Set<ChargeCategory>> categorySets = new ArrayList<>();
        int restItems = -1;
        int restCategories = -1;
        Set<String> takenItems = new LinkedHashSet<>();
        Set<ChargeCategory> takenCategories = EnumSet.noneOf(ChargeCategory.class);
        for (TsvRows.Row r : t.rows()) {
            String where = "第 " + r.line() + " 行";
            int index = names.size();
            names.add(r.optional("pool").isEmpty() ? "成本池" + (index + 1) : r.optional("pool"));
            Set<String> its = new LinkedHashSet<>();
            Set<ChargeCategory> cats = EnumSet.noneOf(ChargeCategory.class);
            if (r.optional("items").equals("*")) {
                if (restItems >= 0) {
                    problems.add(new CostingProblem(source, where, "items 为 * 的行只能有一行"));
                }
                restItems = index;
            } else {
                for (String x : r.optional("items").split("[,，]")) {
                    var it = items.item(x.strip());
                    if (it.isEmpty()) {
                        problems.add(new CostingProblem(source, where, "项目 '" + x.strip() + "' 不在预算项目目录中"));
                    } else if (!takenItems.add(it.get().code())) {
                        problems.add(new CostingProblem(source, where, "项目 " + it.get().name() + " 已在别的成本池中"));
                    } else {
                        its.add(it.get().code());
                    }
                }
            }
            if (r.optional("categories").equals("*")) {
                if (restCategories >= 0) {
                    problems.add(new CostingProblem(source, where, "categories 为 * 的行只能有一行"));
                }
                restCategories = index;
            } else {
                for (String x : r.optional("categories").split("[,，]")) {
                    ChargeCategory c = category(x.strip());
                    if (c == null) {
                        problems.add(new CostingProblem(source, where, "'" + x.strip() + "' 不是病案首页的费用列（cost_bed … cost_other）"));
                    } else if (!takenCategories.add(c)) {
                        problems.add(new CostingProblem(source, where, c.label() + " 已在别的成本池中"));
                    } else {
                        cats.add(c);
                    }
                }
            }
            itemSets.add(its);
            categorySets.add(cats);
        }
        if (restItems >= 0) {
            for (BudgetItem i : items.items()) {
                if (!takenItems.contains(i.code())) {
                    itemSets.get(restItems).add(i.code());
                }
            }
        } else {
            problems.add(new CostingProblem(source, "", "应有一行 items 为 *（其余成本项目）"));
        }
        if (restCategories >= 0) {
            for (ChargeCategory c : ChargeCategory.values()) {
                if (!takenCategories.contains(c)) {
                    categorySets.get(restCategories).add(c);
                }
            }
        } else if (takenCategories.size() < ChargeCategory.values().length) {
            problems.add(new CostingProblem(source, "", "有费用类别不在任何成本池中：加一行 categories 为 *"));
        }
        if (!problems.isEmpty()) {
            throw new CostingException("成本池 " + source + " 不能使用", problems);
        }
        List<Pool> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(new Pool(names.get(i), itemSets.get(i), categorySets.get(i)));
        }
        return new CasePools(t.properties().getOrDefault("id", source), out);
    }

    private static ChargeCategory category(String column) {
        for (ChargeCategory c : ChargeCategory.values()) {
            if (c.column().equals(column) || c.label().equals(column)) {
                return c;
            }
        }
        return null;
    }

    public String id() {
        return id;
    }

    public List<Pool> pools() {
        return pools;
    }

    /** The index of the pool an item (code) belongs to. */
    int poolOf(String item) {
        for (int i = 0; i < pools.size(); i++) {
            if (pools.get(i).items().contains(item)) {
                return i;
            }
        }
        throw new IllegalArgumentException("item in no pool: " + item);
    }
}

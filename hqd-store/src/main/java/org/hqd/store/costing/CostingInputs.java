package org.hqd.store.costing;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetItem;
import org.hqd.budget.BudgetKind;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.costing.CostCentreClasses;
import org.hqd.costing.CostClass;
import org.hqd.costing.CostingRules;
import org.hqd.costing.DriverCatalog;
import org.hqd.costing.DriverFileCheck;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;

/**
 * What the cost accounting reads from the store for a hospital and year: its departments and their classes, the rules
 * in force (the hospital's set, else the region's, else the bundled defaults), the driver values, the direct costs
 * from the finance actuals (expenditure items summed over the year's months) and the loaded item costs.
 */
public final class CostingInputs {
    /** The scope of the region's rule set in {@code costing_rule_sets}. */
    public static final String REGION = "*";

    private final DataDirectory dir;
    private final BudgetCatalog items;
    private final DriverCatalog drivers;
    private final CostCentreClasses defaults = CostCentreClasses.standard();

    public CostingInputs(DataDirectory dir, BudgetCatalog items, DriverCatalog drivers) {
        this.dir = dir;
        this.items = items;
        this.drivers = drivers;
    }

    public BudgetCatalog items() {
        return items;
    }

    public DriverCatalog drivers() {
        return drivers;
    }

    /** The hospitals of the register and those with cases. */
    public Set<String> hospitals() {
        return strings("SELECT hospital_id FROM hospital_register UNION SELECT DISTINCT hospital_id FROM case_records "
                + "ORDER BY 1");
    }

    /** A hospital's departments: those of its abstracts, registered for its budget or classified, and the centres. */
    public Set<String> departments(String hospital) {
        Set<String> out = new TreeSet<>(strings("SELECT DISTINCT department FROM case_records WHERE hospital_id = ? "
                + "AND department IS NOT NULL UNION SELECT department FROM budget_departments WHERE hospital_id = ? "
                + "UNION SELECT department FROM costing_classes WHERE hospital_id = ?", hospital, hospital, hospital));
        out.addAll(items.costCentres());
        return out;
    }

    /** The catalogue's classes with the hospital's overrides. */
    public CostCentreClasses classes(String hospital) {
        Map<String, CostClass> overrides = new LinkedHashMap<>();
        query("SELECT department, cost_class FROM costing_classes WHERE hospital_id = ?", r ->
                overrides.put(r.getString(1), CostClass.valueOf(r.getString(2))), hospital);
        return defaults.withOverrides(overrides);
    }

    /** The stored rule set of a scope (a hospital id or {@link #REGION}), as TSV text. */
    public Optional<String> ruleText(String scope) {
        Set<String> t = strings("SELECT text FROM costing_rule_sets WHERE scope = ?", scope);
        return t.stream().findFirst();
    }

    /** The rules in force for a hospital: its own set, else the region's, else the bundled defaults. */
    public CostingRules rules(String hospital) {
        return rules(ruleText(hospital).or(() -> ruleText(REGION)));
    }

    /** The region's rules: its loaded set, else the bundled defaults. */
    public CostingRules regionRules() {
        return rules(ruleText(REGION));
    }

    private CostingRules rules(Optional<String> text) {
        return text.map(t -> CostingRules.parse(t, "已载入的成本分摊规则", drivers, items))
                .orElseGet(() -> CostingRules.standard(drivers, items));
    }

    /** Department → driver id → value of a hospital's year. */
    public Map<String, Map<String, BigDecimal>> drivers(String hospital, int year) {
        Map<String, Map<String, BigDecimal>> out = new TreeMap<>();
        query("SELECT department, driver, value FROM costing_drivers WHERE hospital_id = ? AND year = ?", r ->
                out.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getString(2), plain(r.getBigDecimal(3))),
                hospital, year);
        return out;
    }

    /** Department → expenditure item code → fen of the year's actuals (items that are not cost are left to the rules). */
    public Map<String, Map<String, Long>> directCosts(String hospital, int year) {
        Set<String> expenditure = new LinkedHashSet<>();
        items.items().stream().filter(i -> i.kind() == BudgetKind.EXPENDITURE).map(BudgetItem::code)
                .forEach(expenditure::add);
        Map<String, Map<String, Long>> out = new TreeMap<>();
        query("SELECT department, item, sum(amount) FROM budget_actuals WHERE hospital_id = ? AND year = ? "
                + "GROUP BY department, item HAVING sum(amount) <> 0", r -> {
                    if (expenditure.contains(r.getString(2))) {
                        out.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getString(2), r.getLong(3));
                    }
                }, hospital, year);
        return out;
    }

    /** The months of the year with actuals. */
    public int months(String hospital, int year) {
        return strings("SELECT DISTINCT CAST(month AS VARCHAR) FROM budget_actuals WHERE hospital_id = ? AND year = ?",
                hospital, year).size();
    }

    /** The hospitals with actuals in a year, in id order. */
    public List<String> hospitalsWithActuals(int year) {
        return List.copyOf(strings("SELECT DISTINCT hospital_id FROM budget_actuals WHERE year = ? ORDER BY 1", year));
    }

    /** Department → category → loaded item cost (yuan) of a hospital's year. */
    public Map<String, Map<ChargeCategory, BigDecimal>> itemCosts(String hospital, int year) {
        Map<String, Map<ChargeCategory, BigDecimal>> out = new TreeMap<>();
        query("SELECT department, category, cost FROM costing_item_costs WHERE hospital_id = ? AND year = ?", r ->
                out.computeIfAbsent(r.getString(1), k -> new EnumMap<>(ChargeCategory.class))
                        .put(ChargeCategory.valueOf(r.getString(2)), r.getBigDecimal(3)), hospital, year);
        return out;
    }

    /**
     * The inputs of every hospital of a year, read with one query per kind (for costing many hospitals at once): direct
     * costs, drivers, months of actuals, item costs, class overrides and loaded rule texts.
     */
    public Year year(int year) {
        Year y = new Year(year);
        Set<String> expenditure = new LinkedHashSet<>();
        items.items().stream().filter(i -> i.kind() == BudgetKind.EXPENDITURE).map(BudgetItem::code)
                .forEach(expenditure::add);
        query("SELECT hospital_id, department, item, sum(amount) FROM budget_actuals WHERE year = ? "
                + "GROUP BY ALL HAVING sum(amount) <> 0", r -> {
                    if (expenditure.contains(r.getString(3))) {
                        y.direct.computeIfAbsent(r.getString(1), k -> new TreeMap<>())
                                .computeIfAbsent(r.getString(2), k -> new TreeMap<>()).put(r.getString(3), r.getLong(4));
                    }
                }, year);
        query("SELECT hospital_id, count(DISTINCT month) FROM budget_actuals WHERE year = ? GROUP BY 1", r ->
                y.months.put(r.getString(1), r.getInt(2)), year);
        query("SELECT hospital_id, department, driver, value FROM costing_drivers WHERE year = ?", r ->
                y.drivers.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).computeIfAbsent(r.getString(2),
                        k -> new TreeMap<>()).put(r.getString(3), plain(r.getBigDecimal(4))), year);
        query("SELECT hospital_id, department, category, cost FROM costing_item_costs WHERE year = ?", r ->
                y.itemCosts.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).computeIfAbsent(r.getString(2),
                        k -> new EnumMap<>(ChargeCategory.class)).put(ChargeCategory.valueOf(r.getString(3)),
                        r.getBigDecimal(4)), year);
        Map<String, Map<String, CostClass>> overrides = new TreeMap<>();
        query("SELECT hospital_id, department, cost_class FROM costing_classes", r -> overrides.computeIfAbsent(
                r.getString(1), k -> new LinkedHashMap<>()).put(r.getString(2), CostClass.valueOf(r.getString(3))));
        overrides.forEach((h, o) -> y.classes.put(h, defaults.withOverrides(o)));
        Map<String, String> texts = new TreeMap<>();
        query("SELECT scope, text FROM costing_rule_sets", r -> texts.put(r.getString(1), r.getString(2)));
        CostingRules region = rules(Optional.ofNullable(texts.get(REGION)));
        texts.forEach((scope, text) -> {
            if (!scope.equals(REGION)) {
                y.rules.put(scope, rules(Optional.of(text)));
            }
        });
        y.regionRules = region;
        return y;
    }

    /** A year's inputs of every hospital ({@link #year(int)}); a hospital without some input gets empty maps. */
    public final class Year {
        private final int year;
        final Map<String, Map<String, Map<String, Long>>> direct = new TreeMap<>();
        final Map<String, Integer> months = new TreeMap<>();
        final Map<String, Map<String, Map<String, BigDecimal>>> drivers = new TreeMap<>();
        final Map<String, Map<String, Map<ChargeCategory, BigDecimal>>> itemCosts = new TreeMap<>();
        final Map<String, CostCentreClasses> classes = new TreeMap<>();
        final Map<String, CostingRules> rules = new TreeMap<>();
        CostingRules regionRules;

        private Year(int year) {
            this.year = year;
        }

        public int year() {
            return year;
        }

        public Map<String, Map<String, Long>> directCosts(String hospital) {
            return direct.getOrDefault(hospital, Map.of());
        }

        public Map<String, Map<String, BigDecimal>> drivers(String hospital) {
            return drivers.getOrDefault(hospital, Map.of());
        }

        public int months(String hospital) {
            return months.getOrDefault(hospital, 0);
        }

        public Map<String, Map<ChargeCategory, BigDecimal>> itemCosts(String hospital) {
            return itemCosts.getOrDefault(hospital, Map.of());
        }

        public CostCentreClasses classes(String hospital) {
            return classes.getOrDefault(hospital, defaults);
        }

        public CostingRules rules(String hospital) {
            return rules.getOrDefault(hospital, regionRules);
        }
    }

    /** A stored value at its own scale (3000.000000 → 3000): apportioning then stays in long arithmetic. */
    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** What {@link DriverFileCheck} needs to know of the store. */
    public DriverFileCheck.Context checkContext() {
        Set<String> hospitals = hospitals();
        return new DriverFileCheck.Context() {
            @Override
            public Set<String> hospitals() {
                return hospitals;
            }

            @Override
            public Set<String> departments(String hospital) {
                return CostingInputs.this.departments(hospital);
            }

            @Override
            public CostCentreClasses classes(String hospital) {
                return CostingInputs.this.classes(hospital);
            }

            @Override
            public CostingRules rules(String hospital) {
                return CostingInputs.this.rules(hospital);
            }

            @Override
            public Map<String, Set<String>> costItems(String hospital, int year) {
                Map<String, Set<String>> out = new TreeMap<>();
                directCosts(hospital, year).forEach((d, m) -> out.put(d, m.keySet()));
                return out;
            }
        };
    }

    private void query(String sql, Query.RowConsumer reader, Object... args) {
        Query.of("读取成本核算数据", sql).bind(args).forEach(dir.connection(), reader);
    }

    private Set<String> strings(String sql, Object... args) {
        Set<String> out = new LinkedHashSet<>();
        query(sql, r -> out.add(r.getString(1)), args);
        return out;
    }
}

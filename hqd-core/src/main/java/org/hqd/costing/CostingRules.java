package org.hqd.costing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hqd.TsvRows;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetItem;
import org.hqd.budget.BudgetKind;

/**
 * Which driver each sending class (or department, or item of either) is allocated by, which expenditure is cost, and
 * how a clinical department's costs divide between its 门诊 and 住院 units: {@code costing-rules.tsv} and the sets a
 * region or hospital loads in the same format ({@code hqd costing rules}). Parsing reports every problem at once.
 */
public final class CostingRules {
    static final List<String> COLUMNS = List.of("sender", "item", "driver");

    /**
     * One row: who sends (a class, or a department when {@code senderClass} is empty), the item it is limited to
     * (a code; empty for every item), the driver, the row's stated basis and its line.
     */
    public record Rule(String sender, Optional<CostClass> senderClass, String item, DriverExpression driver,
                      String basis, int line) {
    }

    private final String id;
    private final String name;
    private final String text;
    private final Set<String> costItems;
    private final DriverExpression split;
    private final List<Rule> rules;
    private final Map<String, Rule> byKey = new HashMap<>();
    private final Map<String, String> itemNames = new HashMap<>();

    private CostingRules(String id, String name, String text, Set<String> costItems, DriverExpression split,
                         List<Rule> rules, BudgetCatalog items) {
        this.id = id;
        this.name = name;
        this.text = text;
        this.costItems = Set.copyOf(costItems);
        this.split = split;
        this.rules = List.copyOf(rules);
        for (Rule r : rules) {
            byKey.put(r.sender() + "\u0001" + r.item(), r);
        }
        items.items().forEach(i -> itemNames.put(i.code(), i.name()));
    }

    /** The bundled rules (the 规范's defaults). */
    public static CostingRules standard(DriverCatalog drivers, BudgetCatalog items) {
        return parse(DriverCatalog.resource("costing-rules.tsv"), "costing-rules.tsv", drivers, items);
    }

    /** Rules from TSV text, checked against the drivers and the budget items; every problem at once. */
    public static CostingRules parse(String text, String source, DriverCatalog drivers, BudgetCatalog items) {
        TsvRows t = TsvRows.parse(text, source, COLUMNS);
        List<CostingProblem> problems = new ArrayList<>();
        String id = t.properties().getOrDefault("id", "");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            problems.add(new CostingProblem(source, "# id", "应以 '# id: <规则编号>' 开头（字母、数字、- _ .），实际为 '"
                    + id + "'"));
        }
        Set<String> costItems = costItems(t.properties().getOrDefault("cost_categories", ""), items, source, problems);
        DriverExpression split = split(t.properties().getOrDefault("split", ""), drivers, source, problems);
        List<Rule> rules = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (TsvRows.Row r : t.rows()) {
            String where = "第 " + r.line() + " 行";
            String sender = r.optional("sender");
            Optional<CostClass> cls = CostClass.of(sender);
            if (sender.isEmpty()) {
                problems.add(new CostingProblem(source, where, "sender 不能为空：写类别（行政后勤类、医疗辅助类、医疗技术类）或科室名"));
                continue;
            }
            if (cls.isPresent() && !cls.get().sends()) {
                problems.add(new CostingProblem(source, where, "临床服务类是分摊的终点，不向其他科室分摊"));
                continue;
            }
            String itemText = r.optional("item");
            String item = "";
            if (!itemText.isEmpty()) {
                Optional<BudgetItem> it = items.item(itemText);
                if (it.isEmpty()) {
                    problems.add(new CostingProblem(source, where, "项目 '" + itemText + "' 不在预算项目目录中"));
                    continue;
                }
                if (!costItems.contains(it.get().code())) {
                    problems.add(new CostingProblem(source, where, "项目 " + it.get().name() + " 不计入成本（cost_categories 不含 "
                            + it.get().category() + "）"));
                    continue;
                }
                item = it.get().code();
            }
            String label = cls.map(CostClass::label).orElse(sender);
            if (!keys.add(label + "\u0001" + item)) {
                problems.add(new CostingProblem(source, where, label + (item.isEmpty() ? "" : " · " + itemText) + " 的分摊参数重复"));
                continue;
            }
            Optional<DriverExpression> driver = DriverExpression.parse(r.optional("driver"), drivers, source, where,
                    problems);
            String code = item;
            driver.ifPresent(d -> rules.add(new Rule(label, cls, code, d, r.optional("basis"), r.line())));
        }
        for (CostClass c : CostClass.values()) {
            if (c.sends() && !keys.contains(c.label() + "\u0001")) {
                problems.add(new CostingProblem(source, "", c.label() + " 没有分摊参数：加一行 sender 为 " + c.label()
                        + "、item 留空的规则"));
            }
        }
        if (!problems.isEmpty()) {
            throw new CostingException("成本分摊规则 " + source + " 不能使用", problems);
        }
        return new CostingRules(id, t.properties().getOrDefault("name", id), text, costItems, split, rules, items);
    }

    private static Set<String> costItems(String categories, BudgetCatalog items, String source,
                                         List<CostingProblem> problems) {
        Set<String> out = new LinkedHashSet<>();
        if (categories.isBlank()) {
            problems.add(new CostingProblem(source, "# cost_categories", "应列出计入成本的支出类别，如 业务活动费用, 单位管理费用"));
            return out;
        }
        for (String c : categories.split("[,，、]")) {
            String cat = c.strip();
            List<BudgetItem> in = items.items().stream()
                    .filter(i -> i.kind() == BudgetKind.EXPENDITURE && i.category().equals(cat)).toList();
            if (in.isEmpty()) {
                problems.add(new CostingProblem(source, "# cost_categories", "'" + cat + "' 不是预算项目目录中的支出类别"));
            }
            in.forEach(i -> out.add(i.code()));
        }
        return out;
    }

    private static DriverExpression split(String text, DriverCatalog drivers, String source,
                                          List<CostingProblem> problems) {
        if (text.isBlank()) {
            problems.add(new CostingProblem(source, "# split", "应写出划分门诊与住院的分摊参数，如 outpatient_revenue+inpatient_revenue"));
            return null;
        }
        Optional<DriverExpression> e = DriverExpression.parse(text, drivers, source, "# split", problems);
        if (e.isPresent()) {
            Set<Setting> scopes = new java.util.HashSet<>();
            e.get().terms().forEach(d -> scopes.add(d.scope()));
            if (scopes.contains(Setting.WHOLE) || scopes.size() != 2) {
                problems.add(new CostingProblem(source, "# split", "划分门诊与住院的参数应各有门诊（OUTPATIENT）和住院（INPATIENT）"
                        + "口径的项，且没有全科（WHOLE）口径的项；实际为 " + e.get().id()));
            }
        }
        return e.orElse(null);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The TSV text the rules were read from, for storing a loaded set. */
    public String text() {
        return text;
    }

    /** An item's name (its code when the catalogue has no such item). */
    public String itemName(String code) {
        return itemNames.getOrDefault(code, code);
    }

    /** Whether an item (code) is cost. */
    public boolean isCost(String itemCode) {
        return costItems.contains(itemCode);
    }

    public Set<String> costItems() {
        return costItems;
    }

    /** The drivers dividing a clinical department between its 门诊 and 住院 units. */
    public DriverExpression split() {
        return split;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The departments named as senders (rules for one department). */
    public Set<String> senderDepartments() {
        Set<String> out = new LinkedHashSet<>();
        rules.stream().filter(r -> r.senderClass().isEmpty()).forEach(r -> out.add(r.sender()));
        return out;
    }

    /**
     * The row that sets how {@code department} (of sending class {@code cls}) allocates {@code item}: department and
     * item, department, class and item, class.
     */
    public Rule ruleFor(CostClass cls, String department, String item) {
        for (String key : List.of(department + "\u0001" + item, department + "\u0001", cls.label() + "\u0001" + item,
                cls.label() + "\u0001")) {
            Rule r = byKey.get(key);
            if (r != null) {
                return r;
            }
        }
        throw new IllegalStateException("no rule for " + cls);
    }
}

package org.hqd.costing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.casemix.abstracts.ChargeCategory;

/**
 * The checks of the two smaller costing files, each taken whole or not at all with every reason: class overrides
 * ({@code hospital_id,department,class}) and item costs ({@code hospital_id,year,department,category,cost}).
 */
public final class OverrideFileCheck {
    public static final List<String> CLASS_COLUMNS = List.of("hospital_id", "department", "class");
    public static final List<String> ITEM_COST_COLUMNS = List.of("hospital_id", "year", "department", "category", "cost");

    /** The accepted rows when {@code problems} is empty. */
    public record Result<T>(List<T> values, List<CostingProblem> problems) {
        public Result {
            values = List.copyOf(values);
            problems = List.copyOf(problems);
        }
    }

    private final Set<String> hospitals;
    private final Function<String, Set<String>> departments;

    /** @param departments a hospital's departments and cost centres (asked once per hospital) */
    public OverrideFileCheck(Set<String> hospitals, Function<String, Set<String>> departments) {
        this.hospitals = hospitals;
        Map<String, Set<String>> known = new HashMap<>();
        this.departments = h -> known.computeIfAbsent(h, departments);
    }

    public Result<ClassOverride> classes(String file, List<BudgetRowCheck.RawRow> rows) {
        return check(file, rows, (r, h, d, wrong) -> {
            var c = CostClass.of(r.cell("class"));
            if (c.isEmpty()) {
                wrong.add("类别 '" + r.cell("class") + "' 应为 " + CostCentreClasses.labels());
            }
            return new Checked<>(h + "\u0001" + d, "同一医院和科室", () -> new ClassOverride(h, d, c.get()));
        });
    }

    public Result<ItemCost> itemCosts(String file, List<BudgetRowCheck.RawRow> rows) {
        return check(file, rows, (r, h, d, wrong) -> {
            String y = r.cell("year");
            if (!y.matches("\\d{4}")) {
                wrong.add("年度 '" + y + "' 应为四位数字");
            }
            ChargeCategory category = null;
            for (ChargeCategory c : ChargeCategory.values()) {
                if (c.column().equals(r.cell("category")) || c.label().equals(r.cell("category"))) {
                    category = c;
                }
            }
            if (category == null) {
                wrong.add("收费类别 '" + r.cell("category") + "' 应为病案首页的费用列（cost_bed … cost_other）或其中文名");
            }
            String cost = r.cell("cost").replace(",", "");
            if (!cost.matches("\\d{1,15}(\\.\\d{1,2})?")) {
                wrong.add("项目成本 '" + r.cell("cost") + "' 应为 ≥ 0、至多两位小数的元数");
            }
            ChargeCategory found = category;
            return new Checked<>(h + "\u0001" + y + "\u0001" + d + "\u0001" + category, "同一医院、年度、科室和收费类别",
                    () -> new ItemCost(h, Integer.parseInt(y), d, found, new BigDecimal(cost)));
        });
    }

    /** A file's own checks of a row (after its hospital and department), adding what is wrong to {@code wrong}. */
    @FunctionalInterface
    private interface RowRule<T> {
        Checked<T> check(BudgetRowCheck.RawRow r, String hospital, String department, List<String> wrong);
    }

    /** A checked row: the key no other row may repeat (and its words), and its value when nothing is wrong. */
    private record Checked<T>(String key, String what, Supplier<T> value) { }

    /** Checks every row: hospital and department, the file's rule, repeats; the values only when all rows pass. */
    private <T> Result<T> check(String file, List<BudgetRowCheck.RawRow> rows, RowRule<T> rule) {
        List<CostingProblem> problems = new ArrayList<>();
        List<T> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (BudgetRowCheck.RawRow r : rows) {
            List<String> wrong = new ArrayList<>();
            String h = r.cell("hospital_id");
            String d = r.cell("department");
            department(h, d, wrong);
            Checked<T> c = rule.check(r, h, d, wrong);
            duplicate(seen, c.key(), r.line(), c.what(), wrong);
            report(file, r, wrong, problems);
            if (wrong.isEmpty()) {
                out.add(c.value().get());
            }
        }
        return new Result<>(problems.isEmpty() ? out : List.of(), problems);
    }

    private void department(String h, String d, List<String> wrong) {
        if (!hospitals.contains(h)) {
            wrong.add("医院 '" + h + "' 不在名册中");
        } else if (!departments.apply(h).contains(d)) {
            wrong.add("科室 '" + d + "' 不是医院 " + h + " 的科室或成本中心");
        }
    }

    private static void duplicate(Map<String, Integer> seen, String key, int line, String what, List<String> wrong) {
        Integer first = seen.putIfAbsent(key, line);
        if (first != null) {
            wrong.add("与第 " + first + " 行重复（" + what + "）");
        }
    }

    private static void report(String file, BudgetRowCheck.RawRow r, List<String> wrong, List<CostingProblem> problems) {
        wrong.forEach(w -> problems.add(new CostingProblem(file, "第 " + r.line() + " 行", w)));
    }
}

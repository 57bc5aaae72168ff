package org.hqd.costing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hqd.budget.BudgetRowCheck;

/**
 * The checks of a driver file ({@code hospital_id,year,department,driver,value}). A file is taken whole or not at
 * all: every row must name a known hospital, a year, a department the hospital has, a driver of the catalogue and a
 * number ≥ 0, once; and for each hospital and year of the file, every cost the rules will allocate must find a
 * receiver with a value of its driver, and every clinical department a value to divide it between 门诊 and 住院. All
 * problems are reported together.
 */
public final class DriverFileCheck {
    public static final List<String> COLUMNS = List.of("hospital_id", "year", "department", "driver", "value");

    /** The hospital's classification and rules, and which items each department has cost of in a year. */
    public interface Context {
        Set<String> hospitals();

        /** The hospital's departments and cost centres. */
        Set<String> departments(String hospital);

        CostCentreClasses classes(String hospital);

        CostingRules rules(String hospital);

        /** Department → cost items with a non-zero actual amount in the year (empty when no actuals are loaded). */
        Map<String, Set<String>> costItems(String hospital, int year);
    }

    /** The values when {@code problems} is empty. */
    public record Result(List<DriverValue> values, List<CostingProblem> problems) {
        public Result {
            values = List.copyOf(values);
            problems = List.copyOf(problems);
        }
    }

    private final DriverCatalog drivers;
    private final Context context;

    public DriverFileCheck(DriverCatalog drivers, Context context) {
        this.drivers = drivers;
        this.context = context;
    }

    public Result check(String file, List<BudgetRowCheck.RawRow> rows) {
        List<CostingProblem> problems = new ArrayList<>();
        List<DriverValue> values = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Set<String>> departments = new HashMap<>();
        for (BudgetRowCheck.RawRow r : rows) {
            String where = "第 " + r.line() + " 行";
            List<String> wrong = new ArrayList<>();
            String h = r.cell("hospital_id");
            boolean knownHospital = context.hospitals().contains(h);
            if (!knownHospital) {
                wrong.add("医院 '" + h + "' 不在名册中");
            }
            String y = r.cell("year");
            if (!y.matches("\\d{4}") || Integer.parseInt(y) < 2000 || Integer.parseInt(y) > 2100) {
                wrong.add("年度 '" + y + "' 应为 2000–2100 的四位数字");
            }
            String d = r.cell("department");
            if (knownHospital && !departments.computeIfAbsent(h, context::departments).contains(d)) {
                wrong.add("科室 '" + d + "' 不是医院 " + h + " 的科室或成本中心");
            }
            String driver = r.cell("driver");
            if (drivers.driver(driver).isEmpty()) {
                wrong.add("分摊参数 '" + driver + "' 不在目录中（可用：" + drivers.ids() + "）");
            }
            BigDecimal value = number(r.cell("value"));
            if (value == null) {
                wrong.add("参数值 '" + r.cell("value") + "' 不是数字");
            } else if (value.signum() < 0) {
                wrong.add("参数值 " + r.cell("value") + " 为负数：分摊参数应 ≥ 0");
            }
            Integer first = seen.putIfAbsent(h + "\u0001" + y + "\u0001" + d + "\u0001" + driver, r.line());
            if (first != null) {
                wrong.add("与第 " + first + " 行重复（同一医院、年度、科室和分摊参数）");
            }
            wrong.forEach(w -> problems.add(new CostingProblem(file, where, w)));
            if (wrong.isEmpty()) {
                values.add(new DriverValue(h, Integer.parseInt(y), d, driver, value));
            }
        }
        if (problems.isEmpty()) {
            coverage(file, values, problems);
        }
        return new Result(problems.isEmpty() ? values : List.of(), problems);
    }

    private static BigDecimal number(String text) {
        String t = text.replace(",", "");
        if (!t.matches("[-+]?\\d{1,15}(\\.\\d{1,6})?")) {
            return null;
        }
        return new BigDecimal(t);
    }

    /** For each hospital-year of the file: every cost to allocate finds a receiver, every clinical unit a split. */
    private void coverage(String file, List<DriverValue> values, List<CostingProblem> problems) {
        Map<String, Map<String, Map<String, BigDecimal>>> byYear = new TreeMap<>();
        for (DriverValue v : values) {
            byYear.computeIfAbsent(v.hospitalId() + "\u0001" + v.year(), k -> new TreeMap<>())
                    .computeIfAbsent(v.department(), k -> new HashMap<>()).merge(v.driver(), v.value(), BigDecimal::add);
        }
        byYear.forEach((key, drivers) -> {
            String h = key.substring(0, key.indexOf('\u0001'));
            int year = Integer.parseInt(key.substring(key.indexOf('\u0001') + 1));
            String source = file + "（" + h + " " + year + " 年）";
            CostCentreClasses classes = context.classes(h);
            CostingRules rules = context.rules(h);
            Map<String, Set<String>> costs = context.costItems(h, year);
            Set<String> present = new LinkedHashSet<>(drivers.keySet());
            present.addAll(costs.keySet());
            // without actuals, any of the hospital's departments may have cost to send
            Set<String> senders = costs.isEmpty() ? context.departments(h) : costs.keySet();
            Map<String, CostingRules.Rule> needed = new LinkedHashMap<>();
            for (String d : senders) {
                CostClass c = classes.classOf(d);
                if (!c.sends()) {
                    continue;
                }
                Set<String> items = costs.isEmpty() ? Set.of("") : costs.get(d);
                for (String item : items) {
                    if (item.isEmpty() || rules.isCost(item)) {
                        CostingRules.Rule r = rules.ruleFor(c, d, item);
                        needed.putIfAbsent(r.sender() + "\u0001" + r.item(), r);
                    }
                }
            }
            needed.values().stream().sorted(java.util.Comparator.comparing((CostingRules.Rule r) -> r.senderClass()
                    .orElseGet(() -> classes.classOf(r.sender()))).thenComparing(CostingRules.Rule::line)).forEach(r -> {
                CostClass sender = r.senderClass().orElseGet(() -> classes.classOf(r.sender()));
                BigDecimal total = BigDecimal.ZERO;
                for (String d : present) {
                    if (classes.classOf(d).receivesFrom(sender)) {
                        total = total.add(r.driver().sum(drivers.getOrDefault(d, Map.of())));
                    }
                }
                if (total.signum() == 0) {
                    String item = r.item().isEmpty() ? "" : "的" + rules.itemName(r.item());
                    problems.add(new CostingProblem(source, "", r.sender() + item + "按 " + r.driver().label()
                            + " 分摊，但文件中没有接收科室的这项参数值"));
                }
            });
            for (String d : present) {
                if (classes.classOf(d) == CostClass.CLINICAL
                        && rules.split().sum(drivers.getOrDefault(d, Map.of())).signum() == 0) {
                    problems.add(new CostingProblem(source, d, "临床科室没有 " + rules.split().label() + "（"
                            + rules.split().id() + "）的值，无法划分门诊与住院成本"));
                }
            }
        });
    }
}

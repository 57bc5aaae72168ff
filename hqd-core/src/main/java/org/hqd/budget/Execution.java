package org.hqd.budget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.hqd.HqdException;

/** Budget execution as of a month: one line per department × item that has a budget or an actual amount. */
public final class Execution {
    private Execution() {
    }

    /** Annual budget, budget to date, actual to date of a department × item while summing. */
    private static final class Sums {
        long annual;
        long toDate;
        long actual;
        long budgetOfMonth;
        long actualOfMonth;
    }

    public static List<ExecutionLine> of(List<BudgetLine> budget, List<BudgetLine> actuals, int month,
                                         BudgetRules rules, BudgetCatalog catalog) {
        if (month < 1 || month > 12) {
            throw new HqdException("月份应为 1–12，实际为 " + month);
        }
        Map<String, Sums> sums = new LinkedHashMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        for (BudgetLine b : budget) {
            Sums s = sums.computeIfAbsent(key(b, keys), k -> new Sums());
            s.annual += b.fen();
            if (b.month() <= month) {
                s.toDate += b.fen();
            }
            if (b.month() == month) {
                s.budgetOfMonth += b.fen();
            }
        }
        for (BudgetLine a : actuals) {
            if (a.month() <= month) {
                Sums s = sums.computeIfAbsent(key(a, keys), k -> new Sums());
                s.actual += a.fen();
                if (a.month() == month) {
                    s.actualOfMonth += a.fen();
                }
            }
        }
        double progress = month / 12.0;
        List<ExecutionLine> out = new ArrayList<>();
        sums.forEach((k, s) -> {
            String[] dk = keys.get(k);
            BudgetItem item = catalog.item(dk[1]).orElseThrow(() -> new HqdException("预算项目 " + dk[1] + " 不在项目目录中"));
            List<BudgetRules.AlertRule> fired = rules.alerts().stream()
                    .filter(r -> r.fires(item.kind(), s.annual, s.actual, progress)).toList();
            out.add(new ExecutionLine(dk[0], item, s.annual, s.toDate, s.actual, s.budgetOfMonth, s.actualOfMonth,
                    s.annual == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) s.actual / s.annual), progress,
                    fired));
        });
        out.sort(Comparator.comparing(ExecutionLine::department).thenComparingInt(l -> catalog.order(l.item().code())));
        return out;
    }

    private static String key(BudgetLine l, Map<String, String[]> keys) {
        String k = l.department() + "\u0001" + l.item();
        keys.putIfAbsent(k, new String[] {l.department(), l.item()});
        return k;
    }

    /**
     * The execution rate a performance target of source {@code EXECUTION_RATE} measures: actual to date / annual budget
     * over the target's lines. The department's lines, or every department's when the target's department is the
     * hospital as a whole (全院); of the target's item, or — item empty — of every expenditure item (支出预算执行率:
     * revenue and spending are not added up). None without a budget.
     */
    public static OptionalDouble rate(PerformanceTarget target, List<ExecutionLine> lines, BudgetCatalog catalog) {
        boolean wholeHospital = catalog.isWholeHospital(target.department());
        long annual = 0;
        long actual = 0;
        for (ExecutionLine l : lines) {
            boolean department = wholeHospital || l.department().equals(target.department());
            boolean item = target.item().isEmpty() ? l.item().kind() == BudgetKind.EXPENDITURE
                    : target.item().equals(l.item().code()) || target.item().equals(l.item().name());
            if (department && item) {
                annual += l.annualBudget();
                actual += l.actualToDate();
            }
        }
        return annual == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) actual / annual);
    }

    /** Totals of the lines by kind: annual budget, budget and actual to date, budget and actual of the month alone. */
    public record Total(BudgetKind kind, long annualBudget, long budgetToDate, long actualToDate, long budgetOfMonth,
                        long actualOfMonth) {
        public OptionalDouble executionRate() {
            return annualBudget == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) actualToDate / annualBudget);
        }

        /** The month's own execution: its actual over its budget (本月执行率); none without a budget that month. */
        public OptionalDouble monthRate() {
            return budgetOfMonth == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) actualOfMonth / budgetOfMonth);
        }
    }

    public static Map<BudgetKind, Total> totals(List<ExecutionLine> lines) {
        Map<BudgetKind, long[]> s = new EnumMap<>(BudgetKind.class);
        for (ExecutionLine l : lines) {
            long[] t = s.computeIfAbsent(l.item().kind(), k -> new long[5]);
            t[0] += l.annualBudget();
            t[1] += l.budgetToDate();
            t[2] += l.actualToDate();
            t[3] += l.budgetOfMonth();
            t[4] += l.actualOfMonth();
        }
        Map<BudgetKind, Total> out = new EnumMap<>(BudgetKind.class);
        for (BudgetKind k : BudgetKind.values()) {
            long[] t = s.getOrDefault(k, new long[5]);
            out.put(k, new Total(k, t[0], t[1], t[2], t[3], t[4]));
        }
        return out;
    }
}

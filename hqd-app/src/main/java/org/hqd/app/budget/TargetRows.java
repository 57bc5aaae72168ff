package org.hqd.app.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.PerformanceDimension;
import org.hqd.budget.PerformanceTarget;
import org.hqd.budget.TargetValue;
import org.hqd.evaluation.Comparison;
import org.hqd.evaluation.IndicatorCatalog;

/**
 * The rows of a performance-target file and of a file of reported values, checked: a row that is not valid is left
 * out and said so, with its line.
 */
public final class TargetRows {
    /** The columns of a performance-target file. */
    public static final List<String> TARGET_COLUMNS = List.of("hospital_id", "year", "department", "item", "dimension",
            "name", "comparison", "target", "unit", "weight", "source");
    /** The columns of a file of reported values (target = the performance target's name). */
    public static final List<String> VALUE_COLUMNS = List.of("hospital_id", "year", "target", "month", "value");

    /** The valid rows as values, and a sentence for each row left out. */
    public record Checked<T>(List<T> values, List<String> problems) {
        public Checked {
            values = List.copyOf(values);
            problems = List.copyOf(problems);
        }
    }

    private TargetRows() {
    }

    public static Checked<PerformanceTarget> targets(List<BudgetRowCheck.RawRow> rows, IndicatorCatalog indicators) {
        List<PerformanceTarget> targets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (BudgetRowCheck.RawRow r : rows) {
            String where = "第 " + r.line() + " 行：";
            Optional<PerformanceDimension> d = PerformanceDimension.of(r.cell("dimension"));
            Optional<Comparison> c = Comparison.of(r.cell("comparison"));
            String source = r.cell("source");
            boolean sourceOk = source.equals(PerformanceTarget.MANUAL)
                    || source.equals(PerformanceTarget.EXECUTION_RATE) || (source.startsWith(PerformanceTarget.INDICATOR)
                    && indicators.indicator(source.substring(PerformanceTarget.INDICATOR.length())).isPresent());
            double target;
            double weight;
            try {
                target = Double.parseDouble(r.cell("target"));
                weight = Double.parseDouble(r.cell("weight"));
            } catch (NumberFormatException e) {
                problems.add(where + "target 和 weight 应为数字");
                continue;
            }
            if (d.isEmpty() || c.isEmpty() || !sourceOk || r.cell("name").isEmpty() || !r.cell("year").matches("\\d{4}")
                    || weight <= 0) {
                problems.add(where + "dimension、comparison、source、name、year 或 weight 无效");
                continue;
            }
            targets.add(new PerformanceTarget(r.cell("hospital_id"), Integer.parseInt(r.cell("year")),
                    r.cell("department"), r.cell("item"), d.get(), r.cell("name"), c.get(), target, r.cell("unit"),
                    weight, source));
        }
        return new Checked<>(targets, problems);
    }

    public static Checked<TargetValue> values(List<BudgetRowCheck.RawRow> rows) {
        List<TargetValue> values = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (BudgetRowCheck.RawRow r : rows) {
            try {
                int month = Integer.parseInt(r.cell("month"));
                if (month < 1 || month > 12) {
                    throw new NumberFormatException();
                }
                values.add(new TargetValue(r.cell("hospital_id"), Integer.parseInt(r.cell("year")), r.cell("target"),
                        month, Double.parseDouble(r.cell("value"))));
            } catch (NumberFormatException e) {
                problems.add("第 " + r.line() + " 行：year、month（1–12）或 value 不是有效数字，未载入");
            }
        }
        return new Checked<>(values, problems);
    }
}

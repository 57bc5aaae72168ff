package org.hqd.budget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/** Variance analysis: budget to date against actual to date, by department or by item, largest differences first. */
public final class Variance {
    private Variance() {
    }

    /** A group's budget and actual to date (fen), the variance = actual − budget and its rate = variance / budget. */
    public record Line(String key, BudgetKind kind, long budgetToDate, long actualToDate) {
        public long variance() {
            return actualToDate - budgetToDate;
        }

        public OptionalDouble rate() {
            return budgetToDate == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) variance() / budgetToDate);
        }
    }

    public static List<Line> byDepartment(List<ExecutionLine> lines) {
        return group(lines, ExecutionLine::department);
    }

    public static List<Line> byItem(List<ExecutionLine> lines) {
        return group(lines, l -> l.item().name());
    }

    private static List<Line> group(List<ExecutionLine> lines, Function<ExecutionLine, String> key) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, BudgetKind> kinds = new LinkedHashMap<>();
        for (ExecutionLine l : lines) {
            String k = key.apply(l) + "\u0001" + l.item().kind();
            long[] s = sums.computeIfAbsent(k, x -> new long[2]);
            s[0] += l.budgetToDate();
            s[1] += l.actualToDate();
            kinds.put(k, l.item().kind());
        }
        List<Line> out = new ArrayList<>();
        sums.forEach((k, s) -> out.add(new Line(k.substring(0, k.indexOf('\u0001')), kinds.get(k), s[0], s[1])));
        out.sort(Comparator.comparingLong((Line l) -> -Math.abs(l.variance())).thenComparing(Line::key));
        return out;
    }
}

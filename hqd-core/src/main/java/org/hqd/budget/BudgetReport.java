package org.hqd.budget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the yearly budget report of a hospital says as of a month: the basis — the version execution is measured
 * against: the one in force (latest approved), or the latest before the first approval — (and a later one awaiting
 * approval), execution per line with totals, the lines with alerts, revenue and expenditure structure, variance by
 * department and by item, the performance assessment, the history of the budget and, when the year is costed, the
 * cost accounting's figures ({@link #withCosts}). {@link #publicSummary()} is what may be disclosed: totals by
 * category, no department, no comment.
 */
public record BudgetReport(String hospitalId, String hospitalName, int year, int month, BudgetVersion basis,
                           Optional<BudgetVersion> pending, List<ExecutionLine> lines,
                           Map<BudgetKind, Execution.Total> totals, StructureIndicators structure,
                           List<Variance.Line> byDepartment, List<Variance.Line> byItem,
                           PerformanceAssessment performance, List<BudgetEvent> history, Optional<CostFigures> costs) {

    public static BudgetReport of(String hospitalId, String hospitalName, int year, int month, BudgetVersion basis,
                                  Optional<BudgetVersion> pending, List<ExecutionLine> lines,
                                  List<BudgetLine> actualsToDate, BudgetCatalog catalog,
                                  PerformanceAssessment performance, List<BudgetEvent> history) {
        return new BudgetReport(hospitalId, hospitalName, year, month, basis, pending, List.copyOf(lines),
                Execution.totals(lines), StructureIndicators.of(actualsToDate, catalog), Variance.byDepartment(lines),
                Variance.byItem(lines), performance, List.copyOf(history), Optional.empty());
    }

    /** This report with the cost accounting's figures of the year. */
    public BudgetReport withCosts(Optional<CostFigures> figures) {
        return new BudgetReport(hospitalId, hospitalName, year, month, basis, pending, lines, totals, structure,
                byDepartment, byItem, performance, history, figures);
    }

    /** The lines with at least one alert. */
    public List<ExecutionLine> alerts() {
        return lines.stream().filter(l -> !l.alerts().isEmpty()).toList();
    }

    /** A category's annual budget and actual to date, for disclosure. */
    public record CategoryLine(BudgetKind kind, String category, long annualBudget, long actualToDate) {
        public OptionalDouble executionRate() {
            return annualBudget == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) actualToDate / annualBudget);
        }
    }

    /** What a hospital discloses (财务信息公开): totals by category (revenue first, in item-code order) and the structure indicators. */
    public record PublicSummary(String hospitalName, int year, int month, List<CategoryLine> categories,
                                Map<BudgetKind, Execution.Total> totals, StructureIndicators structure) { }

    public PublicSummary publicSummary() {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, BudgetKind> kinds = new LinkedHashMap<>();
        List<ExecutionLine> ordered = lines.stream().sorted(java.util.Comparator.comparing((ExecutionLine l) -> l.item().kind())
                .thenComparing(l -> l.item().code())).toList();
        for (BudgetKind k : BudgetKind.values()) {
            for (ExecutionLine l : ordered) {
                if (l.item().kind() == k) {
                    long[] s = sums.computeIfAbsent(k + "\u0001" + l.item().category(), x -> new long[2]);
                    s[0] += l.annualBudget();
                    s[1] += l.actualToDate();
                    kinds.put(k + "\u0001" + l.item().category(), k);
                }
            }
        }
        List<CategoryLine> categories = new ArrayList<>();
        sums.forEach((k, s) -> categories.add(new CategoryLine(kinds.get(k), k.substring(k.indexOf('\u0001') + 1), s[0], s[1])));
        StructureIndicators st = structure;
        return new PublicSummary(hospitalName, year, month, categories, totals,
                new StructureIndicators(Map.of(), st.serviceRevenueShare(), st.staffSpendingShare(), st.energyPer10kRevenue()));
    }
}

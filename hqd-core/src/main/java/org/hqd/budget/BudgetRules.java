package org.hqd.budget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.TsvRows;

/**
 * The alert rules of budget execution and the grades of the year-end performance assessment, as data
 * ({@code budget-rules.tsv}; a hospital or region loads its own with other thresholds).
 */
public final class BudgetRules {
    /** What an alert tests. */
    public enum Test { OVER_BUDGET, AHEAD_OF_TIME, BEHIND_TIME, UNBUDGETED }

    /** An alert: its id, label, the kind of item it applies to (empty: both), its test and threshold (a fraction). */
    public record AlertRule(String id, String label, Optional<BudgetKind> kind, Test test, double threshold) {
        /** Whether the alert fires for a line of this kind with these amounts as of this time progress. */
        public boolean fires(BudgetKind itemKind, long annual, long actualToDate, double timeProgress) {
            if (kind.isPresent() && kind.get() != itemKind) {
                return false;
            }
            if (test == Test.UNBUDGETED) {
                return annual == 0 && actualToDate != 0;
            }
            if (annual <= 0) {
                return false;
            }
            double rate = (double) actualToDate / annual;
            return switch (test) {
                case OVER_BUDGET -> actualToDate > annual * (1 + threshold) + 1e-9;
                case AHEAD_OF_TIME -> rate > timeProgress + threshold + 1e-12;
                case BEHIND_TIME -> rate < timeProgress - threshold - 1e-12;
                case UNBUDGETED -> false;
            };
        }
    }

    /** A grade of the performance score: the lowest score that earns it. */
    public record Grade(double minimum, String label) { }

    private final String id;
    private final List<AlertRule> alerts;
    private final List<Grade> grades;

    private BudgetRules(String id, List<AlertRule> alerts, List<Grade> grades) {
        this.id = id;
        this.alerts = List.copyOf(alerts);
        this.grades = List.copyOf(grades);
    }

    public static BudgetRules standard() {
        return parse(BudgetCatalog.resource("budget-rules.tsv"), "budget-rules.tsv");
    }

    public static BudgetRules parse(String text, String source) {
        TsvRows t = TsvRows.parse(text, source, List.of("id", "label", "kind", "test", "threshold"));
        List<AlertRule> alerts = new ArrayList<>();
        for (TsvRows.Row r : t.rows()) {
            String kind = r.get("kind");
            Optional<BudgetKind> k;
            try {
                k = kind.equals("*") ? Optional.empty() : Optional.of(BudgetKind.valueOf(kind));
            } catch (IllegalArgumentException e) {
                throw r.error("kind 应为 REVENUE、EXPENDITURE 或 *，实际为 '" + kind + "'");
            }
            Test test;
            try {
                test = Test.valueOf(r.get("test"));
            } catch (IllegalArgumentException e) {
                throw r.error("test 应为 OVER_BUDGET、AHEAD_OF_TIME、BEHIND_TIME 或 UNBUDGETED，实际为 '" + r.get("test") + "'");
            }
            double threshold;
            try {
                threshold = Double.parseDouble(r.get("threshold"));
            } catch (NumberFormatException e) {
                throw r.error("threshold 应为小数（0.10 即 10 个百分点），实际为 '" + r.get("threshold") + "'");
            }
            if (threshold < 0 || threshold > 10) {
                throw r.error("threshold 应在 0–10 之间");
            }
            alerts.add(new AlertRule(r.get("id"), r.get("label"), k, test, threshold));
        }
        List<Grade> grades = new ArrayList<>();
        String g = t.properties().getOrDefault("grades", "90 优, 80 良, 60 中, 0 差");
        for (String part : g.split("[,，]")) {
            String[] f = part.strip().split("\\s+", 2);
            try {
                grades.add(new Grade(Double.parseDouble(f[0]), f[1].strip()));
            } catch (RuntimeException e) {
                throw new HqdException(source + "：grades 应写成“90 优, 80 良, 60 中, 0 差”，实际为 '" + g + "'");
            }
        }
        grades.sort(Comparator.comparingDouble(Grade::minimum).reversed());
        return new BudgetRules(t.properties().getOrDefault("id", source), alerts, grades);
    }

    public String id() {
        return id;
    }

    public List<AlertRule> alerts() {
        return alerts;
    }

    /** The grades as the rules file lists them, best first. */
    public List<Grade> grades() {
        return grades;
    }

    /** The grade of a score (0–100). */
    public String grade(double score) {
        for (Grade g : grades) {
            if (score >= g.minimum()) {
                return g.label();
            }
        }
        return grades.isEmpty() ? "" : grades.get(grades.size() - 1).label();
    }
}

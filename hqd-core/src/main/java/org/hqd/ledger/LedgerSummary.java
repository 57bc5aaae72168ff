package org.hqd.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a ledger briefing says as of a date: progress by plan and by responsible unit (lead or co-responsible), the
 * follow-up list (回头看: overdue first, then at risk, by due date) and the measured targets against their actuals.
 */
public record LedgerSummary(LocalDate asOf, List<PlanProgress> plans, List<UnitProgress> units,
                            List<TrackedTask> followUp, List<TrackedTask> measured) {

    /** A plan's tasks by effective status. */
    public record PlanProgress(String planId, String title, Map<TaskStatus, Integer> counts) {
        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int count(TaskStatus s) {
            return counts.getOrDefault(s, 0);
        }

        /** Share of tasks done, 0 for a plan without tasks. */
        public double doneShare() {
            return total() == 0 ? 0 : (double) count(TaskStatus.DONE) / total();
        }
    }

    /** A unit's tasks across plans: how many it leads, how many it shares, and all of them by effective status. */
    public record UnitProgress(String unit, int lead, int co, Map<TaskStatus, Integer> counts) {
        public int total() {
            return lead + co;
        }

        public int count(TaskStatus s) {
            return counts.getOrDefault(s, 0);
        }
    }

    public static LedgerSummary of(LocalDate asOf, List<TrackedTask> tasks) {
        Map<String, PlanProgress> plans = new LinkedHashMap<>();
        Map<String, int[]> roles = new LinkedHashMap<>();
        Map<String, Map<TaskStatus, Integer>> unitCounts = new LinkedHashMap<>();
        for (TrackedTask t : tasks) {
            plans.computeIfAbsent(t.planId(), id -> new PlanProgress(id, t.planTitle(), new EnumMap<>(TaskStatus.class)))
                    .counts().merge(t.status(), 1, Integer::sum);
            for (String u : t.task().units()) {
                int[] r = roles.computeIfAbsent(u, x -> new int[2]);
                r[t.task().leadUnits().contains(u) ? 0 : 1]++;
                unitCounts.computeIfAbsent(u, x -> new EnumMap<>(TaskStatus.class)).merge(t.status(), 1, Integer::sum);
            }
        }
        List<UnitProgress> units = new ArrayList<>();
        roles.forEach((u, r) -> units.add(new UnitProgress(u, r[0], r[1], unitCounts.get(u))));
        units.sort(Comparator.comparingInt((UnitProgress u) -> -u.count(TaskStatus.OVERDUE))
                .thenComparingInt(u -> -u.total()).thenComparing(UnitProgress::unit));
        List<TrackedTask> followUp = tasks.stream().filter(TrackedTask::followUp)
                .sorted(Comparator.comparingInt((TrackedTask t) -> t.status() == TaskStatus.OVERDUE ? 0 : 1)
                        .thenComparing(t -> t.task().due().orElse(LocalDate.MAX))
                        .thenComparing(t -> t.task().taskId()))
                .toList();
        List<TrackedTask> measured = tasks.stream().filter(t -> !t.checks().isEmpty()).toList();
        return new LedgerSummary(asOf, List.copyOf(plans.values()), units, followUp, measured);
    }
}

package org.hqd.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One task of a plan: its number as written ({@code （一）}, {@code 1.}, {@code 9、}), its stable id, the section it
 * belongs to (the top heading above it, empty where the document has lost it), title, full text, lead and
 * co-responsible units, deadlines, the date it is due (the latest deadline unless a reviewer set another),
 * quantitative targets and the line of the document it starts on (0 for a task a reviewer added).
 */
public record PlanTask(String taskId, String section, String taskNo, String title, String text,
                       List<String> leadUnits, List<String> coUnits, List<Deadline> deadlines,
                       Optional<LocalDate> due, List<TaskTarget> targets, int sourceLine) {
    public PlanTask {
        leadUnits = List.copyOf(leadUnits);
        coUnits = List.copyOf(coUnits);
        deadlines = List.copyOf(deadlines);
        targets = List.copyOf(targets);
    }

    /** The date a task with these deadlines is due by default: the latest date among them. */
    public static Optional<LocalDate> latest(List<Deadline> deadlines) {
        return deadlines.stream().flatMap(d -> d.due().stream()).max(LocalDate::compareTo);
    }

    /** Whether the document names no unit for the task (an 意见 often does not): a reviewer should name one. */
    public boolean unitsUnnamed() {
        return leadUnits.isEmpty() && coUnits.isEmpty();
    }

    /** Whether the task's due date is its plan's horizon, not a date of its own. */
    public boolean dueDerived() {
        return due.isPresent() && deadlines.stream().anyMatch(d -> d.derived() && d.due().equals(due))
                && deadlines.stream().noneMatch(d -> !d.derived() && d.due().isPresent());
    }

    /** Every unit named, lead units first, each once. */
    public List<String> units() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(leadUnits);
        all.addAll(coUnits);
        return List.copyOf(all);
    }

    /** The same task under another id. */
    public PlanTask withId(String id) {
        return new PlanTask(id, section, taskNo, title, text, leadUnits, coUnits, deadlines, due, targets, sourceLine);
    }
}

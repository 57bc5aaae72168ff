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

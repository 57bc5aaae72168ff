package org.hqd.app.ledger;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.hqd.ledger.TaskStatus;

/**
 * Progress on a task: a declared status, a new due date, a note and its evidence, the day it is about, and who files
 * it (by default the actor).
 */
public record TaskUpdate(Optional<TaskStatus> status, Optional<LocalDate> due, LocalDate date, String note,
                         String evidence, Optional<String> author) {
    public TaskUpdate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** Whether there is anything to record. */
    public boolean isEmpty() {
        return status.isEmpty() && due.isEmpty() && note.isEmpty() && evidence.isEmpty();
    }
}

package org.hqd.ledger;

import java.util.List;
import java.util.Optional;

/**
 * A task as the ledger tracks it: its plan, the task, the status users declared, the effective status with the
 * reason when it differs (past due, not started close to the due date, a measured target not met), the target
 * checks, the latest progress note and the number of notes.
 */
public record TrackedTask(String planId, String planTitle, Optional<String> hospitalId, PlanTask task,
                          TaskStatus declared, TaskStatus status, String reason, List<TargetCheck> checks,
                          Optional<ProgressNote> lastNote, int notes) {
    public TrackedTask {
        checks = List.copyOf(checks);
    }

    /** Whether the task is on the follow-up list (回头看): overdue or at risk. */
    public boolean followUp() {
        return status == TaskStatus.OVERDUE || status == TaskStatus.AT_RISK;
    }
}

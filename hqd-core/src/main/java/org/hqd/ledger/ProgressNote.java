package org.hqd.ledger;

import java.time.LocalDate;
import java.util.Optional;

/** A progress note on a task: the date it reports on, who wrote it, the status it set (if it set one), text and an evidence link. */
public record ProgressNote(LocalDate date, String author, Optional<TaskStatus> status, String text, String evidence) {
    public ProgressNote {
        text = text == null ? "" : text;
        evidence = evidence == null ? "" : evidence;
    }
}

package org.hqd.ledger;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A deadline as written in a task ("到2025年", "2022年6月底前", "“十四五”期间") and the date it means, if it means one. A
 * task that names no date of its own is given its plan's horizon ({@link #derivedFrom}): its text then starts with
 * {@link #DERIVED}, which keeps the mark wherever the deadline is stored or reviewed.
 */
public record Deadline(String text, Optional<LocalDate> due) {
    /** How a deadline taken from the plan's horizon starts. */
    public static final String DERIVED = "按方案期限推定：";

    /** The plan's horizon as a task's deadline, marked as derived. */
    public static Deadline derivedFrom(Deadline horizon) {
        return new Deadline(DERIVED + horizon.text(), horizon.due());
    }

    /** Whether the deadline was not written in the task but derived from its plan's horizon. */
    public boolean derived() {
        return text.startsWith(DERIVED);
    }
}

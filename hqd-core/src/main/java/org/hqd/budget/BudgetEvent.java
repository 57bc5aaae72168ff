package org.hqd.budget;

import java.time.Instant;
import java.util.Optional;

/** One step of a budget's history: the version, what was done, the states before (none for the first compile) and after, the comment, who and when. */
public record BudgetEvent(int version, BudgetAction action, Optional<BudgetState> from, BudgetState to, String comment,
                          String user, Instant at) {
}

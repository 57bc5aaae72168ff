package org.hqd.app.budget;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hqd.budget.BudgetVersion;

/**
 * A hospital-year's budget in a list: its latest version, the version in force and the months with actual amounts,
 * in order.
 */
public record BudgetSummary(BudgetVersion latest, String hospitalName, Optional<BudgetVersion> inForce,
                            Set<Integer> monthsWithActuals) {
    public BudgetSummary {
        monthsWithActuals = Collections.unmodifiableSortedSet(new TreeSet<>(monthsWithActuals));
    }
}

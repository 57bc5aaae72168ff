package org.hqd.app.budget;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.hqd.budget.BudgetVersion;

/**
 * The hospital, year and month a reader asks about, with the defaults resolved: the latest version of that budget and
 * the months that have actual amounts, in order.
 */
public record Selection(String hospital, int year, int month, BudgetVersion latest, Set<Integer> months) {
    public Selection {
        months = Collections.unmodifiableSortedSet(new TreeSet<>(months));
    }
}

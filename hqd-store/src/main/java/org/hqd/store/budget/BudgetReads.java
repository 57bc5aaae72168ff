package org.hqd.store.budget;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetEvent;
import org.hqd.budget.BudgetLine;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.CostFigures;
import org.hqd.budget.PerformanceTarget;

/**
 * What execution, the yearly report and the history read of a hospital-year's budget: the {@link BudgetStore} reads
 * it from the store each time, a {@link BudgetYear} from a year read once for every hospital.
 */
public interface BudgetReads {
    BudgetCatalog catalog();

    /** A hospital's name from the register, or its id. */
    String hospitalName(String hospital);

    /** The versions of a hospital-year's budget, in version order. */
    List<BudgetVersion> versions(String hospital, int year);

    default Optional<BudgetVersion> latest(String hospital, int year) {
        return BudgetBook.latest(versions(hospital, year));
    }

    /** The version in force: the latest approved or closed one. */
    default Optional<BudgetVersion> inForce(String hospital, int year) {
        return BudgetBook.inForce(versions(hospital, year));
    }

    List<BudgetLine> lines(String hospital, int year, int version);

    List<BudgetLine> actuals(String hospital, int year);

    /** The months of a year with actuals. */
    default Set<Integer> actualMonths(String hospital, int year) {
        Set<Integer> out = new TreeSet<>();
        actuals(hospital, year).forEach(a -> out.add(a.month()));
        return out;
    }

    List<BudgetEvent> events(String hospital, int year);

    /** The cost accounting's figures of a hospital's year (hqd costing run), when it was costed. */
    Optional<CostFigures> costFigures(String hospital, int year);

    List<PerformanceTarget> targets(String hospital, int year);

    /** The latest reported value of a target up to a month. */
    OptionalDouble targetValue(String hospital, int year, String name, int month);
}

package org.hqd.store.budget;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetEvent;
import org.hqd.budget.BudgetLine;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.CostFigures;
import org.hqd.budget.PerformanceTarget;

/**
 * Every hospital's budget of one year as read at one time — versions, lines, actual amounts, history, performance
 * targets and their reported values, cost figures, names — so that a long-running reader (the web server) answers
 * any hospital and month of the year without a store query: a few queries of the whole year instead of some twenty per
 * hospital-month. It reads only its year and does not see later changes (the reader reads the year again).
 */
public final class BudgetYear implements BudgetReads {
    private final int year;
    private final BudgetCatalog catalog;
    private final Map<String, String> names;
    private final Map<String, List<BudgetVersion>> versions;
    private final Map<String, Map<Integer, List<BudgetLine>>> lines;
    private final Map<String, List<BudgetLine>> actuals;
    private final Map<String, List<BudgetEvent>> events;
    private final Map<String, List<PerformanceTarget>> targets;
    private final Map<String, Map<String, TreeMap<Integer, Double>>> values;
    private final Map<String, Optional<CostFigures>> costs;

    private BudgetYear(int year, BudgetCatalog catalog, Connection c, Function<String, Optional<CostFigures>> costs) {
        this.year = year;
        this.catalog = catalog;
        this.names = BudgetReference.hospitalNames(c);
        this.versions = BudgetBook.versions(c, year);
        this.lines = BudgetBook.lines(c, year);
        this.actuals = BudgetBook.actuals(c, year);
        this.events = BudgetBook.events(c, year);
        this.targets = BudgetTargets.targets(c, year);
        this.values = BudgetTargets.values(c, year);
        this.costs = new HashMap<>();
        versions.keySet().forEach(h -> this.costs.put(h, costs.apply(h)));
    }

    /** Reads the year on the connection; {@code costs} gives a budget's cost figures. */
    static BudgetYear read(Connection c, BudgetCatalog catalog, int year,
                           Function<String, Optional<CostFigures>> costs) {
        return new BudgetYear(year, catalog, c, costs);
    }

    public int year() {
        return year;
    }

    @Override
    public BudgetCatalog catalog() {
        return catalog;
    }

    @Override
    public String hospitalName(String hospital) {
        return names.getOrDefault(hospital, hospital);
    }

    @Override
    public List<BudgetVersion> versions(String hospital, int year) {
        return ofYear(year, versions.getOrDefault(hospital, List.of()));
    }

    @Override
    public List<BudgetLine> lines(String hospital, int year, int version) {
        return ofYear(year, lines.getOrDefault(hospital, Map.of()).getOrDefault(version, List.of()));
    }

    @Override
    public List<BudgetLine> actuals(String hospital, int year) {
        return ofYear(year, actuals.getOrDefault(hospital, List.of()));
    }

    @Override
    public List<BudgetEvent> events(String hospital, int year) {
        return ofYear(year, events.getOrDefault(hospital, List.of()));
    }

    @Override
    public Optional<CostFigures> costFigures(String hospital, int year) {
        return ofYear(year, costs.getOrDefault(hospital, Optional.empty()));
    }

    @Override
    public List<PerformanceTarget> targets(String hospital, int year) {
        return ofYear(year, targets.getOrDefault(hospital, List.of()));
    }

    @Override
    public OptionalDouble targetValue(String hospital, int year, String name, int month) {
        Map.Entry<Integer, Double> v = ofYear(year, values.getOrDefault(hospital, Map.of())
                .getOrDefault(name, new TreeMap<>())).floorEntry(month);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v.getValue());
    }

    /** What was read for this year: asked of another year, a programming error. */
    private <T> T ofYear(int asked, T value) {
        if (asked != year) {
            throw new IllegalArgumentException("read the budgets of " + year + ", asked of " + asked);
        }
        return value;
    }
}

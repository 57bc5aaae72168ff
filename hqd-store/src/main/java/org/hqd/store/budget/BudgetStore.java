package org.hqd.store.budget;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetDepartment;
import org.hqd.budget.BudgetEvent;
import org.hqd.budget.BudgetLine;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.BudgetWorkflow;
import org.hqd.budget.CostFigures;
import org.hqd.budget.PerformanceTarget;
import org.hqd.budget.TargetValue;
import org.hqd.io.table.TableFile;
import org.hqd.store.DataDirectory;
import org.hqd.store.costing.CostingResults;

/**
 * The budgets of a data directory. Every change is one transaction and one event of the budget's history: importing
 * a budget file compiles (creates or replaces) the draft of each hospital and year it holds — refused as a whole if
 * one of them is not a draft; submitting, approving, returning, adjusting and closing follow {@link BudgetWorkflow};
 * importing actuals replaces the months the file holds. Rejected rows are kept in {@code budget_rejects} with their
 * reasons; the rest goes through.
 *
 * <p>The work is done by one class per part: {@link BudgetReference} (catalogue, hospitals, departments, cases),
 * {@link BudgetImports}, {@link BudgetSteps} (the workflow's other steps), {@link BudgetBook} (versions, lines,
 * actuals, history) and {@link BudgetTargets} (performance targets and reported values).
 */
public final class BudgetStore implements BudgetReads {
    private final DataDirectory dir;
    private final BudgetCatalog catalog;

    public BudgetStore(DataDirectory dir, BudgetCatalog catalog) {
        this.dir = dir;
        this.catalog = catalog;
        BudgetReference.syncCatalog(dir.connection(), catalog);
    }

    private Connection c() {
        return dir.connection();
    }

    @Override
    public BudgetCatalog catalog() {
        return catalog;
    }

    // ------------------------------------------------------------------------------------------------- reference

    /** The hospitals of the register and those with cases. */
    public Set<String> hospitals() {
        return BudgetReference.hospitals(c());
    }

    /** A hospital's departments: those of its discharge abstracts and those registered for its budget. */
    public Set<String> departments(String hospital) {
        return BudgetReference.departments(c(), hospital);
    }

    @Override
    public String hospitalName(String hospital) {
        return BudgetReference.hospitalName(c(), hospital);
    }

    /** Registers departments (cost centres) of hospitals; returns how many were new. */
    public int registerDepartments(List<BudgetDepartment> departments) {
        return BudgetReference.registerDepartments(c(), departments);
    }

    /** The rows of a budget-shaped table file (budget, actuals, adjustments), ready to check. */
    public static List<BudgetRowCheck.RawRow> rows(TableFile t) {
        return t.rows().stream().map(r -> new BudgetRowCheck.RawRow(r.line(), r.cells())).toList();
    }

    public BudgetRowCheck rowCheck() {
        return new BudgetRowCheck(catalog, hospitals(), this::departments);
    }

    // ------------------------------------------------------------------------------------------------- changes

    /** What an import did: rows read, accepted and rejected (by rule), and per hospital and year what happened. */
    public record ImportResult(String batch, int read, int accepted, List<BudgetRowCheck.Rejected> rejected,
                               Map<String, Integer> rejectedByRule, List<String> changes) { }

    /** What compiling from the template did. */
    public record Compiled(BudgetVersion version, int lines, int fromActuals, int fromCases, double caseGrowth) { }

    /** @see BudgetImports#importBudget */
    public ImportResult importBudget(String file, String sha256, List<BudgetRowCheck.RawRow> rows, String user, Instant at) {
        return BudgetImports.importBudget(c(), catalog, rowCheck(), file, sha256, rows, user, at);
    }

    /** @see BudgetImports#importActuals */
    public ImportResult importActuals(String file, String sha256, List<BudgetRowCheck.RawRow> rows, String user, Instant at) {
        return BudgetImports.importActuals(c(), rowCheck(), file, sha256, rows, user, at);
    }

    /** @see BudgetSteps#compile */
    public Compiled compile(String hospital, int year, double growth, Optional<Double> caseGrowth, String user, Instant at) {
        return BudgetSteps.compile(c(), catalog, hospital, year, growth, caseGrowth, user, at);
    }

    /** @see BudgetSteps#transition */
    public BudgetVersion transition(String hospital, int year, BudgetAction action, String comment, String user, Instant at) {
        return BudgetSteps.transition(c(), hospital, year, action, comment, user, at);
    }

    /** @see BudgetSteps#adjust */
    public BudgetVersion adjust(String hospital, int year, List<BudgetLine> changes, String reason, String user, Instant at) {
        return BudgetSteps.adjust(c(), hospital, year, changes, reason, user, at);
    }

    // ------------------------------------------------------------------------------------------------- reading

    @Override
    public List<BudgetVersion> versions(String hospital, int year) {
        return BudgetBook.versions(c(), hospital, year);
    }

    /** Every hospital and year with a budget: its latest version. */
    public List<BudgetVersion> budgets() {
        return BudgetBook.budgets(c());
    }

    @Override
    public List<BudgetLine> lines(String hospital, int year, int version) {
        return BudgetBook.lines(c(), hospital, year, version);
    }

    @Override
    public List<BudgetLine> actuals(String hospital, int year) {
        return BudgetBook.actuals(c(), hospital, year);
    }

    @Override
    public List<BudgetEvent> events(String hospital, int year) {
        return BudgetBook.events(c(), hospital, year);
    }

    @Override
    public Optional<CostFigures> costFigures(String hospital, int year) {
        return new CostingResults(dir).figures(hospital, year);
    }

    /** Every hospital's budget of a year, read now, for readers that do not change it. */
    public BudgetYear year(int year) {
        return BudgetYear.read(c(), catalog, year, h -> costFigures(h, year));
    }

    // ------------------------------------------------------------------------------------------------- performance

    /** Stores performance targets (replacing those of the same hospital, year and name); returns how many. */
    public int saveTargets(List<PerformanceTarget> targets) {
        return BudgetTargets.saveTargets(c(), targets);
    }

    @Override
    public List<PerformanceTarget> targets(String hospital, int year) {
        return BudgetTargets.targets(c(), hospital, year);
    }

    /** Stores reported values of targets (replacing those of the same target and month); returns how many. */
    public int saveTargetValues(List<TargetValue> values) {
        return BudgetTargets.saveValues(c(), values);
    }

    @Override
    public OptionalDouble targetValue(String hospital, int year, String name, int month) {
        return BudgetTargets.value(c(), hospital, year, name, month);
    }
}

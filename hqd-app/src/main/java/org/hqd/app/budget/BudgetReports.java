package org.hqd.app.budget;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hqd.app.Actor;
import org.hqd.app.AuditTrail;
import org.hqd.app.DataAccess;
import org.hqd.app.NotFoundException;
import org.hqd.app.ResultCache;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetKind;
import org.hqd.budget.BudgetLine;
import org.hqd.budget.BudgetReport;
import org.hqd.budget.BudgetRules;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.ExecutionLine;
import org.hqd.budget.PerformanceAssessment;
import org.hqd.budget.PerformanceTarget;
import org.hqd.budget.StructureIndicators;
import org.hqd.budget.Variance;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.HospitalMeasures;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.store.budget.BudgetAnalysis;
import org.hqd.store.budget.BudgetReads;
import org.hqd.store.budget.BudgetStore;
import org.hqd.store.budget.BudgetYear;
import org.hqd.store.evaluation.MeasureQuery;

/**
 * The use cases that read budgets: the list, a hospital's execution as of a month (with alerts, against the version in
 * force), the history, the performance assessment, what a reader sees of a hospital-year (a department user: its own
 * lines only), and the yearly report for export (audited).
 */
public final class BudgetReports {
    private final DataAccess data;
    private final Clock clock;
    private final BudgetStores stores = new BudgetStores(BudgetCatalog.standard());
    private final BudgetRules rules = BudgetRules.standard();
    private final IndicatorCatalog indicators = IndicatorCatalog.standard();

    /** The province's measures by period, kept between readers ({@link #forServer}); empty: computed each time. */
    private final Optional<ResultCache> measures;
    /** Every hospital's budgets of a year, read once and kept ({@link #forServer}); empty: read each time. */
    private final Optional<ResultCache> years;

    public BudgetReports(DataAccess data, Clock clock) {
        this(data, clock, false);
    }

    private BudgetReports(DataAccess data, Clock clock, boolean keeping) {
        this.data = Objects.requireNonNull(data, "data");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.measures = keeping ? Optional.of(new ResultCache(32)) : Optional.empty();
        this.years = keeping ? Optional.of(new ResultCache(4)) : Optional.empty();
    }

    /**
     * For a long-running reader (the web server, whose per-hospital-month summaries are built:
     * {@link org.hqd.app.standards.StandardsService#forServer}): the measures that the performance targets' indicators
     * read are computed once per period for every hospital, as sums of the summaries, and kept until
     * {@link #measuresChanged()}; every hospital's budgets of a year are read once ({@link BudgetYear}) and kept until
     * {@link #budgetsChanged()}, so that a hospital-month's execution is computed without a store query.
     */
    public static BudgetReports forServer(DataAccess data, Clock clock) {
        return new BudgetReports(data, clock, true);
    }

    /** The measures changed (actuals were imported): the kept ones are dropped, and the budgets read. */
    public void measuresChanged() {
        measures.ifPresent(ResultCache::clear);
        budgetsChanged();
    }

    /** A budget changed (a step, an adjustment, an import): the budgets read are dropped. */
    public void budgetsChanged() {
        years.ifPresent(ResultCache::clear);
    }

    /**
     * The work on a year's budgets and their analysis: over the kept year and measures (no connection borrowed
     * unless they are read now), or over the store on a borrowed connection.
     */
    private <T> T analysing(int year, BiFunction<BudgetReads, BudgetAnalysis, T> work) {
        if (years.isPresent() && measures.isPresent()) {
            BudgetReads s = year(years.get(), year);
            return work.apply(s, new BudgetAnalysis(s, rules, indicators, p -> kept(measures.get(), p)));
        }
        return data.with(d -> {
            BudgetStore s = stores.of(d);
            return work.apply(s, new BudgetAnalysis(s, rules, new MeasureQuery(d), indicators));
        });
    }

    /** The work on a year's budgets: the kept year, or the store on a borrowed connection. */
    private <T> T reading(int year, Function<BudgetReads, T> work) {
        return analysing(year, (s, a) -> work.apply(s));
    }

    /** Every hospital's measures over the period, computed now (on a connection borrowed for it) unless kept. */
    private Map<String, HospitalMeasures> kept(ResultCache kept, EvaluationPeriod p) {
        return kept.get(p.toString(), () -> data.with(d -> BudgetAnalysis.province(new MeasureQuery(d).withSummaries(),
                p)));
    }

    /** Every hospital's budgets of the year, read now (on a connection borrowed for it) unless kept. */
    private BudgetYear year(ResultCache kept, int year) {
        return kept.get(String.valueOf(year), () -> data.with(d -> stores.of(d).year(year)));
    }

    /**
     * Computes the measures of the first budget's report period (the latest year's, as of its last month with actual
     * amounts) ahead of the first reader: a server does it in the background at start (about 1.5 CPU-seconds on the
     * demo province), and reads the year's budgets. Nothing without budgets.
     */
    public void warm() {
        try {
            view(select(Optional.empty(), Optional.empty(), Optional.empty(), h -> true), Optional.empty());
        } catch (NotFoundException e) {
            // no budget yet: nothing to warm
        }
    }

    /**
     * Computes the measures of every month of the latest budget year (a view as of month M reads those of months
     * 1–M, the same for every hospital) ahead of the readers, so that choosing a month costs a reader only its
     * hospital's lines. Only for a reader that keeps them ({@link #forServer}); stops when the thread is interrupted.
     */
    public void warmMonths() {
        if (measures.isEmpty()) {
            return;
        }
        Optional<Integer> year = data.with(d -> stores.of(d).budgets().stream().map(BudgetVersion::year)
                .max(Integer::compare));
        for (int month = 1; year.isPresent() && month <= 12 && !Thread.currentThread().isInterrupted(); month++) {
            kept(measures.get(), BudgetAnalysis.periodAsOf(year.get(), month));
        }
    }

    /** Every budget (its latest version) of the hospitals the reader may see, latest year first. */
    public List<BudgetSummary> list(Predicate<String> visibleHospital) {
        return data.with(d -> {
            BudgetStore s = stores.of(d);
            List<BudgetSummary> out = new ArrayList<>();
            for (BudgetVersion v : s.budgets()) {
                if (visibleHospital.test(v.hospitalId())) {
                    out.add(new BudgetSummary(v, s.hospitalName(v.hospitalId()), s.inForce(v.hospitalId(), v.year()),
                            s.actualMonths(v.hospitalId(), v.year())));
                }
            }
            return out;
        });
    }

    /**
     * The hospital-year a reader asks about: without a hospital, the first visible budget (of the year, if given);
     * without a year, the hospital's latest; without a month, the last month with actual amounts (12 when none).
     */
    public Selection select(Optional<String> hospital, Optional<Integer> year, Optional<Integer> month,
                            Predicate<String> visibleHospital) {
        if (hospital.isPresent() && year.isPresent()) {
            return reading(year.get(), s -> selection(s, hospital.get(), year.get(), month));
        }
        return data.with(d -> {
            BudgetStore s = stores.of(d);
            List<BudgetVersion> visible = s.budgets().stream().filter(v -> visibleHospital.test(v.hospitalId()))
                    .filter(v -> hospital.map(h -> h.equals(v.hospitalId())).orElse(true)).toList();
            String h = hospital.orElseGet(() -> visible.stream().filter(v -> year.map(y -> y == v.year()).orElse(true))
                    .findFirst().map(BudgetVersion::hospitalId).orElseThrow(() -> new NotFoundException(
                            year.map(y -> y + " 年").orElse("") + "还没有可以查看的预算")));
            int y = year.orElseGet(() -> visible.stream().filter(v -> v.hospitalId().equals(h)).findFirst()
                    .map(BudgetVersion::year).orElseThrow(() -> new NotFoundException("医院 " + AuditTrail.clip(h)
                            + " 还没有预算")));
            return selection(s, h, y, month);
        });
    }

    /** The selection of a hospital-year: without a month, the last month with actual amounts (12 when none). */
    private static Selection selection(BudgetReads s, String h, int y, Optional<Integer> month) {
        BudgetVersion latest = s.latest(h, y).orElseThrow(() ->
                new NotFoundException("医院 " + AuditTrail.clip(h) + " 没有 " + y + " 年的预算"));
        Set<Integer> months = s.actualMonths(h, y);
        int m = month.orElse(months.stream().mapToInt(Integer::intValue).max().orElse(12));
        return new Selection(h, y, m, latest, months);
    }

    /** Execution as of a month, line by line, against the version in force (before approval: the latest). */
    public BudgetStatus status(String hospital, int year, int month) {
        return analysing(year, (s, a) -> new BudgetStatus(s.hospitalName(hospital), a.basis(hospital, year),
                a.status(hospital, year, month)));
    }

    /** The structure indicators of the actual amounts of months 1–{@code month}. */
    public StructureIndicators structure(String hospital, int year, int month) {
        return reading(year, s -> StructureIndicators.of(s.actuals(hospital, year).stream()
                .filter(a -> a.month() <= month).toList(), s.catalog()));
    }

    /** The performance assessment as of a month: each target's actual, whether it is met, its score; the grade. */
    public PerformanceAssessment assess(String hospital, int year, int month) {
        return analysing(year, (s, a) -> a.performance(hospital, year, month, a.status(hospital, year, month)));
    }

    public BudgetHistory history(String hospital, int year) {
        return reading(year, s -> new BudgetHistory(totals(s, hospital, year, dep -> true), s.events(hospital, year)));
    }

    private List<VersionTotals> totals(BudgetReads s, String hospital, int year, Predicate<String> departments) {
        List<VersionTotals> out = new ArrayList<>();
        for (BudgetVersion v : s.versions(hospital, year)) {
            long revenue = 0;
            long expenditure = 0;
            for (BudgetLine l : s.lines(hospital, year, v.version())) {
                if (!departments.test(l.department())) {
                    continue;
                }
                if (s.catalog().item(l.item()).map(i -> i.kind() == BudgetKind.REVENUE).orElse(false)) {
                    revenue += l.fen();
                } else {
                    expenditure += l.fen();
                }
            }
            out.add(new VersionTotals(v, revenue, expenditure));
        }
        return out;
    }

    /** What a reader sees of the selection: everything, or a department user only its department's lines. */
    public BudgetView view(Selection sel, Optional<String> department) {
        Predicate<String> mine = dep -> department.map(dep::equals).orElse(true);
        return analysing(sel.year(), (s, a) -> {
            BudgetReport r = a.report(sel.hospital(), sel.year(), sel.month());
            List<ExecutionLine> lines = r.lines().stream().filter(l -> mine.test(l.department())).toList();
            boolean whole = department.isEmpty();
            StructureIndicators structure = whole ? r.structure() : StructureIndicators.of(s.actuals(sel.hospital(),
                    sel.year()).stream().filter(x -> x.month() <= sel.month() && mine.test(x.department())).toList(),
                    s.catalog());
            return new BudgetView(sel, r, department, s.inForce(sel.hospital(), sel.year()),
                    totals(s, sel.hospital(), sel.year(), mine), lines, structure,
                    whole ? r.byDepartment() : Variance.byDepartment(lines),
                    whole ? r.byItem() : Variance.byItem(lines), whole ? r.performance() : only(r.performance(), mine));
        });
    }

    /** The assessment of a department's own targets only, scored over them. */
    private PerformanceAssessment only(PerformanceAssessment all, Predicate<String> mine) {
        Map<PerformanceTarget, OptionalDouble> actuals = new LinkedHashMap<>();
        all.results().stream().filter(x -> mine.test(x.target().department()))
                .forEach(x -> actuals.put(x.target(), x.actual()));
        return PerformanceAssessment.assess(new ArrayList<>(actuals.keySet()), actuals::get, rules);
    }

    /** Whether the budgets are synthetic data (the reports then say 合成数据). */
    public boolean synthetic() {
        return data.synthetic();
    }

    /**
     * The yearly report of a hospital as of a month, to be written to {@code file} (PDF or Excel): the export is
     * audited, the full report as 预算报告, the public summary as 财务信息公开.
     */
    public BudgetReport export(Actor actor, String hospital, int year, int month, boolean publicSummary, String file) {
        Instant now = clock.instant();
        BudgetReport r = analysing(year, (s, a) -> a.report(hospital, year, month));
        return data.inTransaction("导出预算报告", d -> {
            AuditTrail.record(d, now, actor, "导出", (publicSummary ? "财务信息公开 " : "预算报告 ") + hospital + " " + year
                    + " 年（截至 " + month + " 月）→ " + AuditTrail.clip(file));
            return r;
        });
    }
}

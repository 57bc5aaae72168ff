package org.hqd.store.budget;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.HqdException;
import org.hqd.budget.BudgetLine;
import org.hqd.budget.BudgetReport;
import org.hqd.budget.BudgetRules;
import org.hqd.budget.BudgetState;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.Execution;
import org.hqd.budget.ExecutionLine;
import org.hqd.budget.PerformanceAssessment;
import org.hqd.budget.PerformanceTarget;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.HospitalMeasures;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.store.evaluation.MeasureQuery;

/**
 * Budget execution and the yearly report of a hospital as of a month, from the budgets' reads (the store's, or a year
 * read once: {@link BudgetReads}) and the measures: the version in force (the
 * latest approved; before the first approval, the latest version, so a draft can be checked against actuals), the
 * actuals of months 1–M, the alert rules, and the performance targets with their actuals — reported values, the
 * line's execution rate, or an HQD indicator of the hospital over months 1–M.
 */
public final class BudgetAnalysis {
    /**
     * The measures of every hospital over a period, by hospital id. Computing them for one hospital costs as much as
     * for all (the measures' SQL reads the period's cases of the province), so a long-running reader may keep them
     * per period and share them between hospitals ({@link #province(MeasureQuery, EvaluationPeriod)} computes them).
     */
    @FunctionalInterface
    public interface ProvinceMeasures {
        Map<String, HospitalMeasures> of(EvaluationPeriod period);
    }

    private final BudgetReads store;
    private final BudgetRules rules;
    private final IndicatorCatalog indicators;
    private final ProvinceMeasures province;

    public BudgetAnalysis(BudgetReads store, BudgetRules rules, MeasureQuery measures, IndicatorCatalog indicators) {
        this(store, rules, indicators, p -> province(measures, p));
    }

    public BudgetAnalysis(BudgetReads store, BudgetRules rules, IndicatorCatalog indicators, ProvinceMeasures province) {
        this.store = store;
        this.rules = rules;
        this.indicators = indicators;
        this.province = province;
    }

    /** Every registered hospital's measures over the period, by id. */
    public static Map<String, HospitalMeasures> province(MeasureQuery measures, EvaluationPeriod period) {
        Map<String, HospitalMeasures> out = new HashMap<>();
        measures.whole(period, measures.hospitals(Optional.empty())).forEach(h -> out.put(h.hospitalId(), h));
        return out;
    }

    /** The period whose measures a report of the year as of the month reads: months 1 to {@code month}. */
    public static EvaluationPeriod periodAsOf(int year, int month) {
        return EvaluationPeriod.parse(String.format("%04d-01..%04d-%02d", year, year, month));
    }

    /** The version execution is measured against. */
    public BudgetVersion basis(String hospital, int year) {
        return store.inForce(hospital, year).or(() -> store.latest(hospital, year)).orElseThrow(() ->
                HqdException.withHint(hospital + " 没有 " + year + " 年的预算",
                        "：先用 hqd budget import 或 compile 编制"));
    }

    public List<ExecutionLine> status(String hospital, int year, int month) {
        return status(hospital, year, month, basis(hospital, year), store.actuals(hospital, year));
    }

    private List<ExecutionLine> status(String hospital, int year, int month, BudgetVersion basis, List<BudgetLine> actuals) {
        return Execution.of(store.lines(hospital, year, basis.version()), actuals, month, rules, store.catalog());
    }

    public BudgetReport report(String hospital, int year, int month) {
        BudgetVersion v = basis(hospital, year);
        List<BudgetLine> actuals = store.actuals(hospital, year);
        List<ExecutionLine> lines = status(hospital, year, month, v, actuals);
        List<BudgetLine> toDate = actuals.stream().filter(a -> a.month() <= month).toList();
        Optional<BudgetVersion> pending = store.latest(hospital, year).filter(l -> l.version() != v.version()
                || (l.state() != BudgetState.APPROVED && l.state() != BudgetState.CLOSED));
        PerformanceAssessment performance = performance(hospital, year, month, lines);
        return BudgetReport.of(hospital, store.hospitalName(hospital), year, month, v, pending, lines, toDate,
                store.catalog(), performance, store.events(hospital, year)).withCosts(store.costFigures(hospital, year));
    }

    public PerformanceAssessment performance(String hospital, int year, int month, List<ExecutionLine> lines) {
        List<PerformanceTarget> targets = store.targets(hospital, year);
        HospitalMeasures[] hm = new HospitalMeasures[1];
        return PerformanceAssessment.assess(targets, t -> {
            if (t.source().equals(PerformanceTarget.EXECUTION_RATE)) {
                return Execution.rate(t, lines, store.catalog());
            }
            if (t.source().startsWith(PerformanceTarget.INDICATOR)) {
                String id = t.source().substring(PerformanceTarget.INDICATOR.length());
                if (hm[0] == null) {
                    hm[0] = province.of(periodAsOf(year, month)).get(hospital);
                }
                return hm[0] == null ? OptionalDouble.empty() : indicators.indicator(id)
                        .map(i -> i.formula().evaluate(hm[0].measures())).orElse(OptionalDouble.empty());
            }
            return store.targetValue(hospital, year, t.name(), month);
        }, rules);
    }
}

package org.hqd.app.standards;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hqd.app.DataAccess;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.performance.DrgCase;
import org.hqd.casemix.performance.PeerGroup;
import org.hqd.casemix.performance.PeriodPerformance;
import org.hqd.casemix.performance.PhysicianLine;
import org.hqd.casemix.performance.UnitLevel;
import org.hqd.casemix.standards.GroupStandard;
import org.hqd.casemix.standards.LatestWeights;
import org.hqd.casemix.standards.Outlier;
import org.hqd.casemix.standards.StandardsParameters;
import org.hqd.casemix.standards.WeightVersion;
import org.hqd.payment.CostLevel;
import org.hqd.payment.UnitCostOutput;
import org.hqd.store.query.CostOutputQuery;
import org.hqd.store.query.DrgCasesQuery;
import org.hqd.store.query.OutlierQuery;
import org.hqd.store.query.PhysicianDepartments;
import org.hqd.store.query.PhysicianReport;
import org.hqd.store.query.UnitMetricsQuery;
import org.hqd.store.standards.StandardsStore;

/**
 * Standards and metrics: the DRG standards (weights) of the data directory and what is measured on them — unit
 * metrics, outliers, a DRG's cases, physicians, cost-output at a base rate. Reads only, except computing a weight
 * version (explicitly, or the first one when an analysis needs weights).
 */
public final class StandardsService {
    private final DataAccess data;
    private final boolean monthlyBenchmark;

    /** @param data the data directory, which may change between calls (the command line, the demo) */
    public StandardsService(DataAccess data) {
        this(data, false);
    }

    private StandardsService(DataAccess data, boolean monthlyBenchmark) {
        this.data = Objects.requireNonNull(data, "data");
        this.monthlyBenchmark = monthlyBenchmark;
    }

    /**
     * For a server whose store does not change while it runs: the monthly benchmark sums are built once now, and
     * metrics over whole months read them (the same results up to the order of floating-point sums).
     */
    public static StandardsService forServer(DataAccess data) {
        data.with(d -> {
            UnitMetricsQuery.prepareMonthlyBenchmark(d);
            return null;
        });
        return new StandardsService(data, true);
    }

    // ------------------------------------------------------------------------------------------------ standards

    /** The latest weight version, if any. */
    public Optional<WeightVersion> latest() {
        return data.with(d -> new StandardsStore(d).latest());
    }

    /** The latest weight version; the first one is computed over all cases when there is none. */
    public LatestWeights ensureComputed() {
        return data.with(d -> new StandardsStore(d).ensureComputed(DataAccess.scheme(d)));
    }

    /** Computes a new weight version over the cases discharged in the baseline (either end open). */
    public WeightVersion compute(Optional<LocalDate> from, Optional<LocalDate> to) {
        return data.with(d -> new StandardsStore(d).compute(from, to, StandardsParameters.DEFAULTS,
                DataAccess.scheme(d)));
    }

    /** The DRG standards of the latest version, by DRG. */
    public List<GroupStandard> current() {
        return data.with(d -> new StandardsStore(d).current());
    }

    /** The DRG standards of the latest version, keyed by DRG. */
    public Map<String, GroupStandard> byDrg() {
        return current().stream().collect(Collectors.toMap(GroupStandard::drg, Function.identity()));
    }

    // ------------------------------------------------------------------------------------------------ metrics

    /** Every unit of the level among the filter's cases (per month when asked), against the peer group. */
    public List<PeriodPerformance> units(UnitLevel level, CaseFilter filter, boolean byMonth, PeerGroup peers) {
        return data.with(d -> {
            UnitMetricsQuery q = new UnitMetricsQuery(d);
            return (monthlyBenchmark ? q.withMonthlyBenchmark() : q).run(level, filter, byMonth, peers);
        });
    }

    /** Each physician's main department ({@code H/department}), keyed by {@code H/physician}. */
    public Map<String, String> physicianDepartments(CaseFilter filter) {
        return data.with(d -> new PhysicianDepartments(d).of(filter));
    }

    /** The cases of a DRG (of one department when given), most expensive first, at most {@code limit}. */
    public List<DrgCase> drgCases(String drg, CaseFilter filter, Optional<String> department, int limit) {
        return data.with(d -> new DrgCasesQuery(d).run(drg, filter, department, limit));
    }

    /** The 高倍率 and 低倍率 cases of the filter against the latest standards. */
    public List<Outlier> outliers(CaseFilter filter) {
        return data.with(d -> new OutlierQuery(d).run(StandardsParameters.DEFAULTS, filter));
    }

    /** The physicians' metrics and ranks in their departments, with the DRG balance at a base rate (default neutral). */
    public List<PhysicianLine> physicians(OptionalDouble baseRate, CaseFilter filter) {
        return data.with(d -> new PhysicianReport(d).run(baseRate.isPresent() ? baseRate.getAsDouble()
                : new CostOutputQuery(d).neutralBaseRate(), filter));
    }

    /**
     * The units' cost-output at a base rate on HQD's latest weights (all cases the fund pays, under the DRG rules in
     * force), the biggest loss first.
     */
    public List<UnitCostOutput> costOutput(CostLevel level, double baseRate, CaseFilter filter) {
        return data.with(d -> new CostOutputQuery(d).run(level, baseRate, filter));
    }

    /** The budget-neutral base rate of the latest weight version: the mean cost of its kept cases. */
    public double neutralBaseRate() {
        return data.with(d -> new CostOutputQuery(d).neutralBaseRate());
    }
}

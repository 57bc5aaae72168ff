package org.hqd.store.dip;

import java.util.List;
import java.util.Optional;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.dip.DipUnitScore;
import org.hqd.casemix.performance.PeerGroup;
import org.hqd.casemix.performance.PeriodPerformance;
import org.hqd.casemix.performance.UnitLevel;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;
import org.hqd.store.query.CaseFilterSql;
import org.hqd.store.query.UnitMetricsQuery;

/**
 * Unit metrics on DIP (DESIGN §3.2, §3.4): the metrics of {@link UnitMetricsQuery} with the DIP group of each case
 * (from the latest catalogue, see {@link DipStore}) in place of its DRG and the group's score in place of its RW —
 * total and mean score (the DIP counterpart of total weight and CMI), cost, time, drug and consumable indices
 * against the benchmark's cases of the same DIP group — and payment = point value × score with its balance against
 * the cost of the unit's DIP-grouped cases.
 */
public final class DipUnitScores {

    /**
     * The point value's cost and score from the monthly sums of the DIP groups ({@code bench_months_dip}: the
     * DIP-grouped cases of the latest catalogue by month, tier and group), Σ cases × the group's score; two parameters:
     * first and last month {@code YYYY-MM}.
     */
    private static final String FROM_MONTHS = "SELECT sum(b.sum_cost), sum(b.n * g.score) FROM bench_months_dip b "
            + "JOIN dip_catalogue g ON g.dip_key = b.drg AND g.version = (SELECT max(version) FROM dip_versions) "
            + "WHERE b.month BETWEEN ? AND ?";

    private final DataDirectory dir;
    private final boolean monthlyBenchmark;

    public DipUnitScores(DataDirectory dir) {
        this(dir, false);
    }

    private DipUnitScores(DataDirectory dir, boolean monthlyBenchmark) {
        this.dir = dir;
        this.monthlyBenchmark = monthlyBenchmark;
    }

    /** Benchmarks of whole-month periods from the monthly sums ({@link UnitMetricsQuery#withMonthlyBenchmark}). */
    public DipUnitScores withMonthlyBenchmark() {
        return new DipUnitScores(dir, true);
    }

    /**
     * The units' DIP figures at this point value (yuan per point); a point value ≤ 0 means budget-neutral, see
     * {@link #neutralPointValue}.
     */
    public List<DipUnitScore> run(UnitLevel level, CaseFilter filter, double pointValue,
                          PeerGroup benchmark) {
        UnitMetricsQuery q = new UnitMetricsQuery(dir);
        List<PeriodPerformance> rows = (monthlyBenchmark ? q.withMonthlyBenchmark() : q).run(
                UnitMetricsQuery.CaseMix.DIP,
                level, filter, false, benchmark);
        double paid = pointValue > 0 ? pointValue : neutralPointValue(filter);
        return rows.stream().map(r -> {
            double payment = paid * r.performance().totalWeight();
            return new DipUnitScore(r.performance(), r.groupedCost(), payment, payment - r.groupedCost());
        }).toList();
    }

    /**
     * The budget-neutral point value of the filter's period: cost / score of the DIP-grouped cases of every hospital
     * (a one-hospital filter is paid at the region's point value, not at its own); 0 without DIP-grouped cases.
     */
    public double neutralPointValue(CaseFilter filter) {
        Optional<String[]> months = monthlyBenchmark ? UnitMetricsQuery.boundedMonths(filter) : Optional.empty();
        if (months.isPresent()) {
            return pointValue(Query.of("计算预算中性点值", FROM_MONTHS).bind(months.get()[0], months.get()[1]));
        }
        String sql = "SELECT sum(c.total_cost), sum(g.score) FROM case_records c JOIN dip_catalogue g "
                + "ON g.version = c.dip_version AND g.dip_key = c.dip_key "
                + "AND g.version = (SELECT max(version) FROM dip_versions) WHERE " + CaseFilterSql.PERIOD_SQL;
        return pointValue(Query.of("计算预算中性点值", sql).bind(s -> CaseFilterSql.bindPeriod(filter, s, 1)));
    }

    /** Cost / score of the query's one row {@code cost, score}; 0 without score. */
    private double pointValue(Query q) {
        return q.read(dir.connection(), r -> {
            r.next();
            double score = r.getDouble(2);
            return score == 0 ? 0 : r.getDouble(1) / score;
        });
    }
}

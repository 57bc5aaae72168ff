package org.hqd.store.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.performance.PeerGroup;
import org.hqd.casemix.performance.PeriodPerformance;
import org.hqd.casemix.performance.UnitLevel;
import org.hqd.casemix.performance.UnitPerformance;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;
import org.hqd.store.StoreException;

/**
 * The performance of every unit of one kind over a period (DESIGN §3.4), computed in SQL with the definitions of
 * {@link org.hqd.casemix.performance.UnitPerformanceCalculator}: weights and risk levels of the latest standards
 * version; the benchmark is every hospital in the store over the same period.
 */
public final class UnitMetricsQuery {
    /**
     * Which case-mix groups and weights the metrics are on: DRG (grouped = status GROUPED, weight = RW of the
     * latest standards) or DIP (grouped = assigned to a group of the latest DIP catalogue, weight = its score; the
     * indices then compare a unit's cases with the benchmark's cases of the same DIP group).
     */
    public enum CaseMix {
        DRG("case_records c", "c.drg", "c.status = 'GROUPED'", "NULL::DOUBLE", "coalesce(l.rw, 0)", "bench_months"),
        // the DIP group and score of the latest catalogue, as the cases view shows them
        DIP("(SELECT c.* EXCLUDE (dip_key), g.dip_key, g.score AS dip_score FROM case_records c "
                + "LEFT JOIN dip_catalogue g ON g.version = c.dip_version AND g.dip_key = c.dip_key "
                + "AND g.version = (SELECT max(version) FROM dip_versions)) c", "c.dip_key", "c.dip_key IS NOT NULL", "c.dip_score",
                "coalesce(c.own_weight, 0)", "bench_months_dip");

        private final String source;
        private final String group;
        private final String grouped;
        private final String ownWeight;
        private final String weight;
        private final String benchTable;

        /**
         * @param ownWeight the case's weight where the source has it (else NULL)
         * @param weight    the weight in the metrics, over the case and {@code l}, the latest DRG standards
         * @param benchTable the derived table of its monthly benchmark sums ({@link #prepareMonthlyBenchmark})
         */
        CaseMix(String source, String group, String grouped, String ownWeight, String weight, String benchTable) {
            this.source = source;
            this.group = group;
            this.grouped = grouped;
            this.ownWeight = ownWeight;
            this.weight = weight;
            this.benchTable = benchTable;
        }
    }

    /*
     * The cases of the period with the columns the metrics need. It is written out twice — once for the benchmark
     * (every hospital), once for the units (the hospital filter pushed into the scan) — rather than shared as a CTE,
     * which DuckDB would materialise whole: a one-hospital query on 10M cases then reads one narrow scan for the
     * benchmark and one filtered scan instead of copying all cases of the period.
     */
    private static final String PERIOD_CASES = CaseSql.expand("""
            (SELECT c.hospital_id, c.department, c.attending_physician, c.mdc, c.drg, c.status, c.discharge_date,
                    c.total_cost, c.los_days, c.discharge_method,
                    {c.drug} AS drug,
                    {c.material} AS material,
                    {peer} AS peer, {group} AS grp, {grouped} AS is_grouped, {own_weight} AS own_weight
             FROM {source} LEFT JOIN hospital_register h USING (hospital_id)
             WHERE {period_filter})""");

    /** The benchmark means per DRG (and peer group, month) computed from the period's cases. */
    private static final String BENCH_FROM_CASES = """
            SELECT {month} AS period, peer, grp, avg(total_cost) AS cost, avg(los_days) AS los, avg(drug) AS drug,
                       avg(material) AS material
                FROM {period_cases} WHERE is_grouped GROUP BY ALL""";

    /**
     * The same means from the monthly sums of {@link #BENCH_MONTHS} (Σ amounts / Σ cases of the months), for periods
     * of whole months; two parameters: first and last month {@code YYYY-MM}.
     */
    private static final String BENCH_FROM_MONTHS = """
            SELECT {bench_period} AS period, {bench_peer} AS peer, drg AS grp, sum(sum_cost) / sum(n) AS cost,
                   sum(sum_los) / sum(n) AS los, sum(sum_drug) / sum(n) AS drug, sum(sum_material) / sum(n) AS material
            FROM {bench_table} WHERE month BETWEEN ? AND ? GROUP BY ALL""";

    /**
     * Grouped cases summed by month, tier and group (DRG, or DIP group of the latest catalogue; derived, rebuilt by
     * {@link #prepareMonthlyBenchmark}), stored in month order so that a period's scan skips the other months' row
     * groups (the DIP sums are ≈ 1M rows on the 10M store: a quarter's benchmark read 0.5 CPU-s unordered, 0.15 ordered).
     */
    private static final String BENCH_MONTHS = CaseSql.expand("""
            CREATE OR REPLACE TABLE {bench_table} AS
            SELECT strftime(c.discharge_date, '%Y-%m') AS month, coalesce(h.tier, '') AS tier, {group} AS drg,
                   count(*) AS n,
                   sum(c.total_cost) AS sum_cost, sum(c.los_days) AS sum_los,
                   sum({c.drug}) AS sum_drug,
                   sum({c.material}) AS sum_material
            FROM {source} LEFT JOIN hospital_register h USING (hospital_id)
            WHERE {grouped} AND c.discharge_date IS NOT NULL GROUP BY ALL ORDER BY month""");

    private static final String SQL = CaseSql.expand("""
            WITH latest AS ({latest_standards}),
            bench AS ({bench}),
            unit_cases AS (
                SELECT {unit} AS unit, {month} AS period, c.*, c.is_grouped AS grouped, {weight} AS rw,
                       coalesce(l.risk_level, 0) AS risk_level, c.discharge_method = '5' AS died
                FROM {period_cases} c LEFT JOIN latest l ON l.drg = CASE WHEN c.status = 'GROUPED' THEN c.drg END
                WHERE {hospital_filter}),
            unit_drg AS (
                SELECT u.unit, u.period, u.peer, u.grp, count(*) AS n, avg(u.total_cost) AS cost, avg(u.los_days) AS los,
                       avg(u.drug) AS drug, avg(u.material) AS material
                FROM unit_cases u WHERE u.grouped GROUP BY u.unit, u.period, u.peer, u.grp),
            indices AS (
                SELECT d.unit, d.period,
                       sum(d.n * d.cost / b.cost) FILTER (WHERE b.cost <> 0) / sum(d.n) FILTER (WHERE b.cost <> 0) AS cost_index,
                       sum(d.n * d.los / b.los) FILTER (WHERE b.los <> 0) / sum(d.n) FILTER (WHERE b.los <> 0) AS time_index,
                       sum(d.n * d.drug / b.drug) FILTER (WHERE b.drug <> 0) / sum(d.n) FILTER (WHERE b.drug <> 0) AS drug_index,
                       sum(d.n * d.material / b.material) FILTER (WHERE b.material <> 0)
                           / sum(d.n) FILTER (WHERE b.material <> 0) AS consumable_index
                FROM unit_drg d JOIN bench b USING (period, peer, grp) GROUP BY d.unit, d.period)
            SELECT u.period, u.unit, count(*) AS cases, count(*) FILTER (WHERE u.grouped) AS grouped,
                   count(DISTINCT u.grp) FILTER (WHERE u.grouped) AS drg_count,
                   coalesce(sum(u.rw) FILTER (WHERE u.grouped), 0) AS total_weight,
                   sum(u.rw) FILTER (WHERE u.grouped) / count(*) FILTER (WHERE u.grouped) AS cmi,
                   i.cost_index, i.time_index, i.drug_index, i.consumable_index,
                   avg(CASE WHEN u.died THEN 1.0 ELSE 0.0 END) FILTER (WHERE u.grouped AND u.risk_level = 1) AS low_risk_mortality,
                   avg(CASE WHEN u.died THEN 1.0 ELSE 0.0 END) FILTER (WHERE u.grouped AND u.risk_level = 2) AS mid_low_risk_mortality,
                   avg(u.los_days) AS alos, avg(CASE WHEN u.died THEN 1.0 ELSE 0.0 END) AS mortality,
                   avg(u.total_cost) AS mean_cost,
                   coalesce(sum(u.total_cost) FILTER (WHERE u.grouped), 0) AS grouped_cost
            FROM unit_cases u LEFT JOIN indices i USING (unit, period)
            GROUP BY u.unit, u.period, i.cost_index, i.time_index, i.drug_index, i.consumable_index
            ORDER BY u.unit, u.period
            """);
    private static final String MONTH = "strftime(discharge_date, '%Y-%m')";
    private static final String WHOLE = "''";

    private final DataDirectory dir;
    private final boolean monthlyBenchmark;

    public UnitMetricsQuery(DataDirectory dir) {
        this(dir, false);
    }

    private UnitMetricsQuery(DataDirectory dir, boolean monthlyBenchmark) {
        this.dir = dir;
        this.monthlyBenchmark = monthlyBenchmark;
    }

    /**
     * For a server whose store does not change while it runs: benchmarks of whole-month periods come from the
     * monthly sums of {@link #prepareMonthlyBenchmark} (call it once at start), so a unit query reads only its own
     * cases; the DRG metrics of hospitals, departments, MDCs and DRGs over whole months read the per-hospital-month
     * summaries instead of the cases. Results are the same up to the order of floating-point sums.
     */
    public UnitMetricsQuery withMonthlyBenchmark() {
        return new UnitMetricsQuery(dir, true);
    }

    /**
     * (Re)builds the derived tables {@code bench_months} and {@code bench_months_dip} (grouped cases summed by month,
     * tier and DRG or DIP group) and {@code unit_months} (every case summed by hospital, month, department and DRG).
     */
    public static void prepareMonthlyBenchmark(DataDirectory dir) {
        try (java.sql.Statement t = dir.connection().createStatement()) {
            for (CaseMix mix : CaseMix.values()) {
                t.execute(BENCH_MONTHS.replace("{bench_table}", mix.benchTable).replace("{source}", mix.source)
                        .replace("{group}", mix.group).replace("{grouped}", mix.grouped));
            }
            t.execute(UnitMonths.PREPARE);
        } catch (SQLException e) {
            throw new StoreException("汇总月度基准", e);
        }
    }

    /** Every unit of the level among the filter's cases; the benchmark is all hospitals in the filter's period. */
    public List<UnitPerformance> run(UnitLevel level, CaseFilter filter) {
        return run(level, filter, false).stream().map(PeriodPerformance::performance).toList();
    }

    /**
     * Every unit of the level among the filter's cases, per discharge month when {@code byMonth} (the benchmark is
     * then the same month), in unit and month order.
     */
    public List<PeriodPerformance> run(UnitLevel level, CaseFilter filter, boolean byMonth) {
        return run(level, filter, byMonth, PeerGroup.ALL);
    }

    /** As {@link #run(UnitLevel, CaseFilter, boolean)}, against the chosen benchmark. */
    public List<PeriodPerformance> run(UnitLevel level, CaseFilter filter, boolean byMonth, PeerGroup benchmark) {
        return run(CaseMix.DRG, level, filter, byMonth, benchmark);
    }

    /** As {@link #run(UnitLevel, CaseFilter, boolean, PeerGroup)}, on the chosen case-mix groups. */
    public List<PeriodPerformance> run(CaseMix mix, UnitLevel level, CaseFilter filter, boolean byMonth,
                                       PeerGroup benchmark) {
        Optional<String[]> months = monthlyBenchmark ? wholeMonths(filter) : Optional.empty();
        String bench = months.isPresent() ? BENCH_FROM_MONTHS.replace("{bench_table}", mix.benchTable)
                .replace("{bench_period}", byMonth ? "month" : WHOLE)
                .replace("{bench_peer}", benchmark == PeerGroup.ALL ? "''" : "tier") : BENCH_FROM_CASES;
        // whole months of the DRG metrics of a summed level: the per-hospital-month summaries instead of the cases
        boolean summed = months.isPresent() && mix == CaseMix.DRG && UnitMonths.covers(level);
        String sql = summed ? UnitMonths.sql(level, bench, byMonth, benchmark != PeerGroup.ALL)
                : overCases(mix, level, bench, byMonth, benchmark);
        return Query.of("计算单元绩效指标", sql).bind(s -> {
            int next;
            if (months.isPresent()) {
                s.setString(1, months.get()[0]);
                s.setString(2, months.get()[1]);
                next = 3;
            } else {
                next = CaseFilterSql.bindPeriod(filter, s, 1);
            }
            // then the units' period and hospital
            if (summed) {
                UnitMonths.bind(filter, s, next);
            } else {
                CaseFilterSql.bindHospital(filter, s, CaseFilterSql.bindPeriod(filter, s, next));
            }
        }).list(dir.connection(), r -> new PeriodPerformance(r.getString(1), new UnitPerformance(r.getString(2),
                r.getLong(3), r.getLong(4), r.getInt(5), r.getDouble(6), optional(r, 7), optional(r, 8), optional(r, 9),
                optional(r, 10), optional(r, 11), optional(r, 12), optional(r, 13), optional(r, 14), optional(r, 15),
                optional(r, 16)), r.getDouble(17)));
    }

    /** The metrics' SQL over the period's cases. */
    private static String overCases(CaseMix mix, UnitLevel level, String bench, boolean byMonth, PeerGroup benchmark) {
        return SQL.replace("{bench}", bench).replace("{period_cases}", PERIOD_CASES).replace("{source}", mix.source)
                .replace("{group}", mix.group).replace("{grouped}", mix.grouped).replace("{own_weight}", mix.ownWeight)
                .replace("{weight}", mix.weight).replace("{period_filter}", CaseFilterSql.period("c"))
                .replace("{peer}", peer(benchmark)).replace("{month}", byMonth ? MONTH : WHOLE)
                .replace("{unit}", unit(level)).replace("{hospital_filter}", CaseFilterSql.hospital("c"));
    }

    /** The first and last month of a filter made of whole months (open ends: all months), else empty. */
    private static Optional<String[]> wholeMonths(CaseFilter f) {
        boolean fromOk = f.from().map(d -> d.getDayOfMonth() == 1).orElse(true);
        boolean toOk = f.to().map(d -> d.getDayOfMonth() == d.lengthOfMonth()).orElse(true);
        if (!fromOk || !toOk) {
            return Optional.empty();
        }
        return Optional.of(new String[] {f.from().map(d -> d.toString().substring(0, 7)).orElse("0000-00"),
            f.to().map(d -> d.toString().substring(0, 7)).orElse("9999-99")});
    }

    /**
     * The first and last month {@code YYYY-MM} of a filter made of whole months with at least one end (the cases
     * without a discharge date are then outside it, as they are outside the monthly sums), else empty.
     */
    public static Optional<String[]> boundedMonths(CaseFilter f) {
        return f.from().isEmpty() && f.to().isEmpty() ? Optional.empty() : wholeMonths(f);
    }

    private static OptionalDouble optional(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The SQL of a unit's key over the cases {@code c}. */
    static String unit(UnitLevel level) {
        return switch (level) {
            case HOSPITAL -> "c.hospital_id";
            case DEPARTMENT -> "c.hospital_id || '/' || coalesce(c.department, '')";
            case PHYSICIAN -> "c.hospital_id || '/' || coalesce(c.attending_physician, '')";
            case MDC -> "coalesce(c.mdc, '')";
            case DRG -> "coalesce(c.drg, '')";
            case HOSPITAL_DRG -> "c.hospital_id || '/' || coalesce(c.drg, '')";
            case DIP_GROUP -> "coalesce(c.grp, '')";
        };
    }

    /** The SQL of a unit's peer group over the register {@code h}. */
    private static String peer(PeerGroup benchmark) {
        return benchmark == PeerGroup.ALL ? "''" : "coalesce(h.tier, '')";
    }

}

package org.hqd.store.standards;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.standards.GroupStandard;
import org.hqd.casemix.standards.LatestWeights;
import org.hqd.casemix.standards.StandardsParameters;
import org.hqd.casemix.standards.WeightVersion;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;
import org.hqd.store.Transaction;
import org.hqd.store.query.CaseFilterSql;
import org.hqd.store.query.CaseSql;

/**
 * Computes DRG standards in the store with the definitions of {@link org.hqd.casemix.standards.Standards}
 * (DESIGN §3.3) in SQL, so that millions of cases need not leave the database, and keeps every computation as a
 * numbered version. The latest version gives each grouped case its {@code rw} in the {@code cases} view.
 * Computing is always an explicit call; nothing recomputes silently.
 */
public final class StandardsStore {
    /** The method name recorded with each version. */
    public static final String METHOD = "log-trim-mean/DESIGN-3.3";

    private static final String STANDARDS_SQL = CaseSql.expand("""
            WITH base AS (
                SELECT drg, total_cost, los_days,
                       {drug} AS drug,
                       {material} AS material, {exam_lab} AS exam_lab,
                       discharge_method = '5' AS died
                FROM case_records
                WHERE status = 'GROUPED' AND {period}),
            mortality AS (SELECT drg, avg(CASE WHEN died THEN 1.0 ELSE 0.0 END) AS m FROM base GROUP BY drg),
            risk AS (SELECT avg(ln(m)) AS mu, coalesce(stddev_samp(ln(m)), 0) AS sigma FROM mortality WHERE m > 0),
            positive AS (SELECT *, ln(total_cost) AS x FROM base WHERE total_cost > 0),
            spread AS (SELECT drg, count(*) AS n, avg(x) AS mx, stddev_samp(x) AS sx FROM positive GROUP BY drg),
            kept AS (
                SELECT p.* FROM positive p JOIN spread s USING (drg)
                WHERE s.n < ? OR s.sx = 0 OR abs(p.x - s.mx) <= ? * s.sx),
            overall AS (SELECT avg(total_cost) AS mean FROM kept)
            SELECT k.drg, s.n, count(*), avg(k.total_cost) / (SELECT mean FROM overall), avg(k.total_cost),
                   quantile_cont(k.total_cost, 0.5), quantile_cont(k.total_cost, 0.25),
                   quantile_cont(k.total_cost, 0.75), quantile_cont(k.total_cost, 0.9), avg(k.los_days),
                   avg(k.drug), avg(k.material), avg(k.exam_lab), m.m,
                   CASE WHEN m.m <= 0 THEN 0
                        WHEN ln(m.m) < r.mu - r.sigma THEN 1
                        WHEN ln(m.m) < r.mu THEN 2
                        WHEN ln(m.m) < r.mu + r.sigma THEN 3 ELSE 4 END
            FROM kept k JOIN spread s USING (drg) JOIN mortality m USING (drg), risk r
            GROUP BY k.drg, s.n, m.m, r.mu, r.sigma
            ORDER BY k.drg
            """).replace("{period}", CaseFilterSql.PERIOD_SQL);

    private final DataDirectory dir;

    public StandardsStore(DataDirectory dir) {
        this.dir = dir;
    }

    /** Computes the standards of the grouped cases discharged in the baseline and stores them as a new version. */
    public WeightVersion compute(Optional<LocalDate> from, Optional<LocalDate> to, StandardsParameters p, String scheme) {
        String what = "计算病组标准";
        Transaction.run(dir.connection(), what, c -> {
            List<GroupStandard> rows = Query.of(what, STANDARDS_SQL).bind(s -> {
                CaseFilterSql.bindPeriod(new CaseFilter(from, to, Optional.empty()), s, 1);
                s.setInt(5, p.minCasesToTrim());
                s.setDouble(6, p.trimSigmas());
            }).list(c, StandardsStore::standard);
            int version = (int) Query.of(what, "SELECT coalesce(max(version), 0) + 1 FROM weight_versions").number(c);
            long cases = rows.stream().mapToLong(GroupStandard::cases).sum();
            String parameters = String.format(Locale.ROOT, "trimSigmas=%s;minCasesToTrim=%d", p.trimSigmas(),
                    p.minCasesToTrim());
            Query.of(what, "INSERT INTO weight_versions VALUES (?, ?, ?, ?, ?, ?, ?, current_timestamp)")
                    .bind(version, scheme, from.map(Date::valueOf).orElse(null), to.map(Date::valueOf).orElse(null),
                            METHOD, parameters, cases)
                    .update(c);
            Query.of(what, "INSERT INTO drg_standards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(version).<GroupStandard>batch(c, rows, (ins, g) -> {
                        ins.setString(2, g.drg());
                        ins.setInt(3, g.cases());
                        ins.setInt(4, g.trimmedCases());
                        double[] v = {g.rw(), g.meanCost(), g.medianCost(), g.p25Cost(), g.p75Cost(), g.p90Cost(),
                            g.meanLos(), g.meanDrugCost(), g.meanConsumableCost(), g.meanExamLabCost(), g.mortality()};
                        for (int i = 0; i < v.length; i++) {
                            ins.setDouble(5 + i, v[i]);
                        }
                        ins.setInt(16, g.riskLevel());
                    });
            return version;
        });
        return latest().orElseThrow();
    }

    /** A DRG's standard from a row of the computation or of the {@code standards} view (same columns). */
    private static GroupStandard standard(ResultSet r) throws SQLException {
        return new GroupStandard(r.getString(1), r.getInt(2), r.getInt(3), r.getDouble(4), r.getDouble(5),
                r.getDouble(6), r.getDouble(7), r.getDouble(8), r.getDouble(9), r.getDouble(10),
                r.getDouble(11), r.getDouble(12), r.getDouble(13), r.getDouble(14), r.getInt(15));
    }

    private boolean hasGroupedCases() {
        return Query.of("读取病例", "SELECT EXISTS (SELECT 1 FROM case_records WHERE status = 'GROUPED')")
                .read(dir.connection(), r -> r.next() && r.getBoolean(1));
    }

    /**
     * The latest version; when standards were never computed, computes version 1 over every case with the default
     * parameters (the caller says so to the user: nothing is recomputed silently).
     *
     * @return the version, and whether it was computed just now
     */
    public LatestWeights ensureComputed(String scheme) {
        // a version computed from no cases (an empty store) does not count once there are grouped cases
        Optional<WeightVersion> v = latest().filter(w -> w.cases() > 0 || !hasGroupedCases());
        return v.map(w -> new LatestWeights(w, false)).orElseGet(() -> new LatestWeights(
                compute(Optional.empty(), Optional.empty(), StandardsParameters.DEFAULTS, scheme), true));
    }

    /** The latest version, if standards were ever computed. */
    public Optional<WeightVersion> latest() {
        return Query.of("读取权重版本", "SELECT version, scheme, baseline_from, baseline_to, method, parameters, cases, "
                + "computed_at FROM weight_versions ORDER BY version DESC LIMIT 1").first(dir.connection(), r ->
                new WeightVersion(r.getInt(1), r.getString(2), Optional.ofNullable(r.getObject(3, LocalDate.class)),
                        Optional.ofNullable(r.getObject(4, LocalDate.class)), r.getString(5), r.getString(6),
                        r.getLong(7), r.getObject(8, java.time.LocalDateTime.class)));
    }

    /** The standards of the latest version, by DRG code. */
    public List<GroupStandard> current() {
        return Query.of("读取病组标准", "SELECT * FROM standards ORDER BY drg").list(dir.connection(),
                StandardsStore::standard);
    }
}

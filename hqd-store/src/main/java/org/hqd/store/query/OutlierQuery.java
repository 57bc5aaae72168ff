package org.hqd.store.query;

import java.util.List;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.standards.Outlier;
import org.hqd.casemix.standards.OutlierClass;
import org.hqd.casemix.standards.StandardsParameters;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;

/**
 * The grouped cases whose cost is an outlier against their DRG's standard (高倍率 / 低倍率, DESIGN §3.3), with
 * {@link OutlierClass#of}'s definition in SQL and the case's cost structure next to the standard's.
 */
public final class OutlierQuery {

    private static final String SQL = CaseSql.expand("""
            WITH latest AS ({latest_standards}),
            flagged AS (
                SELECT c.hospital_id, c.record_id, c.department, c.attending_physician, c.drg, c.total_cost,
                       l.mean_cost, c.total_cost / l.mean_cost AS factor,
                       CASE WHEN c.total_cost > (CASE WHEN l.rw <= ? THEN ? WHEN l.rw <= ? THEN ? ELSE ? END) * l.mean_cost
                                THEN 'HIGH'
                            WHEN c.total_cost < ? * l.mean_cost THEN 'LOW' END AS outlier_class,
                       {c.drug}
                           AS drug, l.mean_drug_cost, {c.material} AS material, l.mean_consumable_cost,
                       {c.exam_lab} AS exam_lab, l.mean_exam_lab_cost
                FROM case_records c JOIN latest l ON l.drg = c.drg
                WHERE c.status = 'GROUPED' AND l.mean_cost > 0 AND %s AND %s)
            SELECT * FROM flagged WHERE outlier_class IS NOT NULL
            ORDER BY hospital_id, outlier_class, factor DESC, record_id
            """);

    private final DataDirectory dir;

    public OutlierQuery(DataDirectory dir) {
        this.dir = dir;
    }

    public List<Outlier> run(StandardsParameters p, CaseFilter filter) {
        String sql = String.format(SQL, CaseFilterSql.period("c"), CaseFilterSql.hospital("c"));
        return Query.of("查找高低倍率病例", sql).bind(p.rwBand1(), p.highFactorLowRw(), p.rwBand2(),
                p.highFactorMidRw(), p.highFactorHighRw(), p.lowFactor()).bind(s -> CaseFilterSql.bindHospital(filter, s,
                CaseFilterSql.bindPeriod(filter, s, 7))).list(dir.connection(), r -> new Outlier(r.getString(1),
                r.getString(2), nonNull(r.getString(3)), nonNull(r.getString(4)), r.getString(5),
                OutlierClass.valueOf(r.getString(9)), r.getDouble(8), r.getDouble(6), r.getDouble(7), r.getDouble(10),
                r.getDouble(11), r.getDouble(12), r.getDouble(13), r.getDouble(14), r.getDouble(15)));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

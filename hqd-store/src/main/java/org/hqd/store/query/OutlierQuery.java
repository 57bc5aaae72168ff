package org.hqd.store.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hqd.casemix.standards.OutlierClass;
import org.hqd.casemix.standards.StandardsParameters;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;

/**
 * The grouped cases whose cost is an outlier against their DRG's standard (高倍率 / 低倍率, DESIGN §3.3), with
 * {@link OutlierClass#of}'s definition in SQL and the case's cost structure next to the standard's.
 */
public final class OutlierQuery {
    /** One outlier case; {@code factor} = cost / the DRG's kept mean cost. */
    public record Outlier(String hospitalId, String recordId, String department, String physician, String drg,
                          OutlierClass outlierClass, double factor, double cost, double standardCost, double drug,
                          double standardDrug, double material, double standardMaterial, double examLab,
                          double standardExamLab) { }

    private static final String SQL = """
            WITH latest AS (SELECT * FROM drg_standards WHERE version = (SELECT max(version) FROM weight_versions)),
            flagged AS (
                SELECT c.hospital_id, c.record_id, c.department, c.attending_physician, c.drg, c.total_cost,
                       l.mean_cost, c.total_cost / l.mean_cost AS factor,
                       CASE WHEN c.total_cost > (CASE WHEN l.rw <= ? THEN ? WHEN l.rw <= ? THEN ? ELSE ? END) * l.mean_cost
                                THEN 'HIGH'
                            WHEN c.total_cost < ? * l.mean_cost THEN 'LOW' END AS outlier_class,
                       coalesce(c.cost_western_drug, 0) + coalesce(c.cost_herbal, 0) + coalesce(c.cost_patent_drug, 0)
                           AS drug, l.mean_drug_cost, coalesce(c.cost_material, 0) AS material, l.mean_consumable_cost,
                       coalesce(c.cost_exam, 0) + coalesce(c.cost_lab, 0) AS exam_lab, l.mean_exam_lab_cost
                FROM case_records c JOIN latest l ON l.drg = c.drg
                WHERE c.status = 'GROUPED' AND l.mean_cost > 0 AND %s AND %s)
            SELECT * FROM flagged WHERE outlier_class IS NOT NULL
            ORDER BY hospital_id, outlier_class, factor DESC, record_id
            """;

    private final DataDirectory dir;

    public OutlierQuery(DataDirectory dir) {
        this.dir = dir;
    }

    public List<Outlier> run(StandardsParameters p, CaseFilter filter) {
        List<Outlier> out = new ArrayList<>();
        String sql = String.format(SQL, CaseFilter.PERIOD_SQL.replace("discharge_date", "c.discharge_date"),
                CaseFilter.HOSPITAL_SQL.replace("hospital_id", "c.hospital_id"));
        try (PreparedStatement s = dir.connection().prepareStatement(sql)) {
            s.setDouble(1, p.rwBand1());
            s.setDouble(2, p.highFactorLowRw());
            s.setDouble(3, p.rwBand2());
            s.setDouble(4, p.highFactorMidRw());
            s.setDouble(5, p.highFactorHighRw());
            s.setDouble(6, p.lowFactor());
            filter.bindHospital(s, filter.bindPeriod(s, 7));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Outlier(r.getString(1), r.getString(2), nonNull(r.getString(3)), nonNull(r.getString(4)),
                            r.getString(5), OutlierClass.valueOf(r.getString(9)), r.getDouble(8), r.getDouble(6),
                            r.getDouble(7), r.getDouble(10), r.getDouble(11), r.getDouble(12), r.getDouble(13),
                            r.getDouble(14), r.getDouble(15)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("查找高低倍率病例", e);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

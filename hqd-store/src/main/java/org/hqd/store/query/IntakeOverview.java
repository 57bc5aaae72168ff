package org.hqd.store.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;

/** What a data directory holds, at a glance: cases per hospital tier, and the most frequent DRGs. */
public final class IntakeOverview {
    /** Cases of one tier: hospitals, cases, grouped share, distinct DRGs, mean LOS and cost. */
    public record TierLine(String tier, long hospitals, long cases, double groupedShare, long drgs, double meanLos,
                           double meanCost) { }

    /** One DRG with its cases. */
    public record DrgLine(String drg, long cases) { }

    private final DataDirectory dir;

    public IntakeOverview(DataDirectory dir) {
        this.dir = dir;
    }

    public List<TierLine> byTier() {
        String sql = """
                SELECT coalesce(h.tier, '(未登记)') AS tier, count(DISTINCT c.hospital_id), count(*),
                       avg(CASE WHEN c.status = 'GROUPED' THEN 1.0 ELSE 0.0 END),
                       count(DISTINCT c.drg) FILTER (WHERE c.status = 'GROUPED'), avg(c.los_days), avg(c.total_cost)
                FROM cases c LEFT JOIN hospitals h USING (hospital_id)
                GROUP BY ALL ORDER BY 3 DESC
                """;
        List<TierLine> out = new ArrayList<>();
        try (Statement s = dir.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(new TierLine(r.getString(1), r.getLong(2), r.getLong(3), r.getDouble(4), r.getLong(5),
                        r.getDouble(6), r.getDouble(7)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("汇总病例", e);
        }
    }

    public List<DrgLine> topDrgs(int n) {
        List<DrgLine> out = new ArrayList<>();
        try (Statement s = dir.connection().createStatement(); ResultSet r = s.executeQuery(
                "SELECT drg, count(*) FROM cases WHERE status = 'GROUPED' GROUP BY drg ORDER BY 2 DESC, 1 LIMIT " + n)) {
            while (r.next()) {
                out.add(new DrgLine(r.getString(1), r.getLong(2)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("汇总 DRG", e);
        }
    }
}

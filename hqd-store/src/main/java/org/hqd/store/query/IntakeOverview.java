package org.hqd.store.query;

import java.util.List;
import org.hqd.intake.DrgLine;
import org.hqd.intake.TierLine;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;

/** What a data directory holds, at a glance: cases per hospital tier, and the most frequent DRGs. */
public final class IntakeOverview {

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
        return Query.of("汇总病例", sql).list(dir.connection(), r -> new TierLine(r.getString(1), r.getLong(2),
                r.getLong(3), r.getDouble(4), r.getLong(5), r.getDouble(6), r.getDouble(7)));
    }

    public List<DrgLine> topDrgs(int n) {
        return Query.of("汇总 DRG", "SELECT drg, count(*) FROM cases WHERE status = 'GROUPED' GROUP BY drg "
                + "ORDER BY 2 DESC, 1 LIMIT ?").bind(n).list(dir.connection(), r -> new DrgLine(r.getString(1),
                r.getLong(2)));
    }
}

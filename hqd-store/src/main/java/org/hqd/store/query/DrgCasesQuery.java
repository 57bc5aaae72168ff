package org.hqd.store.query;

import java.util.List;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.performance.DrgCase;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;

/**
 * The cases of one DRG (drill-down from the DRG analysis), most expensive first, with each case's cost and stay
 * against the DRG's standard (latest weight version). Patient ids are not part of it.
 */
public final class DrgCasesQuery {

    private static final String SQL = """
            WITH latest AS ({latest_standards})
            SELECT c.hospital_id, c.record_id, c.department, c.attending_physician, c.discharge_date, c.los_days,
                   c.total_cost, c.total_cost / nullif(l.mean_cost, 0), c.los_days / nullif(l.mean_los, 0),
                   c.discharge_method = '5'
            FROM case_records c LEFT JOIN latest l ON l.drg = c.drg
            WHERE c.status = 'GROUPED' AND c.drg = ? AND %s AND %s AND (?::VARCHAR IS NULL OR c.department = ?)
            ORDER BY c.total_cost DESC, c.hospital_id, c.record_id LIMIT ?
            """.replace("{latest_standards}", CaseSql.LATEST_STANDARDS).formatted(CaseFilterSql.period("c"),
            CaseFilterSql.hospital("c"));

    private final DataDirectory dir;

    public DrgCasesQuery(DataDirectory dir) {
        this.dir = dir;
    }

    /** At most {@code limit} cases of the DRG in the filter (and of one department, if given). */
    public List<DrgCase> run(String drg, CaseFilter filter, java.util.Optional<String> department, int limit) {
        return Query.of("读取病组病例", SQL).bind(s -> {
            s.setString(1, drg);
            int next = CaseFilterSql.bindHospital(filter, s, CaseFilterSql.bindPeriod(filter, s, 2));
            s.setString(next, department.orElse(null));
            s.setString(next + 1, department.orElse(null));
            s.setInt(next + 2, limit);
        }).list(dir.connection(), r -> new DrgCase(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                r.getDate(5) == null ? null : r.getDate(5).toLocalDate().toString(), r.getInt(6), r.getDouble(7),
                r.getDouble(8), r.getDouble(9), r.getBoolean(10)));
    }
}

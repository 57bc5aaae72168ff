package org.hqd.store.query;

import java.util.HashMap;
import java.util.Map;
import org.hqd.casemix.CaseFilter;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;

/** The department of each physician (hospital/physician → hospital/department): where most of their cases are. */
public final class PhysicianDepartments {
    private final DataDirectory dir;

    public PhysicianDepartments(DataDirectory dir) {
        this.dir = dir;
    }

    public Map<String, String> of(CaseFilter filter) {
        String sql = "SELECT hospital_id || '/' || coalesce(attending_physician, ''), "
                + "hospital_id || '/' || coalesce(mode(department), '') FROM case_records "
                + "WHERE " + CaseFilterSql.PERIOD_SQL + " AND " + CaseFilterSql.HOSPITAL_SQL
                + " GROUP BY hospital_id, attending_physician";
        return Query.of("查询医师科室", sql).bind(s -> CaseFilterSql.bindHospital(filter, s,
                CaseFilterSql.bindPeriod(filter, s, 1))).read(dir.connection(), r -> {
                    Map<String, String> out = new HashMap<>();
                    while (r.next()) {
                        out.put(r.getString(1), r.getString(2));
                    }
                    return out;
                });
    }
}

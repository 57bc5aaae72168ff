package org.hqd.store.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;

/** The department of each physician (hospital/physician → hospital/department): where most of their cases are. */
public final class PhysicianDepartments {
    private final DataDirectory dir;

    public PhysicianDepartments(DataDirectory dir) {
        this.dir = dir;
    }

    public Map<String, String> of(CaseFilter filter) {
        String sql = "SELECT hospital_id || '/' || coalesce(attending_physician, ''), "
                + "hospital_id || '/' || coalesce(mode(department), '') FROM case_records "
                + "WHERE " + CaseFilter.PERIOD_SQL + " AND " + CaseFilter.HOSPITAL_SQL
                + " GROUP BY hospital_id, attending_physician";
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement s = dir.connection().prepareStatement(sql)) {
            filter.bindHospital(s, filter.bindPeriod(s, 1));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("查询医师科室", e);
        }
    }
}

package org.hqd.store.query;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;

/** The department of each physician (hospital/physician → hospital/department): where most of their cases are. */
public final class PhysicianDepartments {
    private final DataDirectory dir;

    public PhysicianDepartments(DataDirectory dir) {
        this.dir = dir;
    }

    public Map<String, String> of(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> hospital) {
        String sql = "SELECT hospital_id || '/' || coalesce(attending_physician, ''), "
                + "hospital_id || '/' || coalesce(mode(department), '') FROM case_records "
                + "WHERE (?::DATE IS NULL OR discharge_date >= ?::DATE) AND (?::DATE IS NULL OR discharge_date <= ?::DATE) "
                + "AND (?::VARCHAR IS NULL OR hospital_id = ?::VARCHAR) GROUP BY hospital_id, attending_physician";
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement s = dir.connection().prepareStatement(sql)) {
            Object f = from.map(Date::valueOf).orElse(null);
            Object t = to.map(Date::valueOf).orElse(null);
            s.setObject(1, f);
            s.setObject(2, f);
            s.setObject(3, t);
            s.setObject(4, t);
            s.setObject(5, hospital.orElse(null));
            s.setObject(6, hospital.orElse(null));
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

package org.hqd.store.costing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;

/**
 * The discharges of a hospital's year by department, with their charges by category in fen — what case costing
 * spreads a department's 住院 cost over — and how many discharges have no department.
 */
public final class CaseCharges {
    private static final int N = ChargeCategory.values().length;

    /** A department's discharges: record ids and charges (fen, by {@link ChargeCategory} ordinal), in id order. */
    public record Department(List<String> recordIds, long[][] charges) { }

    /** The departments of the year, and the count of discharges without one. */
    public record Year(Map<String, Department> departments, long withoutDepartment) { }

    private final DataDirectory dir;

    public CaseCharges(DataDirectory dir) {
        this.dir = dir;
    }

    public Year of(String hospital, int year) {
        StringBuilder columns = new StringBuilder();
        for (ChargeCategory c : ChargeCategory.values()) {
            columns.append(", round(coalesce(").append(c.column()).append(", 0) * 100)");
        }
        String sql = "SELECT department, record_id" + columns + " FROM case_records WHERE hospital_id = ? "
                + "AND discharge_date >= make_date(?, 1, 1) AND discharge_date < make_date(?, 1, 1) "
                + "ORDER BY department NULLS FIRST, record_id";
        Map<String, List<String>> ids = new LinkedHashMap<>();
        Map<String, List<long[]>> charges = new LinkedHashMap<>();
        long without = 0;
        try (PreparedStatement s = dir.connection().prepareStatement(sql)) {
            s.setString(1, hospital);
            s.setInt(2, year);
            s.setInt(3, year + 1);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String d = r.getString(1);
                    if (d == null || d.isBlank()) {
                        without++;
                        continue;
                    }
                    long[] c = new long[N];
                    for (int k = 0; k < N; k++) {
                        c[k] = r.getLong(3 + k);
                    }
                    ids.computeIfAbsent(d, x -> new ArrayList<>()).add(r.getString(2));
                    charges.computeIfAbsent(d, x -> new ArrayList<>()).add(c);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("读取 " + hospital + " " + year + " 年的出院病例费用", e);
        }
        Map<String, Department> out = new LinkedHashMap<>();
        ids.forEach((d, l) -> out.put(d, new Department(l, charges.get(d).toArray(long[][]::new))));
        return new Year(out, without);
    }
}

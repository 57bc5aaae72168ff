package org.hqd.store.payment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.casemix.abstracts.Charges;
import org.hqd.compliance.ComplianceCase;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;
import org.hqd.store.query.CaseFilterSql;

/**
 * The cases compliance screening reads: every hospital's cases discharged in a period (peers are compared across
 * hospitals, so the filter's hospital is not applied here), with the hospital's tier as its peer group and the mean
 * cost of the case's DRG under a weight basis (the insurer's official version, or HQD's standards).
 */
public final class ComplianceQuery {
    private final DataDirectory dir;
    private final WeightBasis basis;

    public ComplianceQuery(DataDirectory dir, WeightBasis basis) {
        this.dir = dir;
        this.basis = basis;
    }

    public List<ComplianceCase> cases(CaseFilter period) {
        StringBuilder charges = new StringBuilder();
        for (ChargeCategory k : ChargeCategory.values()) {
            charges.append(", coalesce(c.").append(k.column()).append(", 0)");
        }
        CaseFilter all = new CaseFilter(period.from(), period.to(), java.util.Optional.empty());
        Bound sql = new Bound().add("WITH w AS (").add(basis.weights()).add(") SELECT c.hospital_id, c.record_id, "
                + "coalesce(c.patient_id, ''), coalesce(h.tier, ''), c.admission_date, c.discharge_date, "
                + "coalesce(c.los_days, -1), coalesce(c.discharge_method, ''), c.status = 'GROUPED', coalesce(c.mdc, ''), "
                + "coalesce(c.adrg, ''), coalesce(c.drg, ''), coalesce(c.cc, false), coalesce(c.mcc, false), "
                + "coalesce(c.secondary_dx, ''), coalesce(c.principal_proc, ''), coalesce(c.other_procs, ''), "
                + "coalesce(c.total_cost, 0)" + charges + ", coalesce(w.base_cost, w.weight * ")
                .add(basis.yuanPerWeight()).add(") FROM case_records c LEFT JOIN hospital_register h "
                        + "ON h.hospital_id = c.hospital_id LEFT JOIN w ON ").add(basis.weightJoin())
                .add(basis.joins() + " WHERE c.discharge_date IS NOT NULL AND "
                        + CaseFilterSql.period("c") + " AND "
                        + CaseFilterSql.hospital("c")
                        + " ORDER BY c.hospital_id, c.record_id");
        List<ComplianceCase> out = new ArrayList<>();
        try (PreparedStatement s = dir.connection().prepareStatement(sql.text())) {
            CaseFilterSql.bindHospital(all, s, CaseFilterSql.bindPeriod(all, s, sql.bind(s, 1)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    double[] amounts = new double[ChargeCategory.values().length];
                    for (int i = 0; i < amounts.length; i++) {
                        amounts[i] = r.getDouble(19 + i);
                    }
                    double mean = r.getDouble(19 + amounts.length);
                    boolean noMean = r.wasNull();
                    LocalDate discharge = r.getDate(6).toLocalDate();
                    out.add(new ComplianceCase(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getDate(5) == null ? discharge : r.getDate(5).toLocalDate(), discharge, r.getInt(7),
                            r.getString(8), r.getBoolean(9), r.getString(10), r.getString(11), r.getString(12),
                            r.getBoolean(13), r.getBoolean(14), split(r.getString(15)),
                            (r.getString(16).isBlank() ? 0 : 1) + split(r.getString(17)).size(), r.getDouble(18),
                            Charges.of(amounts), noMean ? Double.NaN : mean));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("读取审核病例", e);
        }
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String p : s.split("\\|")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }
}

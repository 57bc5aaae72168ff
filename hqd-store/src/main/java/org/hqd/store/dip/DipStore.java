package org.hqd.store.dip;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.hqd.casemix.dip.DipCase;
import org.hqd.casemix.dip.DipCatalog;
import org.hqd.casemix.dip.DipGroup;
import org.hqd.casemix.dip.DipParameters;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;
import org.hqd.store.Transaction;
import org.hqd.store.query.CaseFilter;

/**
 * Builds DIP catalogues from the cases of a data directory (every imported case with a principal diagnosis in the
 * baseline) with the core's {@link DipCatalog}, and keeps each as a numbered version.
 */
public final class DipStore {
    private final DataDirectory dir;

    public DipStore(DataDirectory dir) {
        this.dir = dir;
    }

    /** Builds a catalogue from the cases of the filter's period and stores it; returns its version. */
    public int build(CaseFilter baseline, DipParameters p, Predicate<String> orProcedure) {
        DipCatalog.Builder builder = DipCatalog.builder(orProcedure, p);
        long cases = read(baseline, builder);
        DipCatalog catalogue = builder.build();
        return Transaction.run(dir.connection(), "生成 DIP 目录", c -> {
            int version;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT coalesce(max(version), 0) + 1 FROM dip_versions")) {
                r.next();
                version = r.getInt(1);
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO dip_versions VALUES (?, ?, ?, ?, ?, "
                    + "current_timestamp)")) {
                ins.setInt(1, version);
                ins.setObject(2, baseline.from().map(Date::valueOf).orElse(null));
                ins.setObject(3, baseline.to().map(Date::valueOf).orElse(null));
                ins.setString(4, String.format(Locale.ROOT, "coreMinCases=%d;diagnosticPrefixes=%s;trimSigmas=%s",
                        p.coreMinCases(), String.join("|", p.diagnosticPrefixes()), p.trimSigmas()));
                ins.setLong(5, cases);
                ins.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO dip_catalogue VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (DipGroup g : catalogue.groups().values()) {
                    ins.setInt(1, version);
                    ins.setString(2, g.key());
                    ins.setBoolean(3, g.core());
                    ins.setInt(4, g.cases());
                    ins.setInt(5, g.keptCases());
                    ins.setDouble(6, g.meanCost());
                    ins.setDouble(7, g.score());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return version;
        });
    }

    /** The groups of the latest catalogue, by key. */
    public List<DipGroup> current() {
        List<DipGroup> out = new ArrayList<>();
        try (Statement s = dir.connection().createStatement(); ResultSet r = s.executeQuery(
                "SELECT dip_key, core, cases, kept_cases, mean_cost, score FROM dip_groups ORDER BY dip_key")) {
            while (r.next()) {
                out.add(new DipGroup(r.getString(1), r.getBoolean(2), r.getInt(3), r.getInt(4), r.getDouble(5),
                        r.getDouble(6)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("读取 DIP 目录", e);
        }
    }

    /** The procedures of a stored case, main first ({@code other_procs} is |-separated). */
    static List<String> procedures(String main, String others) {
        List<String> procs = new ArrayList<>(2);
        if (main != null && !main.isEmpty()) {
            procs.add(main);
        }
        if (others != null) {
            for (String o : others.split("\\|")) {
                if (!o.isBlank()) {
                    procs.add(o);
                }
            }
        }
        return procs;
    }

    /** Streams the baseline cases into the builder; returns how many there were. */
    private long read(CaseFilter f, DipCatalog.Builder builder) {
        long n = 0;
        String sql = "SELECT principal_dx, principal_proc, other_procs, total_cost FROM case_records "
                + "WHERE principal_dx IS NOT NULL AND " + CaseFilter.PERIOD_SQL + " AND " + CaseFilter.HOSPITAL_SQL;
        try (PreparedStatement s = dir.connection().prepareStatement(sql)) {
            f.bindHospital(s, f.bindPeriod(s, 1));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    builder.add(new DipCase(r.getString(1), procedures(r.getString(2), r.getString(3)), r.getDouble(4)));
                    n++;
                }
            }
            return n;
        } catch (SQLException e) {
            throw new StoreException("读取 DIP 基线病例", e);
        }
    }
}

package org.hqd.store.dip;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
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
 * baseline) with the core's {@link DipCatalog}, keeps each as a numbered version, and assigns every case of the
 * store to its group of the latest catalogue (table {@code case_dip}; the {@code cases} view shows
 * {@code dip_key} and {@code dip_score}).
 */
public final class DipStore {
    private final DataDirectory dir;

    public DipStore(DataDirectory dir) {
        this.dir = dir;
    }

    /**
     * Builds a catalogue from the cases of the filter's period, stores it and assigns every case of the store to it,
     * all in one transaction; returns its version.
     */
    public int build(CaseFilter baseline, DipParameters p, Predicate<String> orProcedure) {
        DipCatalog.Builder builder = DipCatalog.builder(orProcedure, p);
        long cases = read(baseline, builder);
        DipCatalog catalogue = builder.build();
        try (Connection writer = writer()) {
            return Transaction.run(writer, "生成 DIP 目录", c -> {
                int version = insert(c, baseline, p, cases, catalogue);
                assign(c, version, catalogue);
                return version;
            });
        } catch (SQLException e) {
            throw new StoreException("生成 DIP 目录", e);
        }
    }

    /**
     * Assigns the cases that have no assignment under the latest catalogue (imported or replaced since) to its
     * groups, in one transaction; returns how many were assigned (0 without a catalogue).
     */
    public long assignPending(Predicate<String> orProcedure, DipParameters p) {
        OptionalInt version = latestVersion();
        if (version.isEmpty() || pending() == 0) {
            return 0;
        }
        DipCatalog catalogue = DipCatalog.of(current(), orProcedure, p);
        try (Connection writer = writer()) {
            return Transaction.run(writer, "分配 DIP 病种", c -> assign(c, version.getAsInt(), catalogue));
        } catch (SQLException e) {
            throw new StoreException("分配 DIP 病种", e);
        }
    }

    /** How many cases have no assignment under the latest catalogue (0 without a catalogue). */
    public long pending() {
        try (Statement s = dir.connection().createStatement(); ResultSet r = s.executeQuery(
                "SELECT count(*) FROM case_records WHERE " + PENDING + " AND EXISTS (SELECT 1 FROM dip_versions)")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("统计待分配 DIP 病种的病例", e);
        }
    }

    private static final String PENDING =
            "dip_version IS DISTINCT FROM (SELECT max(version) FROM dip_versions)";

    /** A second connection to the same database, for writing while the main one streams cases. */
    private Connection writer() throws SQLException {
        return dir.connection().unwrap(DuckDBConnection.class).duplicate();
    }

    private OptionalInt latestVersion() {
        try (Statement s = dir.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT max(version) FROM dip_versions")) {
            r.next();
            int v = r.getInt(1);
            return r.wasNull() ? OptionalInt.empty() : OptionalInt.of(v);
        } catch (SQLException e) {
            throw new StoreException("读取 DIP 目录版本", e);
        }
    }

    /**
     * Streams the cases not assigned under this version (on the main connection, which sees the committed store),
     * groups them with the catalogue, stages (row id, group) through an appender on the writer and sets
     * {@code dip_key, dip_version} in one update; returns how many were assigned.
     */
    private long assign(Connection writer, int version, DipCatalog catalogue) throws SQLException {
        try (Statement w = writer.createStatement()) {
            w.execute("CREATE OR REPLACE TABLE dip_assign_stage (rid BIGINT, dip_key VARCHAR)");
        }
        long n = 0;
        String sql = "SELECT rowid, principal_dx, principal_proc, other_procs, total_cost FROM case_records "
                + "WHERE dip_version IS DISTINCT FROM ?";
        try (PreparedStatement s = dir.connection().prepareStatement(sql);
             DuckDBAppender out = writer.unwrap(DuckDBConnection.class).createAppender(
                     DuckDBConnection.DEFAULT_SCHEMA, "dip_assign_stage")) {
            s.setInt(1, version);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String dx = r.getString(2);
                    Optional<DipGroup> g = dx == null || dx.isEmpty() ? Optional.empty()
                            : catalogue.group(new DipCase(dx, procedures(r.getString(3), r.getString(4)),
                            r.getDouble(5)));
                    out.beginRow().append(r.getLong(1));
                    if (g.isPresent()) {
                        out.append(g.get().key());
                    } else {
                        out.appendNull();
                    }
                    out.endRow();
                    n++;
                }
            }
        }
        try (Statement w = writer.createStatement()) {
            w.execute("UPDATE case_records SET dip_key = a.dip_key, dip_version = " + version
                    + " FROM dip_assign_stage a WHERE case_records.rowid = a.rid");
            w.execute("DROP TABLE dip_assign_stage");
        }
        return n;
    }

    private static int insert(Connection c, CaseFilter baseline, DipParameters p, long cases, DipCatalog catalogue)
            throws SQLException {
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

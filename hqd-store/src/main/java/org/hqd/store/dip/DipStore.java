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
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.dip.AuxCase;
import org.hqd.casemix.dip.DipAuxiliary;
import org.hqd.casemix.dip.DipCase;
import org.hqd.casemix.dip.DipCatalog;
import org.hqd.casemix.dip.DipGroup;
import org.hqd.casemix.dip.DipParameters;
import org.hqd.casemix.dip.OfficialDipCatalogue;
import org.hqd.casemix.dip.OfficialDipGroup;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;
import org.hqd.store.StoreException;
import org.hqd.store.Transaction;
import org.hqd.store.query.CaseFilterSql;

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
            String what = "生成 DIP 目录";
            return Transaction.run(writer, what, c -> {
                int version = insert(c, what, baseline, p, cases, catalogue);
                assign(c, version, catalogue, DipAuxiliary.NONE);
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
        Source source = source();
        List<DipGroup> groups = current();
        DipCatalog catalogue = DipCatalog.of(groups, source.official() ? OfficialDipCatalogue.operationsOf(groups)
                : orProcedure, p);
        DipAuxiliary aux = auxiliary(version.getAsInt());
        try (Connection writer = writer()) {
            return Transaction.run(writer, "分配 DIP 病种", c -> assign(c, version.getAsInt(), catalogue, aux));
        } catch (SQLException e) {
            throw new StoreException("分配 DIP 病种", e);
        }
    }

    /** How many cases have no assignment under the latest catalogue (0 without a catalogue). */
    public long pending() {
        return Query.of("统计待分配 DIP 病种的病例", "SELECT count(*) FROM case_records WHERE " + PENDING
                + " AND EXISTS (SELECT 1 FROM dip_versions)").number(dir.connection());
    }

    /**
     * Stores an official catalogue (a national or regional 病种目录库) with its auxiliary catalogue as a new version, and
     * assigns every case of the store to its groups (only the catalogue's operations make a case's key), all in one
     * transaction; returns its version.
     *
     * @param source     the file it came from
     * @param pointValue the published yuan per point, if any
     */
    public int loadOfficial(OfficialDipCatalogue catalogue, DipAuxiliary aux, String source, OptionalDouble pointValue,
                            DipParameters p) {
        DipCatalog grouping = catalogue.catalog(p);
        try (Connection writer = writer()) {
            String what = "导入 DIP 目录";
            return Transaction.run(writer, what, c -> {
                int version = (int) Query.of(what, "SELECT coalesce(max(version), 0) + 1 FROM dip_versions").number(c);
                Query.of(what, "INSERT INTO dip_versions (version, parameters, cases, computed_at, source, point_value) "
                                + "VALUES (?, 'official', 0, current_timestamp, ?, ?)")
                        .bind(version, source, pointValue.isPresent() ? pointValue.getAsDouble() : null).update(c);
                Query.of(what, "INSERT INTO dip_catalogue (version, dip_key, core, cases, kept_cases, mean_cost, score, "
                                + "group_code) VALUES (?, ?, ?, 0, 0, ?, ?, ?)").bind(version)
                        .<OfficialDipGroup>batch(c, catalogue.groups(), (ins, g) -> {
                            ins.setString(2, g.group().key());
                            ins.setBoolean(3, g.group().core());
                            ins.setDouble(4, g.group().meanCost());
                            ins.setDouble(5, g.group().score());
                            ins.setString(6, g.code());
                        });
                int[] line = {0};
                Query.of(what, "INSERT INTO dip_auxiliary VALUES (?, ?, ?, ?, ?, ?, ?)").bind(version)
                        .<DipAuxiliary.Level>batch(c, aux.levels(), (ins, l) -> {
                            ins.setInt(2, ++line[0]);
                            ins.setString(3, l.kind());
                            ins.setString(4, l.level());
                            ins.setString(5, l.condition());
                            ins.setDouble(6, l.coefficient());
                            ins.setString(7, l.source());
                        });
                assign(c, version, grouping, aux);
                return version;
            });
        } catch (SQLException e) {
            throw new StoreException("导入 DIP 目录", e);
        }
    }

    /** Where the latest catalogue came from: built from the store's cases, or an official file with its point value. */
    public record Source(int version, boolean official, String file, OptionalDouble pointValue) { }

    /** The source of the latest catalogue; version 0 when there is none. */
    public Source source() {
        return Query.of("读取 DIP 目录版本", "SELECT version, parameters = 'official', coalesce(source, ''), point_value "
                        + "FROM dip_versions ORDER BY version DESC LIMIT 1")
                .first(dir.connection(), r -> {
                    double v = r.getDouble(4);
                    return new Source(r.getInt(1), r.getBoolean(2), r.getString(3), r.wasNull() ? OptionalDouble.empty()
                            : OptionalDouble.of(v));
                })
                .orElseGet(() -> new Source(0, false, "", OptionalDouble.empty()));
    }

    /** The auxiliary catalogue stored with a version (none for a built one). */
    public DipAuxiliary auxiliary(int version) {
        List<DipAuxiliary.Level> levels = Query.of("读取 DIP 辅助目录", "SELECT kind, level, condition, coefficient, "
                        + "coalesce(source, '') FROM dip_auxiliary WHERE version = ? ORDER BY line")
                .bind(version)
                .list(dir.connection(), r -> new DipAuxiliary.Level(r.getString(1), r.getString(2), r.getString(3),
                        r.getDouble(4), r.getString(5)));
        return levels.isEmpty() ? DipAuxiliary.NONE : DipAuxiliary.of(levels);
    }

    private static final String PENDING =
            "dip_version IS DISTINCT FROM (SELECT max(version) FROM dip_versions)";

    /** A second connection to the same database, for writing while the main one streams cases. */
    private Connection writer() throws SQLException {
        return dir.connection().unwrap(DuckDBConnection.class).duplicate();
    }

    private OptionalInt latestVersion() {
        return Query.of("读取 DIP 目录版本", "SELECT max(version) FROM dip_versions").read(dir.connection(), r -> {
            r.next();
            int v = r.getInt(1);
            return r.wasNull() ? OptionalInt.empty() : OptionalInt.of(v);
        });
    }

    /**
     * Streams the cases not assigned under this version (on the main connection, which sees the committed store),
     * groups them with the catalogue, stages (row id, group) through an appender on the writer and sets
     * {@code dip_key, dip_version} in one update; with an auxiliary catalogue, each grouped case's coefficient replaces
     * its old one in {@code dip_case_adjustments}. Returns how many were assigned.
     */
    private long assign(Connection writer, int version, DipCatalog catalogue, DipAuxiliary aux) throws SQLException {
        try (Statement w = writer.createStatement()) {
            w.execute("CREATE OR REPLACE TABLE dip_assign_stage (rid BIGINT, dip_key VARCHAR)");
            w.execute("CREATE OR REPLACE TABLE dip_adjust_stage (hospital_id VARCHAR, record_id VARCHAR, "
                    + "coefficient DOUBLE, levels VARCHAR)");
        }
        long n = 0;
        String sql = "SELECT rowid, principal_dx, principal_proc, other_procs, total_cost, hospital_id, record_id, "
                + "secondary_dx, age_years, age_days, discharge_method FROM case_records "
                + "WHERE dip_version IS DISTINCT FROM ?";
        try (PreparedStatement s = dir.connection().prepareStatement(sql);
             DuckDBAppender out = writer.unwrap(DuckDBConnection.class).createAppender(
                     DuckDBConnection.DEFAULT_SCHEMA, "dip_assign_stage");
             DuckDBAppender adjust = writer.unwrap(DuckDBConnection.class).createAppender(
                     DuckDBConnection.DEFAULT_SCHEMA, "dip_adjust_stage")) {
            s.setInt(1, version);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String dx = r.getString(2);
                    List<String> procs = procedures(r.getString(3), r.getString(4));
                    Optional<DipGroup> g = dx == null || dx.isEmpty() ? Optional.empty()
                            : catalogue.group(new DipCase(dx, procs, r.getDouble(5)));
                    out.beginRow().append(r.getLong(1));
                    if (g.isPresent()) {
                        out.append(g.get().key());
                    } else {
                        out.appendNull();
                    }
                    out.endRow();
                    if (g.isPresent() && !aux.isEmpty()) {
                        DipAuxiliary.Adjustment a = aux.adjust(new AuxCase(procedures("", r.getString(8)), procs,
                                number(r, 9), number(r, 10), r.getString(11) == null ? "" : r.getString(11)));
                        adjust.beginRow().append(r.getString(6)).append(r.getString(7)).append(a.coefficient())
                                .append(a.levels()).endRow();
                    }
                    n++;
                }
            }
        }
        try (Statement w = writer.createStatement()) {
            w.execute("UPDATE case_records SET dip_key = a.dip_key, dip_version = " + version
                    + " FROM dip_assign_stage a WHERE case_records.rowid = a.rid");
            w.execute("DELETE FROM dip_case_adjustments d USING case_records c, dip_assign_stage a "
                    + "WHERE c.rowid = a.rid AND d.hospital_id = c.hospital_id AND d.record_id = c.record_id");
            w.execute("INSERT INTO dip_case_adjustments SELECT hospital_id, record_id, " + version
                    + ", coefficient, levels FROM dip_adjust_stage");
            w.execute("DROP TABLE dip_assign_stage");
            w.execute("DROP TABLE dip_adjust_stage");
        }
        return n;
    }

    private static int number(ResultSet r, int column) throws SQLException {
        int v = r.getInt(column);
        return r.wasNull() ? -1 : v;
    }

    private static int insert(Connection c, String what, CaseFilter baseline, DipParameters p, long cases,
                              DipCatalog catalogue) {
        int version = (int) Query.of(what, "SELECT coalesce(max(version), 0) + 1 FROM dip_versions").number(c);
        Query.of(what, "INSERT INTO dip_versions (version, baseline_from, baseline_to, parameters, cases, computed_at) "
                        + "VALUES (?, ?, ?, ?, ?, current_timestamp)")
                .bind(version, baseline.from().map(Date::valueOf).orElse(null),
                        baseline.to().map(Date::valueOf).orElse(null),
                        String.format(Locale.ROOT, "coreMinCases=%d;diagnosticPrefixes=%s;trimSigmas=%s",
                                p.coreMinCases(), String.join("|", p.diagnosticPrefixes()), p.trimSigmas()), cases)
                .update(c);
        Query.of(what, "INSERT INTO dip_catalogue (version, dip_key, core, cases, kept_cases, mean_cost, score) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)").bind(version)
                .<DipGroup>batch(c, catalogue.groups().values(), (ins, g) -> {
                    ins.setString(2, g.key());
                    ins.setBoolean(3, g.core());
                    ins.setInt(4, g.cases());
                    ins.setInt(5, g.keptCases());
                    ins.setDouble(6, g.meanCost());
                    ins.setDouble(7, g.score());
                });
        return version;
    }

    /** The groups of the latest catalogue, by key. */
    public List<DipGroup> current() {
        return Query.of("读取 DIP 目录", "SELECT dip_key, core, cases, kept_cases, mean_cost, score FROM dip_groups "
                + "ORDER BY dip_key").list(dir.connection(), r -> new DipGroup(r.getString(1), r.getBoolean(2),
                r.getInt(3), r.getInt(4), r.getDouble(5), r.getDouble(6)));
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
        long[] n = {0};
        Query.of("读取 DIP 基线病例", "SELECT principal_dx, principal_proc, other_procs, total_cost FROM case_records "
                        + "WHERE principal_dx IS NOT NULL AND " + CaseFilterSql.PERIOD_SQL + " AND "
                        + CaseFilterSql.HOSPITAL_SQL)
                .bind(s -> CaseFilterSql.bindHospital(f, s, CaseFilterSql.bindPeriod(f, s, 1)))
                .forEach(dir.connection(), r -> {
                    builder.add(new DipCase(r.getString(1), procedures(r.getString(2), r.getString(3)), r.getDouble(4)));
                    n[0]++;
                });
        return n[0];
    }
}

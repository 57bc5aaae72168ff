package org.hqd.store.budget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.hqd.HqdException;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetEvent;
import org.hqd.budget.BudgetItem;
import org.hqd.budget.BudgetLine;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.BudgetState;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.BudgetWorkflow;
import org.hqd.budget.PerformanceDimension;
import org.hqd.budget.PerformanceTarget;
import org.hqd.evaluation.Comparison;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;
import org.hqd.store.Transaction;

/**
 * The budgets of a data directory. Every change is one transaction and one event of the budget's history: importing
 * a budget file compiles (creates or replaces) the draft of each hospital and year it holds — refused as a whole if
 * one of them is not a draft; submitting, approving, returning, adjusting and closing follow {@link BudgetWorkflow};
 * importing actuals replaces the months the file holds. Rejected rows are kept in {@code budget_rejects} with their
 * reasons; the rest goes through.
 */
public final class BudgetStore {
    private final DataDirectory dir;
    private final BudgetCatalog catalog;

    public BudgetStore(DataDirectory dir, BudgetCatalog catalog) {
        this.dir = dir;
        this.catalog = catalog;
        syncCatalog();
    }

    public BudgetCatalog catalog() {
        return catalog;
    }

    /** Writes the catalogue into {@code budget_items} when the table does not hold it already (a read otherwise). */
    private void syncCatalog() {
        StringBuilder want = new StringBuilder();
        for (BudgetItem it : catalog.items()) {
            want.append(it.code()).append('|').append(it.name()).append('|').append(it.kind()).append('|')
                    .append(it.category()).append('|').append(String.join(",", new TreeSet<>(it.measures()))).append('\n');
        }
        StringBuilder have = new StringBuilder();
        try (PreparedStatement s = dir.connection().prepareStatement(
                "SELECT code, name, kind, category, measures FROM budget_items ORDER BY code");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                have.append(r.getString(1)).append('|').append(r.getString(2)).append('|').append(r.getString(3))
                        .append('|').append(r.getString(4)).append('|').append(r.getString(5)).append('\n');
            }
        } catch (SQLException e) {
            throw new StoreException("读取预算项目目录", e);
        }
        String sorted = want.toString().lines().sorted().collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        if (sorted.equals(have.toString())) {
            return;
        }
        Transaction.run(dir.connection(), "更新预算项目目录", c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM budget_items");
                 PreparedStatement i = c.prepareStatement("INSERT INTO budget_items VALUES (?, ?, ?, ?, ?)")) {
                d.executeUpdate();
                for (BudgetItem it : catalog.items()) {
                    i.setString(1, it.code());
                    i.setString(2, it.name());
                    i.setString(3, it.kind().name());
                    i.setString(4, it.category());
                    i.setString(5, String.join(",", new TreeSet<>(it.measures())));
                    i.addBatch();
                }
                i.executeBatch();
            }
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------------- reference

    /** The hospitals of the register and those with cases. */
    public Set<String> hospitals() {
        return strings("SELECT hospital_id FROM hospital_register UNION SELECT DISTINCT hospital_id FROM case_records", null);
    }

    /** A hospital's departments: those of its discharge abstracts and those registered for its budget. */
    public Set<String> departments(String hospital) {
        return strings("SELECT DISTINCT department FROM case_records WHERE hospital_id = ? AND department IS NOT NULL "
                + "UNION SELECT department FROM budget_departments WHERE hospital_id = ?", hospital);
    }

    /** A hospital's name from the register, or its id. */
    public String hospitalName(String hospital) {
        Set<String> n = strings("SELECT name FROM hospital_register WHERE hospital_id = ?", hospital);
        return n.isEmpty() ? hospital : n.iterator().next();
    }

    private Set<String> strings(String sql, String arg) {
        Set<String> out = new LinkedHashSet<>();
        try (PreparedStatement s = dir.connection().prepareStatement(sql)) {
            int n = s.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= n; i++) {
                s.setString(i, arg);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("读取预算参考数据", e);
        }
    }

    /** Registers departments (cost centres) of hospitals: pairs {hospital_id, department}; returns how many were new. */
    public int registerDepartments(List<String[]> pairs) {
        return Transaction.run(dir.connection(), "登记科室", c -> {
            int added = 0;
            try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO budget_departments VALUES (?, ?)")) {
                for (String[] p : pairs) {
                    s.setString(1, p[0]);
                    s.setString(2, p[1]);
                    added += s.executeUpdate();
                }
            }
            return added;
        });
    }

    /** The rows of a budget-shaped table file (budget, actuals, adjustments), ready to check. */
    public static List<BudgetRowCheck.RawRow> rows(org.hqd.io.table.TableFile t) {
        return t.rows().stream().map(r -> new BudgetRowCheck.RawRow(r.line(), r.cells())).toList();
    }

    public BudgetRowCheck rowCheck() {
        return new BudgetRowCheck(catalog, hospitals(), this::departments);
    }

    // ------------------------------------------------------------------------------------------------- imports

    /** What an import did: rows read, accepted and rejected (by rule), and per hospital and year what happened. */
    public record ImportResult(String batch, int read, int accepted, List<BudgetRowCheck.Rejected> rejected,
                               Map<String, Integer> rejectedByRule, List<String> changes) { }

    /**
     * Imports a budget file: the accepted rows of each hospital and year become the lines of its draft (created,
     * or replaced); a hospital-year whose budget is not a draft refuses the whole import.
     */
    public ImportResult importBudget(String file, String sha256, List<BudgetRowCheck.RawRow> rows, String user, Instant at) {
        BudgetRowCheck.Result checked = rowCheck().check(rows);
        Map<String, List<BudgetLine>> groups = group(checked.accepted());
        String batch = UUID.randomUUID().toString();
        List<String> changes = new ArrayList<>();
        // the workflow reads each latest version inside the transaction; one refusal rolls back the whole file
        Transaction.run(dir.connection(), "导入预算 " + file, c -> {
            for (Map.Entry<String, List<BudgetLine>> g : groups.entrySet()) {
                BudgetLine first = g.getValue().get(0);
                Optional<BudgetVersion> before = latest(c, first.hospitalId(), first.year());
                BudgetVersion v = BudgetWorkflow.apply(first.hospitalId(), first.year(), before, BudgetAction.COMPILE, "");
                List<BudgetLine> old = before.isPresent() ? lines(c, v.hospitalId(), v.year(), v.version()) : List.of();
                if (before.isPresent() && sameLines(old, g.getValue()) && before.get().state() == BudgetState.DRAFT) {
                    changes.add(v.hospitalId() + " " + v.year() + " 年" + v.label() + "：与现有草稿相同，未做更改");
                    continue;
                }
                upsertVersion(c, v, user, at);
                replaceLines(c, v, g.getValue());
                event(c, v, BudgetAction.COMPILE, before.map(BudgetVersion::state), BudgetState.DRAFT,
                        "导入 " + file + "（" + g.getValue().size() + " 行）", user, at);
                changes.add(v.hospitalId() + " " + v.year() + " 年" + v.label() + "：" + (before.isEmpty() ? "新建草稿" : "替换草稿")
                        + " " + g.getValue().size() + " 行，合计 " + org.hqd.budget.Money.yuan(total(g.getValue(), true))
                        + " 元收入、" + org.hqd.budget.Money.yuan(total(g.getValue(), false)) + " 元支出");
            }
            recordImport(c, batch, "budget", file, sha256, rows.size(), checked, user, at);
            return null;
        });
        return new ImportResult(batch, rows.size(), checked.accepted().size(), checked.rejected(),
                checked.countsByRule(), changes);
    }

    /** What compiling from the template did. */
    public record Compiled(BudgetVersion version, int lines, int fromActuals, int fromCases, double caseGrowth) { }

    /**
     * Compiles a draft from the template (编制): last year's actuals grown by {@code growth}, with inpatient revenue
     * forecast from last year's cases of each clinical department grown by {@code caseGrowth} (empty: the change in
     * discharges from the year before last to last year, or 0 without the earlier year).
     */
    public Compiled compile(String hospital, int year, double growth, Optional<Double> caseGrowth, String user, Instant at) {
        List<BudgetLine> last = actuals(hospital, year - 1);
        double cg = caseGrowth.orElseGet(() -> {
            long before = discharges(hospital, year - 2);
            long lastCases = discharges(hospital, year - 1);
            return before == 0 || lastCases == 0 ? 0.0 : (double) lastCases / before - 1;
        });
        List<BudgetLine> forecast = caseForecast(hospital, year - 1, cg);
        if (last.isEmpty() && forecast.isEmpty()) {
            throw new HqdException(hospital + " 没有 " + (year - 1) + " 年的实际数，也没有该年的病案数据，无法按模板编制 "
                    + year + " 年预算；请用 hqd budget import 导入编制好的预算");
        }
        List<BudgetLine> lines = org.hqd.budget.BudgetTemplate.compile(hospital, year, last, growth, forecast);
        BudgetVersion v = Transaction.run(dir.connection(), "编制预算", c -> {
            Optional<BudgetVersion> before = latest(c, hospital, year);
            BudgetVersion compiled = BudgetWorkflow.apply(hospital, year, before, BudgetAction.COMPILE, "");
            upsertVersion(c, compiled, user, at);
            replaceLines(c, compiled, lines);
            event(c, compiled, BudgetAction.COMPILE, before.map(BudgetVersion::state), BudgetState.DRAFT,
                    String.format("按模板编制：%d 年实际数 %d 行 × (1 %+.1f%%)，病例预测 %d 行 × (1 %+.1f%%)", year - 1,
                            last.size(), growth * 100, forecast.size(), cg * 100), user, at);
            return compiled;
        });
        return new Compiled(v, lines.size(), last.size(), forecast.size(), cg);
    }

    private long discharges(String hospital, int year) {
        try (PreparedStatement s = dir.connection().prepareStatement("SELECT count(*) FROM case_records "
                + "WHERE hospital_id = ? AND year(discharge_date) = ?")) {
            s.setString(1, hospital);
            s.setInt(2, year);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("读取出院人次", e);
        }
    }

    /** Inpatient revenue of a year's cases by clinical department, item and month, grown by a rate (fen). */
    public List<BudgetLine> caseForecast(String hospital, int fromYear, double growth) {
        List<BudgetLine> out = new ArrayList<>();
        for (BudgetItem item : catalog.items()) {
            if (item.caseCharges().isEmpty()) {
                continue;
            }
            String sum = String.join(" + ", item.caseCharges().stream().sorted()
                    .map(ch -> "coalesce(" + ch + ", 0)").toList());
            try (PreparedStatement s = dir.connection().prepareStatement("SELECT department, month(discharge_date), "
                    + "sum(" + sum + ") FROM case_records WHERE hospital_id = ? AND year(discharge_date) = ? "
                    + "AND department IS NOT NULL GROUP BY ALL ORDER BY 1, 2")) {
                s.setString(1, hospital);
                s.setInt(2, fromYear);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long fen = org.hqd.budget.Money.ofYuan(r.getDouble(3) * (1 + growth));
                        if (fen != 0) {
                            out.add(new BudgetLine(hospital, fromYear + 1, r.getString(1), item.code(), r.getInt(2), fen));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("按病例预测住院收入", e);
            }
        }
        return out;
    }

    private long total(List<BudgetLine> lines, boolean revenue) {
        return lines.stream().filter(l -> catalog.item(l.item()).map(i -> (i.kind() == org.hqd.budget.BudgetKind.REVENUE) == revenue)
                .orElse(false)).mapToLong(BudgetLine::fen).sum();
    }

    /**
     * Imports actual amounts: for each hospital, year and month in the file, the file's rows replace that month's
     * actuals. Rows of a closed year are rejected (reason CLOSED_YEAR).
     */
    public ImportResult importActuals(String file, String sha256, List<BudgetRowCheck.RawRow> rows, String user, Instant at) {
        BudgetRowCheck.Result checked = rowCheck().check(rows);
        List<BudgetLine> accepted = new ArrayList<>();
        List<BudgetRowCheck.Rejected> rejected = new ArrayList<>(checked.rejected());
        Map<String, Boolean> closed = new LinkedHashMap<>();
        Set<BudgetRowCheck.RawRow> refused = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        checked.rejected().forEach(x -> refused.add(x.row()));
        int index = 0;
        List<BudgetRowCheck.RawRow> acceptedRows = rows.stream().filter(r -> !refused.contains(r)).toList();
        for (BudgetLine l : checked.accepted()) {
            BudgetRowCheck.RawRow raw = acceptedRows.get(index++);
            boolean isClosed = closed.computeIfAbsent(l.hospitalId() + "|" + l.year(),
                    k -> latest(l.hospitalId(), l.year()).map(v -> v.state() == BudgetState.CLOSED).orElse(false));
            if (isClosed) {
                rejected.add(new BudgetRowCheck.Rejected(raw, List.of("CLOSED_YEAR"),
                        List.of(l.hospitalId() + " " + l.year() + " 年预算已决算，不能再导入实际数")));
            } else {
                accepted.add(l);
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(r -> r.row().line()));
        BudgetRowCheck.Result result = new BudgetRowCheck.Result(accepted, rejected);
        String batch = UUID.randomUUID().toString();
        List<String> changes = new ArrayList<>();
        Transaction.run(dir.connection(), "导入实际数 " + file, c -> {
            Map<String, List<BudgetLine>> months = new LinkedHashMap<>();
            Map<String, List<BudgetLine>> existing = new java.util.HashMap<>();
            for (BudgetLine l : accepted) {
                months.computeIfAbsent(l.hospitalId() + "\u0001" + l.year() + "\u0001" + l.month(), k -> new ArrayList<>()).add(l);
            }
            for (List<BudgetLine> m : months.values()) {
                BudgetLine f = m.get(0);
                List<BudgetLine> old = existing.computeIfAbsent(f.hospitalId() + "\u0001" + f.year(),
                        k -> actuals(c, f.hospitalId(), f.year())).stream().filter(a -> a.month() == f.month()).toList();
                if (sameLines(old, m)) {
                    changes.add(f.hospitalId() + " " + f.year() + " 年 " + f.month() + " 月：与已有实际数相同，未做更改");
                    continue;
                }
                try (PreparedStatement d = c.prepareStatement(
                        "DELETE FROM budget_actuals WHERE hospital_id = ? AND year = ? AND month = ?")) {
                    d.setString(1, f.hospitalId());
                    d.setInt(2, f.year());
                    d.setInt(3, f.month());
                    d.executeUpdate();
                }
                try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA,
                        "budget_actuals")) {
                    for (BudgetLine l : m) {
                        a.beginRow().append(l.hospitalId()).append(l.year()).append(l.department()).append(l.item())
                                .append(l.month()).append(l.fen()).append(batch).endRow();
                    }
                }
                changes.add(f.hospitalId() + " " + f.year() + " 年 " + f.month() + " 月：" + (old.isEmpty() ? "新增 " : "替换为 ")
                        + m.size() + " 行实际数");
            }
            recordImport(c, batch, "actuals", file, sha256, rows.size(), result, user, at);
            return null;
        });
        return new ImportResult(batch, rows.size(), accepted.size(), rejected, result.countsByRule(), changes);
    }

    private static Map<String, List<BudgetLine>> group(List<BudgetLine> lines) {
        Map<String, List<BudgetLine>> out = new LinkedHashMap<>();
        for (BudgetLine l : lines) {
            out.computeIfAbsent(l.hospitalId() + "\u0001" + l.year(), k -> new ArrayList<>()).add(l);
        }
        return out;
    }

    private static boolean sameLines(List<BudgetLine> a, List<BudgetLine> b) {
        return new HashSet<>(a).equals(new HashSet<>(b)) && a.size() == b.size();
    }

    private void recordImport(Connection c, String batch, String kind, String file, String sha256, int read,
                              BudgetRowCheck.Result r, String user, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO budget_imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, batch);
            s.setString(2, kind);
            s.setString(3, file);
            s.setString(4, sha256);
            s.setInt(5, read);
            s.setInt(6, r.accepted().size());
            s.setInt(7, r.rejected().size());
            s.setTimestamp(8, Timestamp.from(at));
            s.setString(9, user);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO budget_rejects VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (BudgetRowCheck.Rejected x : r.rejected()) {
                s.setString(1, batch);
                s.setString(2, file);
                s.setInt(3, x.row().line());
                int i = 4;
                for (String col : BudgetRowCheck.COLUMNS) {
                    s.setString(i++, x.row().cell(col));
                }
                s.setString(10, String.join("|", x.ruleIds()));
                s.setString(11, String.join("；", x.messages()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    // ------------------------------------------------------------------------------------------------- workflow

    /**
     * Submits, approves, returns or closes the latest version; the workflow refuses what it must. The latest version
     * is read inside the transaction, so two users acting at once cannot both move the same version.
     */
    public BudgetVersion transition(String hospital, int year, BudgetAction action, String comment, String user, Instant at) {
        if (action == BudgetAction.COMPILE || action == BudgetAction.ADJUST) {
            throw new IllegalArgumentException(action + " goes through importBudget / adjust");
        }
        return Transaction.run(dir.connection(), action.label() + "预算", c -> {
            Optional<BudgetVersion> before = latest(c, hospital, year);
            BudgetVersion after = BudgetWorkflow.apply(hospital, year, before, action, comment);
            if (action == BudgetAction.CLOSE) {
                Set<Integer> months = new TreeSet<>();
                actuals(c, hospital, year).forEach(a -> months.add(a.month()));
                if (months.size() < 12) {
                    throw new HqdException(hospital + " " + year + " 年决算需要全年 12 个月的实际数，已有 "
                            + (months.isEmpty() ? "0 个月" : months.size() + " 个月（" + months + "）"));
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE budget_versions SET state = ? WHERE hospital_id = ? AND year = ? AND version = ?")) {
                s.setString(1, after.state().name());
                s.setString(2, hospital);
                s.setInt(3, year);
                s.setInt(4, after.version());
                s.executeUpdate();
            }
            event(c, after, action, before.map(BudgetVersion::state), after.state(), comment == null ? "" : comment, user, at);
            return after;
        });
    }

    /**
     * Adjusts the approved budget: a new version (or the adjustment draft already open) whose lines are those of
     * the version in force with the given lines replaced (amount 0 removes a line); it goes to approval as usual.
     */
    public BudgetVersion adjust(String hospital, int year, List<BudgetLine> changes, String reason, String user, Instant at) {
        for (BudgetLine l : changes) {
            if (!l.hospitalId().equals(hospital) || l.year() != year) {
                throw new HqdException("调整文件中有其他医院或年度的行：" + l.hospitalId() + " " + l.year());
            }
        }
        return Transaction.run(dir.connection(), "调整预算", c -> {
            Optional<BudgetVersion> before = latest(c, hospital, year);
            BudgetVersion v = BudgetWorkflow.apply(hospital, year, before, BudgetAction.ADJUST, reason);
            List<BudgetLine> base = lines(c, hospital, year, before.get().version());
            Map<String, BudgetLine> merged = new LinkedHashMap<>();
            for (BudgetLine l : base) {
                merged.put(lineKey(l), l);
            }
            for (BudgetLine l : changes) {
                if (l.fen() == 0) {
                    merged.remove(lineKey(l));
                } else {
                    merged.put(lineKey(l), l);
                }
            }
            upsertVersion(c, v, user, at);
            replaceLines(c, v, new ArrayList<>(merged.values()));
            long delta = changes.stream().mapToLong(BudgetLine::fen).sum()
                    - base.stream().filter(b -> changes.stream().anyMatch(x -> lineKey(x).equals(lineKey(b))))
                    .mapToLong(BudgetLine::fen).sum();
            event(c, v, BudgetAction.ADJUST, before.map(BudgetVersion::state), BudgetState.DRAFT,
                    reason + "（调整 " + changes.size() + " 行，净变动 " + org.hqd.budget.Money.yuan(delta) + " 元）", user, at);
            return v;
        });
    }

    private static String lineKey(BudgetLine l) {
        return l.department() + "\u0001" + l.item() + "\u0001" + l.month();
    }

    private void upsertVersion(Connection c, BudgetVersion v, String user, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO budget_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (hospital_id, year, version) DO UPDATE SET state = excluded.state, reason = excluded.reason")) {
            s.setString(1, v.hospitalId());
            s.setInt(2, v.year());
            s.setInt(3, v.version());
            s.setBoolean(4, v.adjustment());
            s.setString(5, v.state().name());
            s.setString(6, v.reason());
            s.setTimestamp(7, Timestamp.from(at));
            s.setString(8, user);
            s.executeUpdate();
        }
    }

    private static void replaceLines(Connection c, BudgetVersion v, List<BudgetLine> lines) throws SQLException {
        try (PreparedStatement d = c.prepareStatement(
                "DELETE FROM budget_lines WHERE hospital_id = ? AND year = ? AND version = ?")) {
            d.setString(1, v.hospitalId());
            d.setInt(2, v.year());
            d.setInt(3, v.version());
            d.executeUpdate();
        }
        try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA,
                "budget_lines")) {
            for (BudgetLine l : lines) {
                a.beginRow().append(v.hospitalId()).append(v.year()).append(v.version()).append(l.department())
                        .append(l.item()).append(l.month()).append(l.fen()).endRow();
            }
        }
    }

    private static void event(Connection c, BudgetVersion v, BudgetAction action, Optional<BudgetState> from,
                              BudgetState to, String comment, String user, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO budget_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, v.hospitalId());
            s.setInt(2, v.year());
            s.setInt(3, v.version());
            s.setString(4, action.name());
            s.setString(5, from.map(Enum::name).orElse(null));
            s.setString(6, to.name());
            s.setString(7, comment);
            s.setString(8, user);
            s.setTimestamp(9, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    // ------------------------------------------------------------------------------------------------- reading

    public List<BudgetVersion> versions(String hospital, int year) {
        return versions(dir.connection(), hospital, year);
    }

    private static List<BudgetVersion> versions(Connection c, String hospital, int year) {
        List<BudgetVersion> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT version, adjustment, state, reason FROM budget_versions "
                + "WHERE hospital_id = ? AND year = ? ORDER BY version")) {
            s.setString(1, hospital);
            s.setInt(2, year);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new BudgetVersion(hospital, year, r.getInt(1), r.getBoolean(2),
                            BudgetState.valueOf(r.getString(3)), r.getString(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("读取预算版本", e);
        }
    }

    public Optional<BudgetVersion> latest(String hospital, int year) {
        return latest(dir.connection(), hospital, year);
    }

    private static Optional<BudgetVersion> latest(Connection c, String hospital, int year) {
        List<BudgetVersion> all = versions(c, hospital, year);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The version in force: the latest approved or closed one. */
    public Optional<BudgetVersion> inForce(String hospital, int year) {
        List<BudgetVersion> all = versions(hospital, year);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).state() == BudgetState.APPROVED || all.get(i).state() == BudgetState.CLOSED) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** Every hospital and year with a budget: its latest version. */
    public List<BudgetVersion> budgets() {
        List<BudgetVersion> out = new ArrayList<>();
        try (PreparedStatement s = dir.connection().prepareStatement("SELECT hospital_id, year, version, adjustment, "
                + "state, reason FROM budget_versions QUALIFY row_number() OVER (PARTITION BY hospital_id, year "
                + "ORDER BY version DESC) = 1 ORDER BY year DESC, hospital_id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new BudgetVersion(r.getString(1), r.getInt(2), r.getInt(3), r.getBoolean(4),
                        BudgetState.valueOf(r.getString(5)), r.getString(6)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("读取预算", e);
        }
    }

    public List<BudgetLine> lines(String hospital, int year, int version) {
        return lines(dir.connection(), hospital, year, version);
    }

    private static List<BudgetLine> lines(Connection c, String hospital, int year, int version) {
        return read(c, "SELECT department, item, month, amount FROM budget_lines WHERE hospital_id = ? AND year = ? "
                + "AND version = ? ORDER BY department, item, month", hospital, year, version);
    }

    public List<BudgetLine> actuals(String hospital, int year) {
        return actuals(dir.connection(), hospital, year);
    }

    private static List<BudgetLine> actuals(Connection c, String hospital, int year) {
        return read(c, "SELECT department, item, month, amount FROM budget_actuals WHERE hospital_id = ? AND year = ? "
                + "ORDER BY department, item, month", hospital, year);
    }

    /** Lines of a hospital's year: {@code sql} selects department, item, month, amount; hospital, year, then {@code more}. */
    private static List<BudgetLine> read(Connection c, String sql, String hospital, int year, int... more) {
        List<BudgetLine> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, hospital);
            s.setInt(2, year);
            for (int i = 0; i < more.length; i++) {
                s.setInt(3 + i, more[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new BudgetLine(hospital, year, r.getString(1), r.getString(2), r.getInt(3), r.getLong(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("读取预算明细", e);
        }
    }

    /** The cost accounting's figures of a hospital's year (hqd costing run), when it was costed. */
    public Optional<org.hqd.budget.CostFigures> costFigures(String hospital, int year) {
        return new org.hqd.store.costing.CostingResults(dir).figures(hospital, year);
    }

    /** The months of a year with actuals. */
    public Set<Integer> actualMonths(String hospital, int year) {
        Set<Integer> out = new TreeSet<>();
        actuals(hospital, year).forEach(a -> out.add(a.month()));
        return out;
    }

    public List<BudgetEvent> events(String hospital, int year) {
        List<BudgetEvent> out = new ArrayList<>();
        try (PreparedStatement s = dir.connection().prepareStatement("SELECT version, action, from_state, to_state, "
                + "comment, user_name, happened_at FROM budget_events WHERE hospital_id = ? AND year = ? ORDER BY happened_at, rowid")) {
            s.setString(1, hospital);
            s.setInt(2, year);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String from = r.getString(3);
                    out.add(new BudgetEvent(r.getInt(1), BudgetAction.valueOf(r.getString(2)),
                            from == null ? Optional.empty() : Optional.of(BudgetState.valueOf(from)),
                            BudgetState.valueOf(r.getString(4)), r.getString(5), r.getString(6),
                            r.getTimestamp(7).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("读取预算记录", e);
        }
    }

    // ------------------------------------------------------------------------------------------------- performance

    /** Stores performance targets (replacing those of the same hospital, year and name); returns how many. */
    public int saveTargets(List<PerformanceTarget> targets) {
        return Transaction.run(dir.connection(), "保存绩效目标", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO budget_targets VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (PerformanceTarget t : targets) {
                    s.setString(1, t.hospitalId());
                    s.setInt(2, t.year());
                    s.setString(3, t.name());
                    s.setString(4, t.department());
                    s.setString(5, t.item());
                    s.setString(6, t.dimension().name());
                    s.setString(7, t.comparison().name());
                    s.setDouble(8, t.target());
                    s.setString(9, t.unit());
                    s.setDouble(10, t.weight());
                    s.setString(11, t.source());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return targets.size();
        });
    }

    public List<PerformanceTarget> targets(String hospital, int year) {
        List<PerformanceTarget> out = new ArrayList<>();
        try (PreparedStatement s = dir.connection().prepareStatement("SELECT name, department, item, dimension, "
                + "comparison, target, unit, weight, source FROM budget_targets WHERE hospital_id = ? AND year = ? "
                + "ORDER BY dimension, name")) {
            s.setString(1, hospital);
            s.setInt(2, year);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new PerformanceTarget(hospital, year, r.getString(2), r.getString(3),
                            PerformanceDimension.valueOf(r.getString(4)), r.getString(1),
                            Comparison.valueOf(r.getString(5)), r.getDouble(6), r.getString(7), r.getDouble(8),
                            r.getString(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("读取绩效目标", e);
        }
    }

    /** Stores reported values of targets: {hospital, year, name, month, value}. */
    public int saveTargetValues(List<Object[]> values) {
        return Transaction.run(dir.connection(), "保存绩效监控值", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO budget_target_values VALUES (?, ?, ?, ?, ?)")) {
                for (Object[] v : values) {
                    s.setString(1, (String) v[0]);
                    s.setInt(2, (Integer) v[1]);
                    s.setString(3, (String) v[2]);
                    s.setInt(4, (Integer) v[3]);
                    s.setDouble(5, (Double) v[4]);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return values.size();
        });
    }

    /** The latest reported value of a target up to a month. */
    public java.util.OptionalDouble targetValue(String hospital, int year, String name, int month) {
        try (PreparedStatement s = dir.connection().prepareStatement("SELECT value FROM budget_target_values "
                + "WHERE hospital_id = ? AND year = ? AND name = ? AND month <= ? ORDER BY month DESC LIMIT 1")) {
            s.setString(1, hospital);
            s.setInt(2, year);
            s.setString(3, name);
            s.setInt(4, month);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? java.util.OptionalDouble.of(r.getDouble(1)) : java.util.OptionalDouble.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("读取绩效监控值", e);
        }
    }
}

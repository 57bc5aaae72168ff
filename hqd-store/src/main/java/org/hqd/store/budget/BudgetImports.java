package org.hqd.store.budget;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetKind;
import org.hqd.budget.BudgetLine;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.BudgetState;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.BudgetWorkflow;
import org.hqd.budget.Money;
import org.hqd.store.Query;
import org.hqd.store.Transaction;
import org.hqd.store.budget.BudgetStore.ImportResult;

/**
 * The imports of budget files and actual amounts, each one transaction with its record in {@code budget_imports}
 * and its rejected rows in {@code budget_rejects}.
 */
final class BudgetImports {
    private BudgetImports() {
    }

    /**
     * Imports a budget file: the accepted rows of each hospital and year become the lines of its draft (created,
     * or replaced); a hospital-year whose budget is not a draft refuses the whole import.
     */
    static ImportResult importBudget(Connection connection, BudgetCatalog catalog, BudgetRowCheck check, String file,
                                     String sha256, List<BudgetRowCheck.RawRow> rows, String user, Instant at) {
        BudgetRowCheck.Result checked = check.check(rows);
        String batch = UUID.randomUUID().toString();
        List<String> changes = new ArrayList<>();
        String what = "导入预算 " + file;
        // the workflow reads each latest version inside the transaction; one refusal rolls back the whole file
        Transaction.run(connection, what, c -> {
            for (List<BudgetLine> g : groups(checked.accepted(), l -> l.hospitalId() + "\u0001" + l.year()).values()) {
                BudgetLine first = g.get(0);
                Optional<BudgetVersion> before = BudgetBook.latest(c, first.hospitalId(), first.year());
                BudgetVersion v = BudgetWorkflow.apply(first.hospitalId(), first.year(), before, BudgetAction.COMPILE, "");
                List<BudgetLine> old = before.isPresent() ? BudgetBook.lines(c, v.hospitalId(), v.year(), v.version())
                        : List.of();
                String which = v.hospitalId() + " " + v.year() + " 年" + v.label() + "：";
                if (before.isPresent() && sameLines(old, g) && before.get().state() == BudgetState.DRAFT) {
                    changes.add(which + "与现有草稿相同，未做更改");
                    continue;
                }
                BudgetBook.saveVersion(c, what, v, user, at);
                BudgetBook.replaceLines(c, what, v, g);
                BudgetBook.event(c, what, v, BudgetAction.COMPILE, before.map(BudgetVersion::state), BudgetState.DRAFT,
                        "导入 " + file + "（" + g.size() + " 行）", user, at);
                changes.add(which + (before.isEmpty() ? "新建草稿" : "替换草稿") + " " + g.size() + " 行，合计 "
                        + Money.yuan(total(catalog, g, BudgetKind.REVENUE)) + " 元收入、"
                        + Money.yuan(total(catalog, g, BudgetKind.EXPENDITURE)) + " 元支出");
            }
            recordImport(c, what, batch, "budget", file, sha256, rows.size(), checked, user, at);
            return null;
        });
        return new ImportResult(batch, rows.size(), checked.accepted().size(), checked.rejected(),
                checked.countsByRule(), changes);
    }

    /**
     * Imports actual amounts: for each hospital, year and month in the file, the file's rows replace that month's
     * actuals. Rows of a closed year are rejected (reason CLOSED_YEAR), and so are the other rows of a month that has a
     * rejected row (MONTH_INCOMPLETE): a month is replaced whole or not at all.
     */
    static ImportResult importActuals(Connection connection, BudgetRowCheck check, String file, String sha256,
                                      List<BudgetRowCheck.RawRow> rows, String user, Instant at) {
        BudgetRowCheck.Result result = withoutIncompleteMonths(rows,
                withoutClosedYears(connection, rows, check.check(rows)));
        List<BudgetLine> accepted = result.accepted();
        String batch = UUID.randomUUID().toString();
        List<String> changes = new ArrayList<>();
        String what = "导入实际数 " + file;
        Transaction.run(connection, what, c -> {
            Map<String, List<BudgetLine>> existing = new HashMap<>();
            for (List<BudgetLine> m : groups(accepted, l -> l.hospitalId() + "\u0001" + l.year() + "\u0001" + l.month())
                    .values()) {
                BudgetLine f = m.get(0);
                List<BudgetLine> old = existing.computeIfAbsent(f.hospitalId() + "\u0001" + f.year(),
                        k -> BudgetBook.actuals(c, f.hospitalId(), f.year())).stream()
                        .filter(a -> a.month() == f.month()).toList();
                String which = f.hospitalId() + " " + f.year() + " 年 " + f.month() + " 月：";
                if (sameLines(old, m)) {
                    changes.add(which + "与已有实际数相同，未做更改");
                    continue;
                }
                BudgetBook.replaceActualMonth(c, what, m, batch);
                changes.add(which + (old.isEmpty() ? "新增 " : "替换为 ") + m.size() + " 行实际数");
            }
            recordImport(c, what, batch, "actuals", file, sha256, rows.size(), result, user, at);
            return null;
        });
        return new ImportResult(batch, rows.size(), accepted.size(), result.rejected(), result.countsByRule(), changes);
    }

    /** The check's result with the accepted rows of a closed year moved to the rejected ones (in line order). */
    private static BudgetRowCheck.Result withoutClosedYears(Connection connection, List<BudgetRowCheck.RawRow> rows,
                                                            BudgetRowCheck.Result checked) {
        Map<String, Boolean> closed = new HashMap<>();
        return setAside(rows, checked, l -> {
            boolean isClosed = closed.computeIfAbsent(l.hospitalId() + "|" + l.year(), k -> BudgetBook.latest(connection,
                    l.hospitalId(), l.year()).map(v -> v.state() == BudgetState.CLOSED).orElse(false));
            return isClosed ? Optional.of(new String[] {"CLOSED_YEAR", l.hospitalId() + " " + l.year()
                    + " 年预算已决算，不能再导入实际数"}) : Optional.empty();
        });
    }

    /**
     * The check's result with the accepted rows of a month that also has a rejected row moved to the rejected ones: a
     * month's rows replace all its stored actuals, so a month with a refused row is not replaced at all (its stored
     * actuals are kept) until it is imported again whole. A refused row whose month cannot be read holds back every
     * month of its hospital and year.
     */
    private static BudgetRowCheck.Result withoutIncompleteMonths(List<BudgetRowCheck.RawRow> rows,
                                                                 BudgetRowCheck.Result checked) {
        Set<String> incomplete = new HashSet<>();
        for (BudgetRowCheck.Rejected r : checked.rejected()) {
            String month = r.row().cell("month").strip().replaceFirst("^0+(?=\\d)", "");
            incomplete.add(r.row().cell("hospital_id").strip() + "|" + r.row().cell("year").strip() + "|"
                    + (month.matches("1[0-2]|[1-9]") ? month : "*"));
        }
        return setAside(rows, checked, l -> {
            String year = l.hospitalId() + "|" + l.year() + "|";
            return incomplete.contains(year + l.month()) || incomplete.contains(year + "*")
                    ? Optional.of(new String[] {"MONTH_INCOMPLETE", l.hospitalId() + " " + l.year() + " 年 " + l.month()
                            + " 月有被拒收的行：本月实际数未替换（已有的保持不变），更正后整月重新导入"})
                    : Optional.empty();
        });
    }

    /**
     * The check's result with the accepted rows that {@code refusal} refuses (its rule id and message) moved to the
     * rejected ones, in line order.
     */
    private static BudgetRowCheck.Result setAside(List<BudgetRowCheck.RawRow> rows, BudgetRowCheck.Result checked,
                                                  Function<BudgetLine, Optional<String[]>> refusal) {
        List<BudgetLine> accepted = new ArrayList<>();
        List<BudgetRowCheck.Rejected> rejected = new ArrayList<>(checked.rejected());
        Set<BudgetRowCheck.RawRow> refused = Collections.newSetFromMap(new IdentityHashMap<>());
        checked.rejected().forEach(x -> refused.add(x.row()));
        List<BudgetRowCheck.RawRow> acceptedRows = rows.stream().filter(r -> !refused.contains(r)).toList();
        int index = 0;
        for (BudgetLine l : checked.accepted()) {
            BudgetRowCheck.RawRow raw = acceptedRows.get(index++);
            Optional<String[]> no = refusal.apply(l);
            if (no.isPresent()) {
                rejected.add(new BudgetRowCheck.Rejected(raw, List.of(no.get()[0]), List.of(no.get()[1])));
            } else {
                accepted.add(l);
            }
        }
        rejected.sort(Comparator.comparingInt(r -> r.row().line()));
        return new BudgetRowCheck.Result(accepted, rejected);
    }

    /** Lines grouped by a key, groups and lines in the order of the file. */
    private static Map<String, List<BudgetLine>> groups(List<BudgetLine> lines, Function<BudgetLine, String> key) {
        Map<String, List<BudgetLine>> out = new LinkedHashMap<>();
        for (BudgetLine l : lines) {
            out.computeIfAbsent(key.apply(l), k -> new ArrayList<>()).add(l);
        }
        return out;
    }

    private static boolean sameLines(List<BudgetLine> a, List<BudgetLine> b) {
        return new HashSet<>(a).equals(new HashSet<>(b)) && a.size() == b.size();
    }

    private static long total(BudgetCatalog catalog, List<BudgetLine> lines, BudgetKind kind) {
        return lines.stream().filter(l -> catalog.item(l.item()).map(i -> i.kind() == kind).orElse(false))
                .mapToLong(BudgetLine::fen).sum();
    }

    private static void recordImport(Connection c, String what, String batch, String kind, String file, String sha256,
                                     int read, BudgetRowCheck.Result r, String user, Instant at) {
        Query.of(what, "INSERT INTO budget_imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").bind(batch, kind, file, sha256,
                read, r.accepted().size(), r.rejected().size(), Timestamp.from(at), user).update(c);
        Query.of(what, "INSERT INTO budget_rejects VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").bind(batch, file)
                .<BudgetRowCheck.Rejected>batch(c, r.rejected(), (s, x) -> {
                    s.setInt(3, x.row().line());
                    int i = 4;
                    for (String col : BudgetRowCheck.COLUMNS) {
                        s.setString(i++, x.row().cell(col));
                    }
                    s.setString(10, String.join("|", x.ruleIds()));
                    s.setString(11, String.join("；", x.messages()));
                });
    }
}

package org.hqd.store.budget;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetDepartment;
import org.hqd.budget.BudgetItem;
import org.hqd.budget.BudgetLine;
import org.hqd.budget.Money;
import org.hqd.store.Query;
import org.hqd.store.Transaction;

/**
 * What a budget is checked and compiled against: the item catalogue (kept in {@code budget_items} for the SQL that
 * reads it), the hospitals, their departments, and the discharges and inpatient charges of their cases.
 */
final class BudgetReference {
    private BudgetReference() {
    }

    /** Writes the catalogue into {@code budget_items} when the table does not hold it already (a read otherwise). */
    static void syncCatalog(Connection c, BudgetCatalog catalog) {
        List<String> want = new ArrayList<>();
        for (BudgetItem it : catalog.items()) {
            want.add(String.join("|", it.code(), it.name(), it.kind().name(), it.category(), measures(it)));
        }
        want.sort(null);
        List<String> have = new ArrayList<>(Query.of("读取预算项目目录", "SELECT concat_ws('|', code, name, kind, "
                + "category, measures) FROM budget_items").list(c, r -> r.getString(1)));
        have.sort(null);
        if (want.equals(have)) {
            return;
        }
        String what = "更新预算项目目录";
        Transaction.run(c, what, x -> {
            Query.of(what, "DELETE FROM budget_items").update(x);
            Query.of(what, "INSERT INTO budget_items VALUES (?, ?, ?, ?, ?)").<BudgetItem>batch(x, catalog.items(),
                    (s, it) -> {
                        s.setString(1, it.code());
                        s.setString(2, it.name());
                        s.setString(3, it.kind().name());
                        s.setString(4, it.category());
                        s.setString(5, measures(it));
                    });
            return null;
        });
    }

    private static String measures(BudgetItem it) {
        return String.join(",", new TreeSet<>(it.measures()));
    }

    /** The hospitals of the register and those with cases. */
    static Set<String> hospitals(Connection c) {
        return strings(c, Query.of("读取预算参考数据", "SELECT hospital_id FROM hospital_register UNION "
                + "SELECT DISTINCT hospital_id FROM case_records"));
    }

    /** A hospital's departments: those of its discharge abstracts and those registered for its budget. */
    static Set<String> departments(Connection c, String hospital) {
        return strings(c, Query.of("读取预算参考数据", "SELECT DISTINCT department FROM case_records WHERE hospital_id = ? "
                + "AND department IS NOT NULL UNION SELECT department FROM budget_departments WHERE hospital_id = ?")
                .bind(hospital, hospital));
    }

    /** A hospital's name from the register, or its id. */
    static String hospitalName(Connection c, String hospital) {
        return Query.of("读取预算参考数据", "SELECT name FROM hospital_register WHERE hospital_id = ?").bind(hospital)
                .first(c, r -> r.getString(1)).orElse(hospital);
    }

    /** The names of the register's hospitals, by id. */
    static Map<String, String> hospitalNames(Connection c) {
        Map<String, String> out = new HashMap<>();
        Query.of("读取预算参考数据", "SELECT hospital_id, name FROM hospital_register WHERE name IS NOT NULL")
                .forEach(c, r -> out.put(r.getString(1), r.getString(2)));
        return out;
    }

    private static Set<String> strings(Connection c, Query q) {
        return new LinkedHashSet<>(q.list(c, r -> r.getString(1)));
    }

    /** Registers departments (cost centres) of hospitals; returns how many were new. */
    static int registerDepartments(Connection c, List<BudgetDepartment> departments) {
        String what = "登记科室";
        return Transaction.run(c, what, x -> {
            int added = 0;
            for (BudgetDepartment d : departments) {
                added += Query.of(what, "INSERT OR IGNORE INTO budget_departments VALUES (?, ?)")
                        .bind(d.hospitalId(), d.department()).update(x);
            }
            return added;
        });
    }

    /** The discharges of a hospital's year. */
    static long discharges(Connection c, String hospital, int year) {
        return Query.of("读取出院人次", "SELECT count(*) FROM case_records WHERE hospital_id = ? "
                + "AND year(discharge_date) = ?").bind(hospital, year).number(c);
    }

    /** Inpatient revenue of a year's cases by clinical department, item and month, grown by a rate (fen). */
    static List<BudgetLine> caseForecast(Connection c, BudgetCatalog catalog, String hospital, int fromYear,
                                         double growth) {
        List<BudgetLine> out = new ArrayList<>();
        for (BudgetItem item : catalog.items()) {
            if (item.caseCharges().isEmpty()) {
                continue;
            }
            String sum = String.join(" + ", item.caseCharges().stream().sorted()
                    .map(ch -> "coalesce(" + ch + ", 0)").toList());
            Query.of("按病例预测住院收入", "SELECT department, month(discharge_date), sum(" + sum + ") FROM case_records "
                            + "WHERE hospital_id = ? AND year(discharge_date) = ? AND department IS NOT NULL "
                            + "GROUP BY ALL ORDER BY 1, 2").bind(hospital, fromYear)
                    .forEach(c, r -> {
                        long fen = Money.ofYuan(r.getDouble(3) * (1 + growth));
                        if (fen != 0) {
                            out.add(new BudgetLine(hospital, fromYear + 1, r.getString(1), item.code(), r.getInt(2), fen));
                        }
                    });
        }
        return out;
    }
}

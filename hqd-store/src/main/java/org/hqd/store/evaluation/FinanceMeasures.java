package org.hqd.store.evaluation;

import java.sql.Connection;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.Measure;
import org.hqd.store.Query;

/*
 * The finance measures (Measure.Source.FINANCE, fin_<name>) of each hospital from the actual amounts of the budget
 * workflow (budget_actuals): an item adds to the measures the budget catalogue gives it (budget-items.tsv, column
 * measures: fin_ + that name), so which account counts where is data. For a whole period a hospital has them only
 * when every month of the period has actual amounts (a year with eleven months of actuals is no year's revenue).
 * The budget measure budget_approved: 1 when every year of the period has an approved (or closed) budget version,
 * 0 when every year has a budget but one is not approved, absent otherwise.
 */
/** Finance and budget measures of each hospital (and month). */
final class FinanceMeasures {
    private static final String ACTUALS = """
            WITH items AS (SELECT code, trim(unnest(string_split(measures, ','))) AS measure FROM budget_items),
            acts AS (SELECT hospital_id, year, month, item, amount FROM budget_actuals
                     WHERE year * 100 + month BETWEEN ? AND ?),
            covered AS (SELECT hospital_id, count(DISTINCT year * 100 + month) AS months FROM acts GROUP BY 1)
            SELECT a.hospital_id, {month} AS period, i.measure, sum(a.amount) / 100.0
            FROM acts a JOIN items i ON i.code = a.item JOIN covered c USING (hospital_id)
            WHERE i.measure <> '' AND (? OR c.months = ?)
            GROUP BY ALL
            """;

    private static final String BUDGET = """
            SELECT hospital_id, count(DISTINCT year) AS years,
                   count(DISTINCT year) FILTER (WHERE state IN ('APPROVED', 'CLOSED')) AS approved
            FROM budget_versions WHERE year BETWEEN ? AND ? GROUP BY 1
            """;

    private FinanceMeasures() {
    }

    static void read(Connection c, EvaluationPeriod period, boolean byMonth,
                     Map<String, Map<String, Map<Measure, Double>>> values) {
        String month = byMonth ? "printf('%04d-%02d', a.year, a.month)" : "''";
        Query.of(MeasureQuery.WHAT, ACTUALS.replace("{month}", month))
                .bind(period.first().getYear() * 100 + period.first().getMonthValue(),
                        period.last().getYear() * 100 + period.last().getMonthValue(), byMonth, period.months().size())
                .forEach(c, r -> {
                    Measure m = Measure.byId("fin_" + r.getString(3)).orElse(null);
                    if (m != null && m.source() == Measure.Source.FINANCE) {
                        at(values, r.getString(2), r.getString(1)).put(m, r.getDouble(4));
                    }
                });
        if (byMonth) {
            return;
        }
        int years = period.last().getYear() - period.first().getYear() + 1;
        Query.of(MeasureQuery.WHAT, BUDGET).bind(period.first().getYear(), period.last().getYear()).forEach(c, r -> {
            if (r.getInt(2) == years) {
                at(values, "", r.getString(1)).put(Measure.BUDGET_APPROVED, r.getInt(3) == years ? 1.0 : 0.0);
            }
        });
    }

    static Map<Measure, Double> at(Map<String, Map<String, Map<Measure, Double>>> values, String period,
                                   String hospital) {
        return values.computeIfAbsent(period, k -> new TreeMap<>()).computeIfAbsent(hospital,
                k -> new EnumMap<>(Measure.class));
    }
}

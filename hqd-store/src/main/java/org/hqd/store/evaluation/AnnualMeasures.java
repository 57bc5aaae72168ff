package org.hqd.store.evaluation;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.Measure;
import org.hqd.store.Query;

/*
 * The measures of the yearly hospital report (机构年报, table annual_report_rows, one row per hospital and year) for a
 * period of whole years: a column has a value only when every year of the period has it. Counts and amounts of the
 * years are summed; staff, wards and balance-sheet items (stocks) and scores are averaged over the years; flags and
 * item counts (FLAG, STATUS) are the last year's. Months or parts of years have none of them: the report is yearly.
 */
/** The yearly-report measures of each hospital over a period of whole years. */
final class AnnualMeasures {
    private AnnualMeasures() {
    }

    /** Whether the period is made of whole calendar years. */
    static boolean wholeYears(EvaluationPeriod period) {
        return period.first().getMonthValue() == 1 && period.last().getMonthValue() == 12;
    }

    static void read(Connection c, EvaluationPeriod period, Map<String, Map<String, Map<Measure, Double>>> values) {
        if (!wholeYears(period)) {
            return;
        }
        List<Measure> columns = Measure.annualReportColumns();
        int years = period.last().getYear() - period.first().getYear() + 1;
        String last = String.valueOf(period.last().getYear());
        StringBuilder sql = new StringBuilder("SELECT hospital_id, '' AS period");
        for (Measure m : columns) {
            String col = m.id();
            String agg = switch (m.kind()) {
                case COUNT, AMOUNT -> "CASE WHEN count(" + col + ") = " + years + " THEN sum(" + col + ") END";
                case FLAG, STATUS -> "any_value(" + col + ") FILTER (WHERE year = '" + last + "')";
                default -> "CASE WHEN count(" + col + ") = " + years + " THEN avg(" + col + ") END";
            };
            sql.append(", ").append(agg);
        }
        sql.append(" FROM annual_report_rows WHERE year BETWEEN ? AND ? GROUP BY hospital_id");
        Query.of(MeasureQuery.WHAT, sql.toString()).bind(String.valueOf(period.first().getYear()), last)
                .forEach(c, MeasureQuery.into(columns, values));
    }
}

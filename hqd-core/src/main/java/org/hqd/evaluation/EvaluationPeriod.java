package org.hqd.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.hqd.HqdException;

/**
 * The months an evaluation covers, written {@code YYYY} (a year), {@code YYYY-MM} (a month) or
 * {@code YYYY-MM..YYYY-MM} (a range of months, both ends included). Cases are selected by discharge date.
 */
public record EvaluationPeriod(YearMonth first, YearMonth last) {
    public EvaluationPeriod {
        if (last.isBefore(first)) {
            throw new HqdException("期间的结束月 " + last + " 早于开始月 " + first);
        }
    }

    public static EvaluationPeriod parse(String text) {
        String t = text.strip();
        try {
            if (t.matches("\\d{4}")) {
                int y = Integer.parseInt(t);
                return new EvaluationPeriod(YearMonth.of(y, 1), YearMonth.of(y, 12));
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                YearMonth m = YearMonth.parse(t);
                return new EvaluationPeriod(m, m);
            }
            if (t.matches("\\d{4}-\\d{2}\\.\\.\\d{4}-\\d{2}")) {
                return new EvaluationPeriod(YearMonth.parse(t.substring(0, 7)), YearMonth.parse(t.substring(9)));
            }
        } catch (DateTimeParseException e) {
            // falls through to the message below
        }
        throw new HqdException("期间应写作 YYYY、YYYY-MM 或 YYYY-MM..YYYY-MM（如 2024、2024-03、2024-01..2024-06），实际为 '"
                + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
    }

    public LocalDate from() {
        return first.atDay(1);
    }

    public LocalDate to() {
        return last.atEndOfMonth();
    }

    /** The year whose targets apply: the year of the last month. */
    public int targetYear() {
        return last.getYear();
    }

    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    @Override
    public String toString() {
        if (first.equals(last)) {
            return first.toString();
        }
        if (first.getMonthValue() == 1 && last.getMonthValue() == 12 && first.getYear() == last.getYear()) {
            return String.valueOf(first.getYear());
        }
        return first + ".." + last;
    }
}

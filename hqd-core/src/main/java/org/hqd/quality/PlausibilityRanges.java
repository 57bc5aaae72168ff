package org.hqd.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hqd.HqdException;
import org.hqd.TsvRows;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.Charges;
import org.hqd.casemix.abstracts.DischargeAbstract;

/**
 * The plausibility ranges of discharge-abstract values, as data ({@code abstract-ranges.tsv}: {@code rule_id,
 * column, min, max}): a value outside its range fails the row's rule (age, dates, length of stay, costs). Dates may
 * be bounded by {@code today}, the day the rows are checked. Missing values are the required-field rule's business,
 * not these. Immutable.
 */
public final class PlausibilityRanges {
    /** One range: a numeric column within [min, max], or a date column within [minDate, maxDate or today]. */
    record Range(String ruleId, AbstractColumn column, double min, double max, LocalDate minDate,
                 Optional<LocalDate> maxDate) {
        boolean isDate() {
            return DATE_COLUMNS.contains(column);
        }
    }

    private static final Set<AbstractColumn> DATE_COLUMNS = Set.of(AbstractColumn.BIRTH_DATE,
            AbstractColumn.ADMISSION_DATE, AbstractColumn.DISCHARGE_DATE);
    private static final Set<AbstractColumn> WHOLE_COLUMNS = Set.of(AbstractColumn.AGE_YEARS, AbstractColumn.AGE_DAYS,
            AbstractColumn.BIRTH_WEIGHT_G, AbstractColumn.LOS_DAYS);
    private static final String TODAY = "today";

    private final List<Range> ranges;

    private PlausibilityRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** The ranges shipped with HQD. */
    public static PlausibilityRanges standard() {
        try (InputStream in = PlausibilityRanges.class.getResourceAsStream("abstract-ranges.tsv")) {
            if (in == null) {
                throw new HqdException("缺少内置合理范围表 abstract-ranges.tsv");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "abstract-ranges.tsv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No ranges at all. */
    public static PlausibilityRanges none() {
        return new PlausibilityRanges(List.of());
    }

    /** Ranges from a TSV text; every problem names {@code source} and the line. */
    public static PlausibilityRanges parse(String text, String source) {
        List<Range> out = new ArrayList<>();
        for (TsvRows.Row r : TsvRows.parse(text, source, List.of("rule_id", "column", "min", "max")).rows()) {
            AbstractColumn column = AbstractColumn.byName(r.get("column")).orElseThrow(() -> r.error("未知的列 '"
                    + r.get("column") + "'"));
            boolean date = DATE_COLUMNS.contains(column);
            if (!date && !WHOLE_COLUMNS.contains(column) && column != AbstractColumn.TOTAL_COST
                    && column.charge().isEmpty()) {
                throw r.error("列 " + column.column() + " 不是数值或日期列，不能设合理范围");
            }
            if (date) {
                LocalDate min = date(r, "min");
                Optional<LocalDate> max = r.get("max").equals(TODAY) ? Optional.empty() : Optional.of(date(r, "max"));
                if (max.isPresent() && max.get().isBefore(min)) {
                    throw r.error("max 早于 min");
                }
                out.add(new Range(r.get("rule_id"), column, 0, 0, min, max));
            } else {
                double min = number(r, "min");
                double max = number(r, "max");
                if (max < min) {
                    throw r.error("max 小于 min");
                }
                out.add(new Range(r.get("rule_id"), column, min, max, LocalDate.MIN, Optional.empty()));
            }
        }
        return new PlausibilityRanges(out);
    }

    private static LocalDate date(TsvRows.Row r, String cell) {
        try {
            return LocalDate.parse(r.get(cell));
        } catch (DateTimeParseException e) {
            throw r.error(cell + " 应为 YYYY-MM-DD" + (cell.equals("max") ? " 或 today" : "") + "，实际为 '" + r.get(cell) + "'");
        }
    }

    private static double number(TsvRows.Row r, String cell) {
        try {
            double v = Double.parseDouble(r.get(cell));
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw r.error(cell + " 应为数值，实际为 '" + r.get(cell) + "'");
    }

    /** The rule ids these ranges use. */
    public Set<String> ruleIds() {
        return Set.copyOf(ranges.stream().map(Range::ruleId).toList());
    }

    /** A span of days, both ends included. */
    public record DateWindow(LocalDate first, LocalDate last) { }

    /**
     * The plausible discharge dates as of {@code today} (what a default period may be drawn from); from year 1 to
     * 9998 without a discharge-date range.
     */
    public DateWindow dischargeWindow(LocalDate today) {
        for (Range r : ranges) {
            if (r.column() == AbstractColumn.DISCHARGE_DATE) {
                return new DateWindow(r.minDate(), r.maxDate().orElse(today));
            }
        }
        return new DateWindow(LocalDate.of(1, 1, 1), LocalDate.of(9998, 12, 31));
    }

    /**
     * Adds a finding for each value of the row outside its range (one per rule, naming the columns, never their
     * values). Columns in {@code unreadable} are skipped.
     */
    void check(DischargeAbstract a, LocalDate today, Set<AbstractColumn> unreadable, AbstractQualityChecks checks,
               List<QualityFinding> out) {
        Map<String, List<String>> failed = new LinkedHashMap<>(0);
        for (Range r : ranges) {
            if (!unreadable.contains(r.column()) && !within(r, a, today)) {
                failed.computeIfAbsent(r.ruleId(), k -> new ArrayList<>(1))
                        .add(r.column().named() + " 应在 " + bounds(r, today) + "之间");
            }
        }
        failed.forEach((rule, what) -> out.add(checks.finding(rule, String.join("；", what))));
    }

    private static String bounds(Range r, LocalDate today) {
        if (r.isDate()) {
            return r.minDate() + " 至" + r.maxDate().map(d -> " " + d + " ").orElse("今天（" + today + "）");
        }
        return plain(r.min()) + "–" + plain(r.max()) + " ";
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Whether the row's value of the range's column is missing or within the range. */
    private static boolean within(Range r, DischargeAbstract a, LocalDate today) {
        if (r.isDate()) {
            LocalDate d = switch (r.column()) {
                case BIRTH_DATE -> a.birthDate();
                case ADMISSION_DATE -> a.admissionDate();
                default -> a.dischargeDate();
            };
            return d == null || (!d.isBefore(r.minDate()) && !d.isAfter(r.maxDate().orElse(today)));
        }
        double v = switch (r.column()) {
            case AGE_YEARS -> whole(a.ageYears());
            case AGE_DAYS -> whole(a.ageDays());
            case BIRTH_WEIGHT_G -> whole(a.birthWeightG());
            case LOS_DAYS -> whole(a.losDays());
            case TOTAL_COST -> a.totalCost();
            default -> a.charges().equals(Charges.NONE) ? Double.NaN : a.charges().get(r.column().charge().orElseThrow());
        };
        return Double.isNaN(v) || (v >= r.min() && v <= r.max());
    }

    private static double whole(int v) {
        return v == DischargeAbstract.UNKNOWN ? Double.NaN : v;
    }
}
